package dev.tagline.inference.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tagline.testkit.FakeHuggingFaceHub;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hub downloads against a fake Hub that answers 503/429 for a while, or stops sending mid-file. */
class HubRetryIT {
    private static final String REPO = "acme/tiny-tagger";
    private static final byte[] MODEL = StoreFixture.randomBytes(300_000, 7);

    @TempDir
    Path dir;
    FakeHuggingFaceHub hub;
    StoreFixture fixture;

    @BeforeEach
    void start() {
        hub = FakeHuggingFaceHub.start().addLfsFile(REPO, "model.onnx", MODEL);
        fixture = new StoreFixture(dir);
    }

    @AfterEach
    void stop() {
        hub.close();
    }

    private ModelStore store() {
        return fixture.store(StoreFixture.hubCatalog("tiny", REPO, "model.onnx", StoreFixture.sha256(MODEL)),
                fixture.config(hub.endpoint().toString(), null, false));
    }

    private List<Integer> hubStatuses() {
        return hub.requests().stream().filter(r -> r.server().equals("hub")).map(FakeHuggingFaceHub.Request::status)
                .toList();
    }

    @Test
    void a503IsRetriedWithGrowingJitteredWaitsUntilTheHubAnswers() throws Exception {
        hub.failNext(3, 503);

        Path file = store().resolve("tiny").file("model.onnx");

        assertArrayEquals(MODEL, Files.readAllBytes(file));
        assertEquals(List.of(503, 503, 503, 302), hubStatuses());
        assertEquals(3, fixture.sleeps.size(), fixture.sleeps.toString());
        long[][] bounds = {{500, 1000}, {1000, 2000}, {2000, 4000}};
        for (int i = 0; i < 3; i++) {
            long ms = fixture.sleeps.get(i).toMillis();
            assertTrue(ms >= bounds[i][0] && ms <= bounds[i][1], "wait " + (i + 1) + ": " + fixture.sleeps);
        }
    }

    @Test
    void a429WithRetryAfterSecondsWaitsExactlyThatLongAndShowsTheWait() {
        hub.failNext(1, 429, "7");
        RecordingProgress progress = new RecordingProgress();
        fixture.store(StoreFixture.hubCatalog("tiny", REPO, "model.onnx", StoreFixture.sha256(MODEL)),
                fixture.config(hub.endpoint().toString(), null, false).withProgress(progress)).resolve("tiny");

        assertEquals(List.of(Duration.ofSeconds(7)), fixture.sleeps);
        assertEquals(List.of(429, 302), hubStatuses());
        assertEquals(List.of("tiny/model.onnx: HTTP 429; try 2 of 5 in 7 s", "tiny/model.onnx"), progress.names());
    }

    @Test
    void a503WithRetryAfterAsAnHttpDateWaitsUntilThen() {
        String in20s = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(20));
        hub.failNext(1, 503, in20s);
        store().resolve("tiny");
        assertEquals(1, fixture.sleeps.size());
        long s = fixture.sleeps.get(0).toSeconds();
        assertTrue(s >= 17 && s <= 20, fixture.sleeps.toString());
    }

    @Test
    void aHubThatStaysBusyIsGivenUpAfterFiveTriesAndSaysSo() {
        hub.failNext(100, 503);

        ModelUnavailableException e = assertThrows(ModelUnavailableException.class, () -> store().resolve("tiny"));

        assertEquals(5, hubStatuses().size(), hub.requests().toString());
        assertEquals(4, fixture.sleeps.size());
        assertTrue(e.getMessage().contains("/resolve/main/model.onnx: HTTP 503 (tried 5 times)"), e.getMessage());
        assertTrue(e.hint().contains("The Hub or mirror failed; try again later."), e.hint());
    }

    @Test
    void aRetryAfterLongerThanAMinuteEndsThePullAtOnce() {
        hub.failNext(1, 429, "3600");

        ModelUnavailableException e = assertThrows(ModelUnavailableException.class, () -> store().resolve("tiny"));

        assertEquals(List.of(429), hubStatuses());
        assertEquals(List.of(), fixture.sleeps);
        assertTrue(e.getMessage().contains("HTTP 429: rate limited by the Hub (the server asks to wait 3600 s, "
                + "longer than the 60 s Tagline waits)"), e.getMessage());
    }

    /** Dogfood round 3: offline, a refused connection was tried 5 times over 14 s and called "broke off". */
    @Test
    void aHubThatCannotBeReachedIsGivenUpAfterOneQuickSecondTry() throws Exception {
        int closed;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closed = s.getLocalPort();
        }
        ModelStore store = fixture.store(StoreFixture.hubCatalog("tiny", REPO, "model.onnx",
                StoreFixture.sha256(MODEL)), fixture.config("http://127.0.0.1:" + closed, null, false));
        ModelUnavailableException e = assertThrows(ModelUnavailableException.class, () -> store.resolve("tiny"));
        assertEquals(1, fixture.sleeps.size(), fixture.sleeps.toString());
        assertTrue(e.getMessage().contains("cannot reach 127.0.0.1 (the connection was refused; tried 2 times)"),
                e.getMessage());
        assertTrue(e.hint().contains("offline or HF_ENDPOINT is wrong"), e.hint());
    }

    @Test
    void aClientErrorIsNotRetried() {
        ModelStore store = fixture.store(StoreFixture.hubCatalog("x", REPO, "nope.onnx", null),
                fixture.config(hub.endpoint().toString(), null, false));
        assertThrows(ModelUnavailableException.class, () -> store.resolve("x"));
        assertEquals(List.of(404), hubStatuses());
        assertEquals(List.of(), fixture.sleeps);
    }

    @Test
    void aBodyThatStallsMidFileIsAbandonedAfterTheStallTimeoutAndResumedWithRange() throws Exception {
        fixture.stallTimeout = Duration.ofMillis(500);
        hub.stallOnce(100_000);

        Path file = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> store().resolve("tiny").file("model.onnx"),
                "a stalled body must not hang the pull");

        assertArrayEquals(MODEL, Files.readAllBytes(file));
        List<FakeHuggingFaceHub.Request> cdn = hub.requests().stream().filter(r -> r.server().equals("cdn")).toList();
        assertEquals(2, cdn.size(), hub.requests().toString());
        assertNull(cdn.get(0).range());
        assertEquals("bytes=100000-", cdn.get(1).range());
        assertEquals(MODEL.length - 100_000, cdn.get(1).bodyBytes(), "only the rest was transferred");
        assertEquals(1, fixture.sleeps.size(), "one backoff wait before the resume");
    }
}
