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
}
