package dev.tagline.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tagline.core.config.TaglineHome;
import dev.tagline.core.manifest.ClipManifest;
import dev.tagline.core.manifest.ClipManifests;
import dev.tagline.publish.Publishing;
import dev.tagline.testkit.MutableClock;
import dev.tagline.testkit.platform.FakeWebhookReceiver;
import dev.tagline.web.WebServer;
import dev.tagline.web.WebSettings;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Dogfood G5: a webhook's {@code videoUrl} was {@code media-base-url/media/{mediaId}/{file}}, a path only the test
 * kit served, while {@code tagline serve} kept media behind its login; the post was marked published anyway. Now the
 * receiver gets the post's public link on the real {@code tagline serve}, downloads it without a session, and nothing
 * else is reachable through it.
 */
class PublicVideoLinkIT {
    static final Instant NOW = Instant.parse("2026-03-27T12:00:00Z");
    static final String VIDEO = "code 001#.mp4";
    @TempDir
    Path dir;
    CliTestSupport cli;
    Publishing publishing;
    WebServer server;
    FakeWebhookReceiver receiver;
    final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    byte[] video = new byte[300_000];

    @BeforeEach
    void start() throws Exception {
        Path home = dir.resolve("home");
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        cli = new CliTestSupport(dir, Map.of("TAGLINE_HOME", home.toString(), "HOOK_SECRET", "s3cret"), clock);
        new Random(5).nextBytes(video);
        clip(dir.resolve("clips/code.clips/code-001"), "code-001");
        Files.writeString(dir.resolve("secret.txt"), "outside every root");
        publishing = Publishing.open(null, new TaglineHome(home), clock);
        server = server(clock);
        receiver = new FakeWebhookReceiver("s3cret");
        receiver.downloadVideos();
        assertEquals(ExitCode.OK, cli.run("publish", "channels", "add", "hook", "--platform", "webhook", "--zone",
                "UTC", "--option", "url=" + receiver.baseUrl() + "/hook", "--option", "media-base-url=http://127.0.0.1:"
                        + server.port() + "/", "--secret-env", "HOOK_SECRET"), cli.err());
    }

