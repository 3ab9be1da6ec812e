package dev.tagline.web;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue #10 point 1: media with range requests, only from the configured roots. */
class MediaRoutesIT {
    @TempDir
    Path dir;
    WebFixture web;
    WebFixture.Login login;
    byte[] video = new byte[10_000];

    @BeforeEach
    void start() throws Exception {
        web = WebFixture.start(dir);
        for (int i = 0; i < video.length; i++) {
            video[i] = (byte) (i * 31);
        }
        Files.createDirectories(web.media.resolve("talk"));
        Files.write(web.media.resolve("talk/clip.mp4"), video);
        Files.writeString(dir.resolve("secret.txt"), "outside the root");
        Files.createSymbolicLink(web.media.resolve("talk/escape.txt"), dir.resolve("secret.txt"));
        Files.createDirectories(web.media.resolve(".git"));
        Files.writeString(web.media.resolve(".git/config"), "[remote] url = https://token@example.com/");
        Files.writeString(web.media.resolve("talk/.env"), "API_KEY=secret");
        Files.createSymbolicLink(web.media.resolve("talk/env.txt"), web.media.resolve("talk/.env"));
        login = web.login();
    }

    @AfterEach
    void stop() {
        web.close();
    }

    private HttpResponse<byte[]> get(String rawPath, String range) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(web.base() + rawPath)).header("Cookie", login.cookie());
        if (range != null) {
            b.header("Range", range);
        }
        return web.http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void aRangeRequestGetsThoseBytesOnly() throws Exception {
        HttpResponse<byte[]> part = get("/media/clips/talk/clip.mp4", "bytes=4000-4099");
        assertEquals(206, part.statusCode());
        assertEquals("bytes 4000-4099/10000", part.headers().firstValue("Content-Range").orElseThrow());
        assertArrayEquals(Arrays.copyOfRange(video, 4000, 4100), part.body());
        assertEquals("video/mp4", part.headers().firstValue("Content-Type").orElseThrow());
        HttpResponse<byte[]> whole = get("/media/clips/talk/clip.mp4", null);
        assertEquals(200, whole.statusCode());
        assertArrayEquals(video, whole.body());
        assertEquals("bytes", whole.headers().firstValue("Accept-Ranges").orElseThrow());
        HttpResponse<byte[]> past = get("/media/clips/talk/clip.mp4", "bytes=20000-");
        assertEquals(416, past.statusCode());
        assertEquals("bytes */10000", past.headers().firstValue("Content-Range").orElseThrow());
    }

    @Test
    void dotDotInAMediaPathIs404() throws Exception {
        assertEquals(404, get("/media/clips/talk/..%2F..%2Fsecret.txt", null).statusCode());
        assertEquals(404, get("/media/clips/..%2Fsecret.txt", null).statusCode());
        assertEquals(404, get("/media/clips/%2e%2e/secret.txt", null).statusCode());
        assertEquals(404, get("/media/clips/talk/../../secret.txt", null).statusCode());
    }

    @Test
    void hiddenFilesAndFoldersUnderARootAre404() throws Exception {
        assertEquals(404, get("/media/clips/.git/config", null).statusCode());
        assertEquals(404, get("/media/clips/talk/.env", null).statusCode());
        assertEquals(404, get("/media/clips/talk/env.txt", null).statusCode(), "a plain name linking to a hidden file");
        assertEquals(200, get("/media/clips/talk/clip.mp4", null).statusCode());
    }

    @Test
    void aSymlinkOutOfTheRootAnUnknownRootAndAMissingFileAre404() throws Exception {
        assertEquals(404, get("/media/clips/talk/escape.txt", null).statusCode());
        assertEquals(404, get("/media/nope/talk/clip.mp4", null).statusCode());
        assertEquals(404, get("/media/clips/talk/missing.mp4", null).statusCode());
    }

    @Test
    void mediaNeedsALogin() throws Exception {
        HttpResponse<byte[]> anonymous = web.http.send(HttpRequest.newBuilder(
                URI.create(web.base() + "/media/clips/talk/clip.mp4")).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(302, anonymous.statusCode());
    }
}
