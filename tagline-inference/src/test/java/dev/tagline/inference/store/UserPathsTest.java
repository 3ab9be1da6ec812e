package dev.tagline.inference.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tagline.core.TaglineException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --model-path}: models the catalog does not know, and catalog models from the user's own folder. */
class UserPathsTest {
    @TempDir
    Path dir;

    private ModelStore store() {
        StoreFixture fixture = new StoreFixture(dir);
        byte[] vad = "vad".getBytes();
        String json = "{\"models\": [{\"id\": \"vad\", \"files\": [{\"name\": \"vad.onnx\", \"sha256\": \""
                + StoreFixture.sha256(vad) + "\", \"sources\": [{\"type\": \"npm\", \"package\": \"x@1\", "
                + "\"path\": \"vad.onnx\"}]}]}]}";
        return fixture.store(json, fixture.config("http://127.0.0.1:9", null, true));
    }

    @Test
    void anUnknownModelIsTheFileOrTheFolderGiven() throws Exception {
        Path folder = dir.resolve("mine");
        Files.createDirectories(folder);
        Files.writeString(folder.resolve("model.onnx"), "m");
        Files.writeString(folder.resolve("tags.csv"), "t");
        Files.writeString(folder.resolve(".hidden"), "h");

        ResolvedModel model = store().resolve("my-tagger", folder);

        assertEquals(List.of("model.onnx", "tags.csv"), List.copyOf(model.files().keySet()));
        assertEquals("--model-path", model.origin());
        assertEquals(folder.resolve("model.onnx"), store().resolve(folder.resolve("model.onnx").toString())
                .file("model.onnx"));
    }

    @Test
    void aCatalogModelFromAUserFileIsCheckedAgainstItsPin() throws Exception {
        Path good = dir.resolve("good.onnx");
        Files.writeString(good, "vad");
        assertEquals(good, store().resolve("vad", good).file("vad.onnx"));

        Path bad = dir.resolve("bad.onnx");
        Files.writeString(bad, "not vad");
        TaglineException e = assertThrows(TaglineException.class, () -> store().resolve("vad", bad));
        assertTrue(e.getMessage().startsWith(bad + " has SHA-256 "), e.getMessage());
        assertTrue(e.getMessage().contains("model vad file vad.onnx must have"), e.getMessage());
    }

    @Test
    void aMissingPathIsNamed() {
        TaglineException e = assertThrows(TaglineException.class, () -> store().resolve("vad", dir.resolve("gone")));
        assertEquals("--model-path " + dir.resolve("gone") + " does not exist", e.getMessage());
    }

    @Test
    void anHfCacheRepoFolderAsModelPathHadNoModelOnnx_nowItsRefsMainSnapshotIsUsed() throws Exception {
        StoreFixture fixture = new StoreFixture(dir);
        ModelStore store = fixture.store(StoreFixture.hubCatalog("wd", "SmilingWolf/wd-swinv2-tagger-v3",
                "model.onnx", null), fixture.config("http://127.0.0.1:9", null, true));
        Path repo = dir.resolve("hub").resolve("models--SmilingWolf--wd-swinv2-tagger-v3");
        String commit = "b".repeat(40);
        Files.createDirectories(repo.resolve("blobs"));
        Files.writeString(repo.resolve("blobs").resolve("c".repeat(64)), "m");
        Files.createDirectories(repo.resolve("refs"));
        Files.writeString(repo.resolve("refs").resolve("main"), commit + "\n");
        Path snapshot = repo.resolve("snapshots").resolve(commit);
        Files.createDirectories(snapshot);
        Files.createSymbolicLink(snapshot.resolve("model.onnx"), Path.of("../../blobs").resolve("c".repeat(64)));

        ResolvedModel model = store.resolve("wd", repo);

        assertEquals(snapshot.resolve("model.onnx"), model.file("model.onnx"));
        assertEquals(snapshot.resolve("model.onnx"), store.resolve("SmilingWolf/wd-swinv2-tagger-v3", repo)
                .file("model.onnx"), "the Hub repository id names the catalog model");
    }

    @Test
    void anHfCacheRepoFolderWithSeveralSnapshotsAndNoRefSaysToPickOneOrDropModelPath() throws Exception {
        Path repo = dir.resolve("models--SmilingWolf--wd-swinv2-tagger-v3");
        Files.createDirectories(repo.resolve("snapshots").resolve("1".repeat(40)));
        Files.createDirectories(repo.resolve("snapshots").resolve("2".repeat(40)));

        TaglineException e = assertThrows(TaglineException.class, () -> store().resolve("my-wd", repo));

        assertTrue(e.getMessage().contains("is a Hugging Face cache folder with 2 snapshots and no refs/main"),
                e.getMessage());
        assertTrue(e.hint().contains("Pass one of its snapshots/REV/ folders (" + "1".repeat(40) + ", "
                + "2".repeat(40) + "), or drop --model-path: Tagline reads the Hugging Face cache itself."), e.hint());
    }
}
