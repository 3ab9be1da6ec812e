package dev.tagline.inference.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tagline.testkit.FakeHuggingFaceHub;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Hub source against the fake Hub: redirects, verification, resume, errors. */
class HubDownloadIT {
    private static final String REPO = "acme/tiny-tagger";
    private static final byte[] MODEL = StoreFixture.randomBytes(300_000, 1);
    private static final byte[] TAGS = "tag_id,name,category,count\n0,1girl,0,5\n".getBytes();

    @TempDir
    Path dir;
    FakeHuggingFaceHub hub;
    StoreFixture fixture;

    @BeforeEach
    void start() {
        hub = FakeHuggingFaceHub.start().addLfsFile(REPO, "model.onnx", MODEL).addFile(REPO, "selected_tags.csv", TAGS);
        fixture = new StoreFixture(dir);
    }

    @AfterEach
    void stop() {
        hub.close();
    }

    private ModelStore store(String sha256, String token) {
        return fixture.store(StoreFixture.hubCatalog("tiny", REPO, "model.onnx", sha256),
                fixture.config(hub.endpoint().toString(), token, false));
    }

    @Test
    void downloadsAnLfsFileThroughTheCdnRedirectAndVerifiesItAgainstTheHubsSha256() throws Exception {
        ResolvedModel model = store(null, null).resolve("tiny");

        Path file = model.file("model.onnx");
        assertEquals(fixture.models.resolve("tiny").resolve("model.onnx"), file);
        assertArrayEquals(MODEL, Files.readAllBytes(file));
        assertEquals(List.of(".model.onnx.sha256", "model.onnx"), StoreFixture.filesUnder(file.getParent()));
        assertTrue(Files.readString(file.resolveSibling(".model.onnx.sha256"))
                .startsWith(StoreFixture.sha256(MODEL) + "  model.onnx"));
        List<FakeHuggingFaceHub.Request> requests = hub.requests();
        assertEquals(List.of("hub", "cdn"), requests.stream().map(FakeHuggingFaceHub.Request::server).toList());
        assertEquals(302, requests.get(0).status());
    }

    @Test
    void secondResolveIsServedFromTheCacheWithoutARequest() {
        store(StoreFixture.sha256(MODEL), null).resolve("tiny");
        hub.clearRequests();
        store(StoreFixture.sha256(MODEL), null).resolve("tiny");
        assertEquals(List.of(), hub.requests());
    }

