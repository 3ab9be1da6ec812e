package dev.tagline.inference.store;

import java.nio.file.Path;

/**
 * Fetches model files from one kind of {@link FileSource} (the Hub, npm, the classpath, an existing Hugging Face
 * cache). Implementations are thread-safe; the store serialises work on one file with a lock.
 */
interface ModelSource {
    /** Whether this source can fetch from {@code source}. */
    boolean handles(FileSource source);

    /** Names the source and its address, for the error that lists every source tried. */
    String describe(FileSource source);

    /**
     * Produces the file. A source that writes, writes into {@code staging} (a hidden file beside the final place) and
     * returns it; the store verifies the hash before the file becomes visible.
     *
     * @throws SourceException with a short reason when this source cannot deliver the file
     */
    Candidate fetch(ModelEntry model, ModelFile file, FileSource source, Path staging) throws SourceException;
}
