package dev.tagline.inference.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** verify, list and path over a cache filled by hand, the way the error hint tells users to. */
class CacheVerifierTest {
    @TempDir
    Path dir;

    @Test
    void filesCopiedInByHandAreAcceptedWhenTheyMatchAndVerifyCatchesLaterDamage() throws Exception {
        byte[] content = "weights".getBytes();
        String json = "{\"models\": [{\"id\": \"w\", \"files\": [{\"name\": \"w.onnx\", \"sha256\": \""
                + StoreFixture.sha256(content) + "\", \"size\": 7, \"sources\": [{\"type\": \"npm\", "
                + "\"package\": \"x@1\", \"path\": \"w.onnx\"}]}]}]}";
        StoreFixture fixture = new StoreFixture(dir);
        ModelStore store = fixture.store(json, fixture.config("http://127.0.0.1:9", null, true));
        assertEquals(ModelStatus.State.MISSING, store.list().get(0).state());
        assertEquals(List.of(FileCheck.Status.MISSING), statuses(store));

        Path file = store.path("w").resolve("w.onnx");
        Files.createDirectories(file.getParent());
        Files.write(file, content);
        assertEquals(file, store.resolve("w").file("w.onnx"), "resolved from the cache; npm never ran");
        assertEquals(ModelStatus.State.READY, store.list().get(0).state());
        assertEquals(7, store.list().get(0).presentBytes());
        assertEquals(List.of(FileCheck.Status.OK), statuses(store));

        Files.write(file, "damaged".getBytes());
        List<FileCheck> checks = store.verify("w");
        assertEquals(FileCheck.Status.MISMATCH, checks.get(0).status());
        assertTrue(Files.notExists(file), "a damaged file leaves the cache so the next pull replaces it");
        assertTrue(store.cached("w").isEmpty());
    }

    private static List<FileCheck.Status> statuses(ModelStore store) {
        return store.verify("w").stream().map(FileCheck::status).toList();
    }

    @Test
    void handCopiedFilesOfAnUnpinnedModelWereReadyAndOk_nowTheyAreUnverifiedAndNoVerifiedHashIsRecorded()
            throws Exception {
        StoreFixture fixture = new StoreFixture(dir);
        ModelStore store = fixture.store(StoreFixture.hubCatalog("tiny", "acme/tiny", "model.onnx", null),
                fixture.config("http://127.0.0.1:9", null, true));
        Path file = store.path("tiny").resolve("model.onnx");
        Files.createDirectories(file.getParent());
        Files.write(file, "some other model".getBytes());

        assertEquals(ModelStatus.State.UNVERIFIED, store.list().get(0).state());
        assertEquals("unverified (copied by hand; no pinned hash)", store.list().get(0).state().label());
        assertEquals(List.of(FileCheck.Status.UNVERIFIED), store.verify("tiny").stream().map(FileCheck::status)
                .toList());

        assertEquals(file, store.resolve("tiny").file("model.onnx"), "used as it is, offline");
        assertTrue(Files.notExists(file.resolveSibling(".model.onnx.sha256")), "no record that would vouch for it");
        assertTrue(Files.readString(file.resolveSibling(".model.onnx.unverified"))
                .startsWith(StoreFixture.sha256("some other model".getBytes()) + "  model.onnx"));
        assertEquals(ModelStatus.State.UNVERIFIED, store.list().get(0).state(), "still unverified after first use");
        assertEquals(List.of(FileCheck.Status.UNVERIFIED), store.verify("tiny").stream().map(FileCheck::status)
                .toList());
        assertTrue(Files.exists(file), "verify never deletes a file it cannot judge");
    }

    @Test
    void aModelOnlyInTheHuggingFaceCacheWasListedMissing_nowReadyFromTheHfCacheWithItsSize() throws Exception {
        StoreFixture fixture = new StoreFixture(dir);
        byte[] content = StoreFixture.randomBytes(5000, 3);
        String sha = StoreFixture.sha256(content);
        String commit = "a".repeat(40);
        Path repo = fixture.hfCache.resolve("models--acme--tiny");
        Files.createDirectories(repo.resolve("blobs"));
        Files.write(repo.resolve("blobs").resolve(sha), content);
        Files.createDirectories(repo.resolve("refs"));
        Files.writeString(repo.resolve("refs").resolve("main"), commit);
        Path snapshot = repo.resolve("snapshots").resolve(commit).resolve("model.onnx");
        Files.createDirectories(snapshot.getParent());
        Files.createSymbolicLink(snapshot, Path.of("../../blobs").resolve(sha));
        ModelStore store = fixture.store(StoreFixture.hubCatalog("tiny", "acme/tiny", "model.onnx", null),
                fixture.config("http://127.0.0.1:9", null, true));

        ModelStatus status = store.list().get(0);

        assertEquals(ModelStatus.State.READY_HF_CACHE, status.state());
        assertEquals("ready (HF cache)", status.state().label());
        assertEquals(5000, status.sizeBytes(), "the size of the files on disk, not '?'");
        assertTrue(Files.notExists(store.path("tiny")), "listing links nothing into Tagline's cache");
    }
}