    @Test
    void twoThreadsPullingTheSameFileShareOneDownload() throws Exception {
        hub.throttle(java.time.Duration.ofMillis(20));
        ModelStore store = store(StoreFixture.sha256(MODEL), null);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            var first = pool.submit(() -> store.resolve("tiny").file("model.onnx"));
            var second = pool.submit(() -> store.resolve("tiny").file("model.onnx"));
            assertEquals(first.get(), second.get());
        } finally {
            pool.shutdownNow();
        }
        assertArrayEquals(MODEL, Files.readAllBytes(fixture.models.resolve("tiny").resolve("model.onnx")));
        assertEquals(1, hub.requests().stream().filter(r -> r.server().equals("cdn")).count(), hub.requests().toString());
    }

    @Test
    void aFileKeptInGitIsVerifiedAgainstItsGitBlobSha1() throws Exception {
        ModelStore store = fixture.store(StoreFixture.hubCatalog("tags", REPO, "selected_tags.csv", null),
                fixture.config(hub.endpoint().toString(), null, false));
        assertArrayEquals(TAGS, Files.readAllBytes(store.resolve("tags").file("selected_tags.csv")));
    }

    @Test
    void resumesWithARangeRequestAfterTheConnectionIsCutMidFile() throws Exception {
        hub.cutConnectionOnce(100_000);

        Path file = store(StoreFixture.sha256(MODEL), null).resolve("tiny").file("model.onnx");

        assertArrayEquals(MODEL, Files.readAllBytes(file));
        List<FakeHuggingFaceHub.Request> cdn = hub.requests().stream().filter(r -> r.server().equals("cdn")).toList();
        assertEquals(2, cdn.size(), hub.requests().toString());
        assertNull(cdn.get(0).range());
        assertEquals(100_000, cdn.get(0).bodyBytes());
        assertEquals("bytes=100000-", cdn.get(1).range());
        assertEquals(206, cdn.get(1).status());
        assertEquals(MODEL.length - 100_000, cdn.get(1).bodyBytes(), "only the rest was transferred");
        assertEquals(List.of(".model.onnx.sha256", "model.onnx"), StoreFixture.filesUnder(file.getParent()));
    }

    @Test
    void continuesAPartialFileLeftByAnEarlierRun() throws Exception {
        Path staging = fixture.models.resolve("tiny").resolve(".model.onnx.incomplete");
        Files.createDirectories(staging.getParent());
        Files.write(staging, java.util.Arrays.copyOf(MODEL, 250_000));

        store(StoreFixture.sha256(MODEL), null).resolve("tiny");

        FakeHuggingFaceHub.Request cdn = hub.requests().get(1);
        assertEquals("bytes=250000-", cdn.range());
        assertEquals(50_000, cdn.bodyBytes());
        assertTrue(Files.notExists(staging));
    }

    @Test
    void checksumMismatchFailsAndLeavesNothingInTheCache() throws Exception {
        String wrong = "0".repeat(64);
        ModelUnavailableException e = assertThrows(ModelUnavailableException.class,
                () -> store(wrong, null).resolve("tiny"));

        assertTrue(e.getMessage().contains("SHA-256 mismatch: expected " + wrong + ", got "
                + StoreFixture.sha256(MODEL)), e.getMessage());
        assertTrue(e.getMessage().contains("the file was discarded"), e.getMessage());
        assertEquals(List.of(), StoreFixture.filesUnder(fixture.models.resolve("tiny")));
        assertTrue(Files.notExists(fixture.models.resolve("tiny")), "no empty model folder left");
    }

    @Test
    void gatedRepoWithoutATokenNamesHfToken() {
        hub.gate(REPO, "hf_secret");
        ModelUnavailableException e = assertThrows(ModelUnavailableException.class,
                () -> store(null, null).resolve("tiny"));

        assertTrue(e.getMessage().contains("HTTP 401 GatedRepo: " + REPO + " is a gated repository"), e.getMessage());
        assertTrue(e.hint().contains("set HF_TOKEN"), e.hint());
        assertTrue(e.hint().contains(hub.endpoint() + "/" + REPO), e.hint());
    }

    @Test
    void gatedRepoWithAWrongTokenSaysTheTokenHasNoAccess() {
        hub.gate(REPO, "hf_secret");
        ModelUnavailableException e = assertThrows(ModelUnavailableException.class,
                () -> store(null, "hf_other").resolve("tiny"));
        assertTrue(e.getMessage().contains("HTTP 403 GatedRepo"), e.getMessage());
        assertTrue(e.getMessage().contains("the token in HF_TOKEN has no access"), e.getMessage());
    }

    @Test
    void tokenGoesToTheHubButNotToTheCdn() throws Exception {
        hub.gate(REPO, "hf_secret");

        store(null, "hf_secret").resolve("tiny");

        List<FakeHuggingFaceHub.Request> requests = hub.requests();
        assertEquals("Bearer hf_secret", requests.get(0).authorization());
        assertEquals("cdn", requests.get(1).server());
        assertNull(requests.get(1).authorization(), "Authorization dropped on the cross-origin redirect");
    }

    @Test
    void unknownFileAndUnknownRepoAreReportedWithTheHubsErrorCode() {
        ModelStore missingFile = fixture.store(StoreFixture.hubCatalog("x", REPO, "nope.onnx", null),
                fixture.config(hub.endpoint().toString(), null, false));
        Exception e = assertThrows(ModelUnavailableException.class, () -> missingFile.resolve("x"));
        assertTrue(e.getMessage().contains("HTTP 404 EntryNotFound"), e.getMessage());

        ModelStore missingRepo = fixture.store(StoreFixture.hubCatalog("y", "acme/nothing", "model.onnx", null),
                fixture.config(hub.endpoint().toString(), null, false));
        e = assertThrows(ModelUnavailableException.class, () -> missingRepo.resolve("y"));
        assertTrue(e.getMessage().contains("HTTP 401 RepoNotFound: repository acme/nothing does not exist"),
                e.getMessage());
    }

    @Test
    void offlineModeFailsClearlyWithoutAnyRequest() {
        ModelStore store = fixture.store(StoreFixture.hubCatalog("tiny", REPO, "model.onnx", null),
                fixture.config(hub.endpoint().toString(), null, true));

        ModelUnavailableException e = assertThrows(ModelUnavailableException.class, () -> store.resolve("tiny"));

        assertEquals(List.of(), hub.requests());
        String message = e.getMessage();
        assertTrue(message.startsWith("Cannot get model tiny (file model.onnx). Tried 1) local cache "), message);
        assertTrue(message.contains("2) Hugging Face cache " + fixture.hfCache.resolve("models--acme--tiny-tagger")
                + ": not there"), message);
        assertTrue(message.contains("3) Hugging Face Hub " + hub.endpoint() + "/" + REPO
                + "/resolve/main/model.onnx: not tried: HF_HUB_OFFLINE is set"), message);
        assertTrue(e.hint().contains("Unset HF_HUB_OFFLINE"), e.hint());
        assertTrue(e.hint().contains("copy model.onnx into " + fixture.models.resolve("tiny")), e.hint());
        assertTrue(e.hint().contains("--model-path"), e.hint());
    }

    @Test
    void reusesAPrePopulatedHuggingFaceCacheWithoutARequest() throws Exception {
        String sha = StoreFixture.sha256(MODEL);
        Path repoDir = fixture.hfCache.resolve("models--acme--tiny-tagger");
        String commit = hub.commit(REPO);
        Files.createDirectories(repoDir.resolve("blobs"));
        Files.write(repoDir.resolve("blobs").resolve(sha), MODEL);
        Files.createDirectories(repoDir.resolve("refs"));
        Files.writeString(repoDir.resolve("refs").resolve("main"), commit);
        Path snapshot = repoDir.resolve("snapshots").resolve(commit).resolve("model.onnx");
        Files.createDirectories(snapshot.getParent());
        Files.createSymbolicLink(snapshot, Path.of("../../blobs").resolve(sha));

        Path file = store(null, null).resolve("tiny").file("model.onnx");

        assertEquals(List.of(), hub.requests());
        assertArrayEquals(MODEL, Files.readAllBytes(file));
        assertEquals(Files.readAttributes(repoDir.resolve("blobs").resolve(sha), "unix:ino").get("ino"),
                Files.readAttributes(file, "unix:ino").get("ino"), "hard link, not a second copy");
    }

    @Test
    void aCorruptHuggingFaceCacheFileIsSkippedAndTheHubUsed() throws Exception {
        String sha = StoreFixture.sha256(MODEL);
        Path repoDir = fixture.hfCache.resolve("models--acme--tiny-tagger");
        Files.createDirectories(repoDir.resolve("refs"));
        Files.writeString(repoDir.resolve("refs").resolve("main"), hub.commit(REPO));
        Path snapshot = repoDir.resolve("snapshots").resolve(hub.commit(REPO)).resolve("model.onnx");
        Files.createDirectories(snapshot.getParent());
        Files.write(snapshot, "truncated".getBytes());

        Path file = store(sha, null).resolve("tiny").file("model.onnx");

        assertArrayEquals(MODEL, Files.readAllBytes(file));
        assertArrayEquals("truncated".getBytes(), Files.readAllBytes(snapshot), "someone else's cache is not touched");
    }

    @Test
    void aDamagedHuggingFaceCacheBlobWasBlamedOnTheCatalog_nowTheBlobIsNamedWithHfDownload() throws Exception {
        String sha = StoreFixture.sha256(MODEL);
        Path blob = hfCacheFile(sha, "damaged".getBytes());

        ModelUnavailableException e = assertThrows(ModelUnavailableException.class, () -> fixture.store(
                StoreFixture.hubCatalog("tiny", REPO, "model.onnx", null),
                fixture.config(hub.endpoint().toString(), null, true)).resolve("tiny"));

        assertTrue(e.getMessage().contains("the Hugging Face cache file " + blob.toRealPath() + " is damaged (its "
                + "content, SHA-256 " + StoreFixture.sha256("damaged".getBytes()) + ", does not match its name);"
                + " Tagline left it as it is"), e.getMessage());
        assertTrue(e.hint().contains("Delete the Hugging Face cache file " + blob.toRealPath() + ", or re-download it"
                + " with 'hf download acme/tiny-tagger'"), e.hint());
        assertFalse(e.getMessage().contains("discarded"), e.getMessage());
        assertFalse(e.hint().contains("maintainers"), e.hint());
        assertArrayEquals("damaged".getBytes(), Files.readAllBytes(blob), "the Hugging Face cache is not touched");
    }

    @Test
    void anHfEndpointThatIsNoHubWasBlamedOnTheCatalog_nowItAsksWhetherItIsAHubMirrorAndShowsNoProgress()
            throws Exception {
        com.sun.net.httpserver.HttpServer json = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0), 0);
        json.createContext("/", ex -> {
            byte[] body = "{\"object\":\"list\",\"data\":[]}".getBytes();
            ex.getResponseHeaders().add("Content-Type", "application/json");
            ex.sendResponseHeaders(200, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        json.start();
        try {
            String endpoint = "http://127.0.0.1:" + json.getAddress().getPort();
            RecordingProgress progress = new RecordingProgress();
            ModelUnavailableException e = assertThrows(ModelUnavailableException.class, () -> fixture.store(
                    StoreFixture.hubCatalog("tiny", REPO, "model.onnx", null),
                    fixture.config(endpoint, null, false).withProgress(progress)).resolve("tiny"));

            assertTrue(e.getMessage().contains("HF_ENDPOINT " + endpoint + " answered without a Hub's"
                    + " X-Linked-Etag/ETag, so the file cannot be verified; nothing was kept"), e.getMessage());
            assertTrue(e.hint().contains("Is HF_ENDPOINT " + endpoint + " a Hub mirror?"), e.hint());
            assertFalse(e.hint().contains("maintainers"), e.hint());
            assertEquals(List.of(), progress.names(), "no '0.0 MiB done' line for a refused file");
            assertEquals(List.of(), StoreFixture.filesUnder(fixture.models.resolve("tiny")));
        } finally {
            json.stop(0);
        }
    }

    @Test
    void aPinnedHashTheRealHubDisagreesWithStillAsksTheMaintainers() {
        ModelUnavailableException e = assertThrows(ModelUnavailableException.class,
                () -> store("0".repeat(64), null).resolve("tiny"));

        assertTrue(e.hint().contains("tell the Tagline maintainers"), e.hint());
    }

    /** A huggingface_hub cache of {@link #REPO} whose model.onnx is the blob named {@code name} holding {@code content}. */
    private Path hfCacheFile(String name, byte[] content) throws Exception {
        Path repoDir = fixture.hfCache.resolve("models--acme--tiny-tagger");
        String commit = hub.commit(REPO);
        Path blob = repoDir.resolve("blobs").resolve(name);
        Files.createDirectories(blob.getParent());
        Files.write(blob, content);
        Files.createDirectories(repoDir.resolve("refs"));
        Files.writeString(repoDir.resolve("refs").resolve("main"), commit);
        Path snapshot = repoDir.resolve("snapshots").resolve(commit).resolve("model.onnx");
        Files.createDirectories(snapshot.getParent());
        Files.createSymbolicLink(snapshot, Path.of("../../blobs").resolve(name));
        return blob;
    }
}
