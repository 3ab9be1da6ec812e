package dev.tagline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tagline.testkit.FakeHuggingFaceHub;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tagline models …} in process, against the fake Hub serving a catalog model's real repository name. */
class ModelsCommandIT {
    private static final String REPO = "SmilingWolf/wd-vit-tagger-v3";
    private static final byte[] MODEL = new byte[200_000];
    private static final byte[] TAGS = "tag_id,name,category,count\n9999999,general,9,807995\n".getBytes();

    @TempDir
    Path dir;
    FakeHuggingFaceHub hub;

    @BeforeEach
    void start() {
        new Random(5).nextBytes(MODEL);
        hub = FakeHuggingFaceHub.start().addLfsFile(REPO, "model.onnx", MODEL).addFile(REPO, "selected_tags.csv", TAGS);
    }

    @AfterEach
    void stop() {
        hub.close();
    }

    private CliTestSupport cli(String... extraEnv) {
        Map<String, String> env = new HashMap<>(Map.of("TAGLINE_HOME", dir.resolve("home").toString(),
                "HF_HOME", dir.resolve("hf").toString(), "HF_ENDPOINT", hub.endpoint().toString()));
        for (int i = 0; i < extraEnv.length; i += 2) {
            env.put(extraEnv[i], extraEnv[i + 1]);
        }
        return new CliTestSupport(dir, env);
    }

    private Path modelDir() {
        return dir.resolve("home").resolve("models").resolve("wd-vit-tagger-v3");
    }

    @Test
    void listShowsEveryCatalogModelAndWhetherItIsCached() {
        CliTestSupport cli = cli();
        assertEquals(ExitCode.OK, cli.run("models", "list"));
        for (String id : List.of("silero-vad", "paddleocr-ppocrv4", "blazeface", "all-minilm-l6-v2",
                "wd-eva02-large-tagger-v3")) {
            assertTrue(cli.out().contains(id + " "), cli.out());
        }
        assertTrue(cli.out().lines().anyMatch(l -> l.startsWith("silero-vad ") && l.contains("1.2 MiB")
                && l.contains("missing")), cli.out());
        assertTrue(cli.out().contains("Cache: " + dir.resolve("home").resolve("models")), cli.out());
        int task = cli.out().lines().findFirst().orElseThrow().indexOf("TASK");
        assertTrue(cli.out().lines().filter(l -> !l.startsWith("Cache:"))
                .allMatch(l -> l.charAt(task - 1) == ' ' && l.charAt(task) != ' '), "one column for every task, the"
                + " longest id (wd-v1-4-convnextv2-tagger-v2) included:\n" + cli.out());
    }

    @Test
    void pullDownloadsVerifiesAndPrintsWhereThenPathAndVerifyAgree() throws Exception {
        CliTestSupport pull = cli();
        assertEquals(ExitCode.OK, pull.run("models", "pull", "wd-vit-tagger-v3"), pull.err());
        assertEquals("wd-vit-tagger-v3: 2 files, 195 KiB, in " + modelDir(), pull.out().strip());
        assertTrue(pull.err().contains("wd-vit-tagger-v3/model.onnx"), "progress on stderr: " + pull.err());
        assertFalse(pull.err().contains("\r"), "no terminal, so log lines, not bars: " + pull.err());

        CliTestSupport path = cli();
        assertEquals(ExitCode.OK, path.run("models", "path", "wd-vit-tagger-v3"));
        assertEquals(modelDir().toString(), path.out().strip());

        CliTestSupport list = cli();
        assertEquals(ExitCode.OK, list.run("models", "list"));
        assertTrue(list.out().lines().anyMatch(l -> l.startsWith("wd-vit-tagger-v3 ") && l.contains("ready")),
                list.out());

        CliTestSupport verify = cli();
        assertEquals(ExitCode.OK, verify.run("models", "verify"));
        assertEquals(2, verify.out().lines().filter(l -> l.startsWith("ok ")).count(), verify.out());
    }

    @Test
    void verifyReportsADamagedFileExitsOneAndTheNextPullRepairsIt() throws Exception {
        assertEquals(ExitCode.OK, cli().run("models", "pull", "wd-vit-tagger-v3"));
        Files.write(modelDir().resolve("model.onnx"), "garbage".getBytes());

        CliTestSupport verify = cli();
        assertEquals(ExitCode.SOME_FAILED, verify.run("models", "verify", "wd-vit-tagger-v3"));
        assertTrue(verify.out().contains("damaged   wd-vit-tagger-v3/model.onnx"), verify.out());

        hub.clearRequests();
        assertEquals(ExitCode.OK, cli().run("models", "pull", "wd-vit-tagger-v3"));
        assertEquals(MODEL.length, Files.size(modelDir().resolve("model.onnx")));
        assertEquals(2, hub.requests().size(), "only the damaged file was fetched again: " + hub.requests());
    }

