package dev.tagline.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The fake Hub speaks the Hub's protocol: headers, redirects, ranges, error codes. */
class FakeHuggingFaceHubIT {
    private static final byte[] BIG = "0123456789".repeat(100).getBytes(StandardCharsets.US_ASCII);
    private final FakeHuggingFaceHub hub = FakeHuggingFaceHub.start()
            .addLfsFile("org/model", "onnx/model.onnx", BIG)
            .addFile("org/model", "config.json", "{}".getBytes(StandardCharsets.US_ASCII));
    /** HTTP/1.1, as Tagline speaks to a plain-http Hub mirror. */
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .version(HttpClient.Version.HTTP_1_1).build();

    @AfterEach
    void stop() {
        hub.close();
    }

    private HttpResponse<byte[]> send(String method, String path, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(hub.endpoint() + path))
                .method(method, HttpRequest.BodyPublishers.noBody());
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void lfsFileIsARedirectCarryingItsSha256AndSize() throws Exception {
        HttpResponse<byte[]> head = send("HEAD", "/org/model/resolve/main/onnx/model.onnx");
        assertEquals(302, head.statusCode());
        String sha = FakeHuggingFaceHub.hex("SHA-256", BIG, null);
        assertEquals("\"" + sha + "\"", head.headers().firstValue("X-Linked-Etag").orElseThrow());
        assertEquals("1000", head.headers().firstValue("X-Linked-Size").orElseThrow());
        assertEquals(hub.commit("org/model"), head.headers().firstValue("X-Repo-Commit").orElseThrow());
        URI cdn = URI.create(head.headers().firstValue("Location").orElseThrow());
        assertEquals(hub.cdnEndpoint().getPort(), cdn.getPort());

        HttpResponse<byte[]> part = http.send(HttpRequest.newBuilder(cdn).header("Range", "bytes=990-").build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(206, part.statusCode());
        assertEquals("bytes 990-999/1000", part.headers().firstValue("Content-Range").orElseThrow());
        assertEquals("0123456789", new String(part.body(), StandardCharsets.US_ASCII));
    }

    @Test
    void anUpgradeOfferIsRefusedAsByAMirrorOnUvicorn() throws Exception {
        HttpRequest config = HttpRequest.newBuilder(URI.create(hub.endpoint() + "/org/model/resolve/main/config.json"))
                .build();
        HttpResponse<byte[]> offered = HttpClient.newHttpClient().send(config, HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(400, offered.statusCode(), "the JDK client's default offers h2c on plain http");
        assertEquals("Unsupported upgrade request.", new String(offered.body(), StandardCharsets.US_ASCII));
    }

    @Test
    void gitFileIsServedDirectlyWithItsBlobSha1AsETag() throws Exception {
        HttpResponse<byte[]> head = send("HEAD", "/org/model/resolve/" + hub.commit("org/model") + "/config.json");
        assertEquals(200, head.statusCode());
        // git hash-object of "{}"
        assertEquals("\"9e26dfeeb6e641a33dae4961196235bdb965b21b\"", head.headers().firstValue("ETag").orElseThrow());
        assertEquals("2", head.headers().firstValue("Content-Length").orElseThrow());
        assertEquals(416, send("GET", "/org/model/resolve/main/config.json", "Range", "bytes=5-").statusCode());
    }

    @Test
    void errorsCarryTheHubsErrorCodes() throws Exception {
        assertError(send("GET", "/org/model/resolve/main/missing.bin"), 404, "EntryNotFound");
        assertError(send("GET", "/org/model/resolve/v9/config.json"), 404, "RevisionNotFound");
        assertError(send("GET", "/org/other/resolve/main/config.json"), 401, "RepoNotFound");
        assertError(send("GET", "/org/other/resolve/main/config.json", "Authorization", "Bearer x"), 404,
                "RepoNotFound");
        hub.gate("org/model", "hf_ok");
        assertError(send("GET", "/org/model/resolve/main/config.json"), 401, "GatedRepo");
        assertError(send("GET", "/org/model/resolve/main/config.json", "Authorization", "Bearer no"), 403,
                "GatedRepo");
        assertEquals(200, send("GET", "/org/model/resolve/main/config.json", "Authorization", "Bearer hf_ok")
                .statusCode());
    }

    @Test
    void cutConnectionOnceBreaksOnlyTheNextBody() throws Exception {
        hub.cutConnectionOnce(100);
        URI cdn = URI.create(hub.cdnEndpoint() + "/lfs/" + FakeHuggingFaceHub.hex("SHA-256", BIG, null));
        try {
            http.send(HttpRequest.newBuilder(cdn).build(), HttpResponse.BodyHandlers.ofByteArray());
            throw new AssertionError("the first body should have been cut");
        } catch (java.io.IOException expected) {
            assertTrue(hub.requests().get(0).bodyBytes() == 100, hub.requests().toString());
        }
        assertEquals(1000, http.send(HttpRequest.newBuilder(cdn).build(), HttpResponse.BodyHandlers.ofByteArray())
                .body().length);
    }

    @Test
    void failNextAnswersTheHubsNextRequestsWithTheStatusThenServesAgain() throws Exception {
        hub.failNext(2, 503, "7");
        HttpResponse<byte[]> first = send("GET", "/org/model/resolve/main/config.json");
        assertEquals(503, first.statusCode());
        assertEquals("7", first.headers().firstValue("Retry-After").orElseThrow());
        assertEquals(503, send("GET", "/org/model/resolve/main/config.json").statusCode());
        assertEquals(200, send("GET", "/org/model/resolve/main/config.json").statusCode());

        hub.failNext(1, 429);
        HttpResponse<byte[]> limited = send("GET", "/org/model/resolve/main/config.json");
        assertEquals(429, limited.statusCode());
        assertTrue(limited.headers().firstValue("Retry-After").isEmpty());
        assertEquals(200, send("GET", "/org/model/resolve/main/config.json").statusCode());
    }

    @Test
    void stallOnceSendsTheFirstBytesThenHoldsTheConnectionOpenWhileOtherRequestsAreServed() throws Exception {
        hub.stallOnce(100);
        URI cdn = URI.create(hub.cdnEndpoint() + "/lfs/" + FakeHuggingFaceHub.hex("SHA-256", BIG, null));
        HttpResponse<java.io.InputStream> stalled = http.send(HttpRequest.newBuilder(cdn).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        java.io.InputStream body = stalled.body();
        assertEquals(100, body.readNBytes(100).length);
        java.util.concurrent.Future<Integer> next = java.util.concurrent.Executors.newSingleThreadExecutor()
                .submit(() -> body.read());
        assertThrows(java.util.concurrent.TimeoutException.class,
                () -> next.get(300, java.util.concurrent.TimeUnit.MILLISECONDS), "no byte after the first 100");
        assertEquals(1000, http.send(HttpRequest.newBuilder(cdn).build(), HttpResponse.BodyHandlers.ofByteArray())
                .body().length, "a second request is served while the first one stalls");
        next.cancel(true);
    }

    private static void assertError(HttpResponse<byte[]> response, int status, String code) {
        assertEquals(status, response.statusCode());
        assertEquals(code, response.headers().firstValue("X-Error-Code").orElseThrow());
    }
}
