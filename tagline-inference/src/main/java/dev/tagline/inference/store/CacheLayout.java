package dev.tagline.inference.store;

import java.nio.file.Path;

/**
 * Tagline's cache folder: {@code <models>/<id>/<file>} for verified files, beside each a hidden {@code .<file>.sha256}
 * (sha256sum format) recording the verified hash, and a hidden {@code .<file>.incomplete} while a download runs (kept
 * after a broken connection so the next pull resumes). A file copied in by hand for a model whose catalog entry pins
 * no hash cannot be verified: its hash as found goes into {@code .<file>.unverified} instead, never into the record
 * of a verified file. Locks live apart in {@code <models>/.locks/<id>/}, so a model
 * folder holds nothing else.
 */
record CacheLayout(Path modelsDir) {
    static final String INCOMPLETE = ".incomplete";

    Path modelDir(String id) {
        return modelsDir.resolve(id);
    }

    Path file(String id, String name) {
        return modelDir(id).resolve(name);
    }

    Path staging(String id, String name) {
        return modelDir(id).resolve("." + name + INCOMPLETE);
    }

    Path shaRecord(String id, String name) {
        return modelDir(id).resolve("." + name + ".sha256");
    }

    Path unverifiedRecord(String id, String name) {
        return modelDir(id).resolve("." + name + ".unverified");
    }

    Path lock(String id, String name) {
        return modelsDir.resolve(".locks").resolve(id).resolve(name + ".lock");
    }
}