    @Test
    void pullOfflineIsOneLineNamingEachSourceAndExitsTwo() {
        CliTestSupport cli = cli("HF_HUB_OFFLINE", "1");
        assertEquals(ExitCode.USAGE, cli.run("models", "pull", "wd-vit-tagger-v3"));
        assertEquals(1, cli.err().strip().lines().count(), cli.err());
        assertTrue(cli.err().startsWith("error: Cannot get model wd-vit-tagger-v3 (2 files missing: model.onnx,"
                + " selected_tags.csv). Tried for model.onnx: 1) local"), cli.err());
        assertTrue(cli.err().contains("HF_HUB_OFFLINE is set"), cli.err());
        assertTrue(cli.err().contains("pass --model-path FILE|DIR"), cli.err());
        assertEquals(List.of(), hub.requests());
    }

    @Test
    void gatedRepoWithoutTokenTellsToSetHfToken() {
        hub.gate(REPO, "hf_right");
        CliTestSupport cli = cli();
        assertEquals(ExitCode.USAGE, cli.run("models", "pull", "wd-vit-tagger-v3"));
        assertTrue(cli.err().contains("gated repository"), cli.err());
        assertTrue(cli.err().contains("set HF_TOKEN"), cli.err());

        assertEquals(ExitCode.OK, cli("HF_TOKEN", "hf_right").run("models", "pull", "wd-vit-tagger-v3"));
    }

    @Test
    void pathOfAModelNotPulledAndAnUnknownIdExitTwo() {
        CliTestSupport path = cli();
        assertEquals(ExitCode.USAGE, path.run("models", "path", "silero-vad"));
        assertTrue(path.err().contains("Model silero-vad is not pulled yet (file silero_vad_16k_op15.onnx: local cache "
                + dir.resolve("home").resolve("models").resolve("silero-vad")), path.err());
        assertTrue(path.err().contains("Run 'tagline models pull silero-vad' to fetch it."), path.err());

        CliTestSupport unknown = cli();
        assertEquals(ExitCode.USAGE, unknown.run("models", "pull", "no-such-model"));
        assertTrue(unknown.err().startsWith("error: Unknown model 'no-such-model'"), unknown.err());
    }

    @Test
    void pathReportsAModelThatIsOnlyInTheHuggingFaceCacheWithoutARequest() throws Exception {
        fillHfCache();

        CliTestSupport path = cli();
        assertEquals(ExitCode.OK, path.run("models", "path", "wd-vit-tagger-v3"), path.err());

        assertEquals(modelDir().toString(), path.out().strip());
        assertEquals(List.of(), hub.requests(), "nothing downloaded");
        assertTrue(Files.isRegularFile(modelDir().resolve("model.onnx")));
        assertTrue(Files.isRegularFile(modelDir().resolve("selected_tags.csv")));
    }

    @Test
    void pathOfAHubModelInNeitherCacheNamesBothAndHowToPullWithoutARequest() {
        CliTestSupport path = cli();
        assertEquals(ExitCode.USAGE, path.run("models", "path", "wd-vit-tagger-v3"));

        assertTrue(path.err().contains("Model wd-vit-tagger-v3 is not pulled yet (file model.onnx: local cache "
                + modelDir().resolve("model.onnx") + ": not there; Hugging Face cache " + dir.resolve("hf")
                .resolve("hub").resolve("models--SmilingWolf--wd-vit-tagger-v3") + ": not there)"), path.err());
        assertTrue(path.err().contains("Run 'tagline models pull wd-vit-tagger-v3' to fetch it."), path.err());
        assertEquals(List.of(), hub.requests());
    }

    private static String hex(String algorithm, byte[] prefix, byte[] content) throws Exception {
        java.security.MessageDigest digest = java.security.MessageDigest.getInstance(algorithm);
        digest.update(prefix);
        return java.util.HexFormat.of().formatHex(digest.digest(content));
    }

    @Test
    void modelPathServesAModelTheCatalogDoesNotKnow() throws Exception {
        Path mine = dir.resolve("my-model");
        Files.createDirectories(mine);
        Files.write(mine.resolve("model.onnx"), MODEL);

        CliTestSupport path = cli();
        assertEquals(ExitCode.OK, path.run("models", "path", "my-tagger", "--model-path", "my-model"));
        assertEquals(mine.toString(), path.out().strip());
    }

    @Test
    void verifyWithAnEmptyCacheSaysSo() {
        CliTestSupport cli = cli();
        assertEquals(ExitCode.OK, cli.run("models", "verify"));
        assertTrue(cli.out().startsWith("No models in the cache"), cli.out());
    }