    @AfterEach
    void stop() {
        for (AutoCloseable c : new AutoCloseable[] {receiver, server, publishing}) {
            try {
                if (c != null) {
                    c.close();
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private WebServer server(Clock clock) {
        Map<String, Path> roots = Map.of("clips", dir.resolve("clips"));
        return WebServer.create(new WebSettings("127.0.0.1", 0, roots, dir.resolve("home/web/admin.pbkdf2"),
                "correct horse battery", false, 100_000, Duration.ofHours(1)), publishing, Map.of(), clock).start();
    }

    private void clip(Path folder, String id) throws Exception {
        Files.createDirectories(folder);
        Files.write(folder.resolve(VIDEO), video);
        ClipManifests.write(folder.resolve("clip.json"), ClipManifest.of(id, VIDEO, null, 20, 1080, 1920, 0.5, true,
                new ClipManifest.Copy("Title " + id, "Caption " + id, List.of("x")), Map.of()));
    }

    private String publishOne(Path clip) {
        cli.clear();
        assertEquals(ExitCode.OK, cli.run("publish", "queue", clip.toString(), "--channels", "hook", "--at", "now"),
                cli.err());
        cli.clear();
        cli.run("publish", "run", "--once");
        return cli.out();
    }

    private HttpResponse<byte[]> send(String method, String url, String range) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).method(method,
                HttpRequest.BodyPublishers.noBody());
        if (range != null) {
            b.header("Range", range);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private int status(String url) throws Exception {
        HttpResponse<byte[]> r = send("GET", url, null);
        if (r.statusCode() == 404) {
            assertEquals("no-store", r.headers().firstValue("Cache-Control").orElse(""), "an error is never cached");
            assertTrue(r.body().length < 10_000, "no video in a refusal");
        }
        return r.statusCode();
    }

    @Test
    void theReceiverDownloadsTheVideoWithoutASessionAndItsSha256Matches() throws Exception {
        assertTrue(publishOne(dir.resolve("clips/code.clips/code-001")).contains("published 1"), cli.out() + cli.err());
        JsonNode delivery = receiver.deliveries().get(0);
        String url = delivery.path("videoUrl").asText();
        assertTrue(url.matches("http://127\\.0\\.0\\.1:" + server.port() + "/public/v/1-[A-Za-z0-9_-]{32}/code%20001%23"
                + "\\.mp4"), url);
        assertEquals(1, receiver.downloads().size());
        FakeWebhookReceiver.Download got = receiver.downloads().get(0);
        assertEquals(200, got.status());
        assertEquals(video.length, got.bytes());
        assertTrue(got.sha256Matches(), "the receiver verified the body's sha256 " + delivery.path("sha256"));
        HttpResponse<byte[]> head = send("HEAD", url, null);
        assertEquals(200, head.statusCode());
        assertEquals(String.valueOf(video.length), head.headers().firstValue("Content-Length").orElse(""));
        assertEquals("video/mp4", head.headers().firstValue("Content-Type").orElse(""));
        assertEquals(0, head.body().length);
    }

    @Test
    void aRangeRequestGetsThoseBytes() throws Exception {
        publishOne(dir.resolve("clips/code.clips/code-001"));
        String url = receiver.deliveries().get(0).path("videoUrl").asText();
        HttpResponse<byte[]> part = send("GET", url, "bytes=1000-1999");
        assertEquals(206, part.statusCode());
        assertEquals("bytes 1000-1999/" + video.length, part.headers().firstValue("Content-Range").orElse(""));
        assertArrayEquals(Arrays.copyOfRange(video, 1000, 2000), part.body());
        HttpResponse<byte[]> tail = send("GET", url, "bytes=-10");
        assertArrayEquals(Arrays.copyOfRange(video, video.length - 10, video.length), tail.body());
        assertEquals(416, send("GET", url, "bytes=" + video.length + "-").statusCode());
    }

    @Test
    void aWrongTokenAnotherFileTraversalAndAnotherPostAre404() throws Exception {
        publishOne(dir.resolve("clips/code.clips/code-001"));
        String url = receiver.deliveries().get(0).path("videoUrl").asText();
        String base = url.substring(0, url.indexOf("/public/v/"));
        String token = url.substring(url.indexOf("/public/v/") + 10, url.lastIndexOf('/'));
        String secret = token.substring(2);
        String wrong = secret.charAt(0) == 'A' ? "B" + secret.substring(1) : "A" + secret.substring(1);
        assertEquals(200, status(url));
        assertEquals(404, status(base + "/public/v/1-" + wrong + "/code%20001%23.mp4"), "one character off");
        assertEquals(404, status(base + "/public/v/2-" + secret + "/code%20001%23.mp4"), "another post's id");
        assertEquals(404, status(base + "/public/v/1-" + secret + "/clip.json"), "another file beside the video");
        assertEquals(404, status(base + "/public/v/1-" + secret + "/code%20001%23.mp4x"));
        assertEquals(404, status(base + "/public/v/1-" + secret + "/..%2F..%2F..%2Fsecret.txt"));
        assertEquals(404, status(base + "/public/v/1-" + secret + "/%2e%2e"));
        assertEquals(404, status(base + "/public/v/1-" + secret + "/../../secret.txt"));
        assertEquals(404, status(base + "/public/v/1-" + secret + "/code%20001%23.mp4/x"));
        assertEquals(404, status(base + "/public/v/" + secret + "/code%20001%23.mp4"), "no post id");
        assertEquals(404, status(base + "/public/v/1-" + secret.substring(1) + "/code%20001%23.mp4"), "short secret");
        assertEquals(302, send("GET", base + "/media/clips/code.clips/code-001/clip.json", null).statusCode(),
                "the rest of the media still needs a login");
        assertEquals(401, send("POST", url, null).statusCode(), "the link is read-only");
    }

    /**
     * /public/v/ answered any number of wrong guesses without login. After 20 unknown links (wrong secret, unknown post)
     * from one address within a minute, further unknown ones get 429 with Retry-After; the link that was handed out is
     * still served to that address, Range requests too (behind a proxy every platform fetcher shares one address), and
     * once the failures are a minute old unknown links are plain 404s again.
     */
    @Test
    void unknownVideoLinksWereNeverLimited_nowTwentyInAMinuteFromOneAddressGet429WithRetryAfter() throws Exception {
        publishOne(dir.resolve("clips/code.clips/code-001"));
        String url = receiver.deliveries().get(0).path("videoUrl").asText();
        String secret = url.substring(url.indexOf("/public/v/") + 12, url.lastIndexOf('/'));
        MutableClock moving = new MutableClock(NOW.plusSeconds(60));
        try (WebServer limited = server(moving)) {
            String base = "http://127.0.0.1:" + limited.port();
            String good = base + "/public/v/1-" + secret + "/code%20001%23.mp4";
            String guess = base + "/public/v/1-" + (secret.charAt(0) == 'A' ? "B" : "A") + secret.substring(1)
                    + "/code%20001%23.mp4";
            for (int i = 0; i < 19; i++) {
                assertEquals(404, status(i % 2 == 0 ? guess : base + "/public/v/" + (7 + i) + "-" + secret
                        + "/code%20001%23.mp4"), "guess " + (i + 1) + ": wrong secret or unknown post");
                moving.advance(java.time.Duration.ofSeconds(1));
            }
            assertEquals(404, status(base + "/public/v/1-" + secret + "/clip.json"), "a right secret does not count");
            assertEquals(404, status(guess), "the 20th");
            HttpResponse<byte[]> blocked = send("GET", guess, null);
            assertEquals(429, blocked.statusCode());
            assertEquals("42", blocked.headers().firstValue("Retry-After").orElse(""),
                    "until the first failure (60 s ago minus 19 s) leaves the minute");
            assertEquals("no-store", blocked.headers().firstValue("Cache-Control").orElse(""));
            assertEquals(429, send("HEAD", base + "/public/v/99-" + secret + "/x.mp4", null).statusCode());

            HttpResponse<byte[]> part = send("GET", good, "bytes=1000-1999");
            assertEquals(206, part.statusCode(), "the link handed out is still served");
            assertArrayEquals(Arrays.copyOfRange(video, 1000, 2000), part.body());
            assertEquals(200, send("HEAD", good, null).statusCode());

            moving.advance(java.time.Duration.ofSeconds(61));
            assertEquals(404, status(guess), "a minute later: a plain 404 again");
        }
    }

    @Test
    void theLinkExpiresSevenDaysAfterThePostsTime() throws Exception {
        publishOne(dir.resolve("clips/code.clips/code-001"));
        String url = receiver.deliveries().get(0).path("videoUrl").asText();
        assertEquals(NOW.plus(Duration.ofDays(7)).toString(), receiver.deliveries().get(0).path("videoUrlExpiresAt")
                .asText());
        String path = url.substring(url.indexOf("/public/v/"));
        try (WebServer sixDays = server(Clock.fixed(NOW.plus(Duration.ofDays(6)), ZoneOffset.UTC));
             WebServer eightDays = server(Clock.fixed(NOW.plus(Duration.ofDays(8)), ZoneOffset.UTC))) {
            assertEquals(200, status("http://127.0.0.1:" + sixDays.port() + path));
            assertEquals(404, status("http://127.0.0.1:" + eightDays.port() + path));
        }
    }

    @Test
    void aClipOutsideEveryMediaFolderIsNotSentAndTheRetrySaysWhy() throws Exception {
        clip(dir.resolve("elsewhere/code-002"), "code-002");
        String out = publishOne(dir.resolve("elsewhere/code-002"));
        assertTrue(out.contains("retry 1"), out + cli.err());
        assertEquals(0, receiver.deliveries().size(), "no post whose video cannot be fetched");
        cli.clear();
        cli.run("publish", "status");
        assertTrue(cli.out().contains("answered 404: is 'tagline serve' running on the publish database, with a --media"
                + " folder that holds " + dir.resolve("elsewhere/code-002").toRealPath().resolve(VIDEO)), cli.out());
    }

    @Test
    void aVideoInAHiddenFolderOrASymlinkOutOfTheMediaFolderIsNotServed() throws Exception {
        clip(dir.resolve("clips/.drafts/code-003"), "code-003");
        Path outside = Files.createDirectories(dir.resolve("outside")).resolve("real.mp4");
        clip(dir.resolve("clips/code-004"), "code-004");
        Files.move(dir.resolve("clips/code-004").resolve(VIDEO), outside);
        Files.createSymbolicLink(dir.resolve("clips/code-004").resolve(VIDEO), outside);
        assertTrue(publishOne(dir.resolve("clips/.drafts/code-003")).contains("retry 1"), cli.out() + cli.err());
        assertTrue(publishOne(dir.resolve("clips/code-004")).contains("retry 1"), cli.out() + cli.err());
        assertEquals(0, receiver.deliveries().size());
    }
}