    /** The fake Hub's wd-vit-tagger-v3 as huggingface_hub caches it under HF_HOME. */
    private void fillHfCache() throws Exception {
        Path repo = dir.resolve("hf").resolve("hub").resolve("models--SmilingWolf--wd-vit-tagger-v3");
        String commit = hub.commit(REPO);
        Files.createDirectories(repo.resolve("refs"));
        Files.writeString(repo.resolve("refs").resolve("main"), commit);
        Files.createDirectories(repo.resolve("blobs"));
        Files.createDirectories(repo.resolve("snapshots").resolve(commit));
        String modelBlob = hex("SHA-256", new byte[0], MODEL);
        String tagsBlob = hex("SHA-1", ("blob " + TAGS.length + "\0").getBytes(), TAGS);
        Files.write(repo.resolve("blobs").resolve(modelBlob), MODEL);
        Files.write(repo.resolve("blobs").resolve(tagsBlob), TAGS);
        Files.createSymbolicLink(repo.resolve("snapshots").resolve(commit).resolve("model.onnx"),
                Path.of("../../blobs").resolve(modelBlob));
        Files.createSymbolicLink(repo.resolve("snapshots").resolve(commit).resolve("selected_tags.csv"),
                Path.of("../../blobs").resolve(tagsBlob));
    }

    @Test
    void aModelInTheHuggingFaceCacheWasListedMissing_nowReadyHfCacheWithItsSize() throws Exception {
        fillHfCache();

        CliTestSupport list = cli("HF_HUB_OFFLINE", "1");
        assertEquals(ExitCode.OK, list.run("models", "list"));

        String row = list.out().lines().filter(l -> l.startsWith("wd-vit-tagger-v3 ")).findFirst().orElseThrow();
        assertTrue(row.contains(" ready (HF cache) "), list.out());
        assertTrue(row.contains("195 KiB"), "the size of the files on disk, not '?': " + row);
        assertTrue(Files.notExists(modelDir()), "listing links nothing");
    }

    @Test
    void handCopiedWdFilesWereListedReadyAndVerifiedOk_nowTheyAreUnverifiedAndVerifyExitsOne() throws Exception {
        Files.createDirectories(modelDir());
        Files.write(modelDir().resolve("model.onnx"), "not the wd model".getBytes());
        Files.write(modelDir().resolve("selected_tags.csv"), TAGS);

        CliTestSupport list = cli("HF_HUB_OFFLINE", "1");
        assertEquals(ExitCode.OK, list.run("models", "list"));
        assertTrue(list.out().lines().anyMatch(l -> l.startsWith("wd-vit-tagger-v3 ")
                && l.contains(" unverified (copied by hand; no pinned hash) ")), list.out());

        CliTestSupport verify = cli("HF_HUB_OFFLINE", "1");
        assertEquals(ExitCode.SOME_FAILED, verify.run("models", "verify", "wd-vit-tagger-v3"));
        assertTrue(verify.out().contains("unverified wd-vit-tagger-v3/model.onnx  sha256 "), verify.out());
        assertFalse(verify.out().contains("ok "), verify.out());
        assertTrue(Files.exists(modelDir().resolve("model.onnx")), "verify deletes nothing it cannot judge");
    }

    /** Dogfood round 9 L12: pull over hand-copied files printed the usual line, as if it had pulled and checked them. */
    @Test
    void pullOverHandCopiedFilesReadAsPulled_nowItSaysTheyArePresentButUnverified() throws Exception {
        Files.createDirectories(modelDir());
        Files.write(modelDir().resolve("model.onnx"), "not the wd model".getBytes());
        Files.write(modelDir().resolve("selected_tags.csv"), TAGS);

        CliTestSupport pull = cli();
        assertEquals(ExitCode.OK, pull.run("models", "pull", "smilingwolf/WD-VIT-TAGGER-V3"), pull.err());
        assertTrue(pull.out().strip().startsWith("wd-vit-tagger-v3: 2 files, ") && pull.out().strip().endsWith(
                "in " + modelDir() + ", present but unverified (copied by hand; nothing was downloaded): delete them"
                + " to download a checked copy"), pull.out());
        assertEquals("not the wd model", Files.readString(modelDir().resolve("model.onnx")), "pull replaces nothing");
    }

    @Test
    void hubRepoIdsWereUnknownModels_nowPullPathAndVerifyTakeThemAndANearMissGetsADidYouMean() {
        CliTestSupport pull = cli();
        assertEquals(ExitCode.OK, pull.run("models", "pull", "SmilingWolf/wd-vit-tagger-v3"), pull.err());
        assertEquals("wd-vit-tagger-v3: 2 files, 195 KiB, in " + modelDir(), pull.out().strip());

        CliTestSupport path = cli();
        assertEquals(ExitCode.OK, path.run("models", "path", "smilingwolf/WD-VIT-TAGGER-V3"), path.err());
        assertEquals(modelDir().toString(), path.out().strip());

        CliTestSupport verify = cli();
        assertEquals(ExitCode.OK, verify.run("models", "verify", "SmilingWolf/wd-vit-tagger-v3"), verify.out());
        assertEquals(2, verify.out().lines().filter(l -> l.startsWith("ok ")).count(), verify.out());

        CliTestSupport near = cli();
        assertEquals(ExitCode.USAGE, near.run("models", "pull", "wd-vit-v3"));
        assertTrue(near.err().contains("Unknown model 'wd-vit-v3'") && near.err().contains("Did you mean "
                + "'wd-vit-tagger-v3'?"), near.err());
    }
}
