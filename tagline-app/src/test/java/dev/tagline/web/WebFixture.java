package dev.tagline.web;

import dev.tagline.core.config.TaglineHome;
import dev.tagline.core.manifest.ClipManifest;
import dev.tagline.core.manifest.ClipManifests;
import dev.tagline.publish.Publishing;
import dev.tagline.publish.store.Channel;
import dev.tagline.publish.store.JobStore;
import dev.tagline.publish.store.Media;
import dev.tagline.publish.store.Post;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A real server on a random loopback port over a fresh SQLite database, plus helpers to seed posts and log in. */
final class WebFixture implements AutoCloseable {
    static final String PASSWORD = "correct horse battery";
    static final Instant NOW = Instant.parse("2026-12-01T08:00:00Z");
    final Path dir;
    final Path media;
    final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    final Publishing publishing;
    final Map<String, String> env;
    final WebServer server;
    final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private int clips;

    WebFixture(Path dir, String envPassword) {
        this(dir, envPassword, Map.of());
    }

    /** {@code extraEnv} on top of this process's environment (e.g. TAGLINE_HOME with the test models). */
    WebFixture(Path dir, String envPassword, Map<String, String> extraEnv) {
        this(dir, envPassword, extraEnv, Map.of());
    }

    /** {@code extraRoots}: media roots beside {@code clips} (= {@link #media}). */
    WebFixture(Path dir, String envPassword, Map<String, String> extraEnv, Map<String, Path> extraRoots) {
        this(dir, envPassword, extraEnv, extraRoots, Map.of());
    }

    /** {@code captionExtensions}: as {@code serve --caption-extension NAME=EXT}, by media root name. */
    WebFixture(Path dir, String envPassword, Map<String, String> extraEnv, Map<String, Path> extraRoots,
               Map<String, String> captionExtensions) {
        this.dir = dir;
        Map<String, String> all = new java.util.HashMap<>(System.getenv());
        all.putAll(extraEnv);
        this.env = withSecretKey(all);
        this.media = dir.resolve("media");
        try {
            Files.createDirectories(media);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        publishing = Publishing.open("jdbc:sqlite:" + dir.resolve("publish.db"), new TaglineHome(dir), clock);
        Map<String, Path> roots = new java.util.HashMap<>(extraRoots);
        roots.put("clips", media);
        server = WebServer.create(new WebSettings("127.0.0.1", 0, Map.copyOf(roots), dir.resolve("admin.pbkdf2"),
                envPassword, false, 100_000, Duration.ofHours(1), captionExtensions, Map.of()), publishing, env, clock)
                .start();
    }

    private static Map<String, String> withSecretKey(Map<String, String> env) {
        Map<String, String> out = new java.util.HashMap<>(env);
        out.put(dev.tagline.publish.auth.SecretKeys.ENV, dev.tagline.publish.auth.SecretKeys.generate());
        return Map.copyOf(out);
    }

    static WebFixture start(Path dir) {
        return new WebFixture(dir, PASSWORD);
    }

    String base() {
        return "http://127.0.0.1:" + server.port();
    }

    Channel channel(String name, String platform, String zone) {
        return publishing.channels().add(name, platform, name + "-account", ZoneId.of(zone), Map.of("path", dir.toString()));
    }

    /** A queued post of a new clip on {@code channel}; scheduled by hand at {@code at} unless null. */
    Post post(Channel channel, String title, String caption, Instant at) {
        String id = "clip-" + (++clips);
        Path folder = media.resolve(id);
        try {
            Files.createDirectories(folder);
            Files.write(folder.resolve("clip.mp4"), new byte[] {0, 0, 0, 24, 'f', 't', 'y', 'p'});
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ClipManifests.write(folder.resolve("clip.json"), ClipManifest.of(id, "clip.mp4",
                new ClipManifest.Source("talk.mp4", 10, 40), 30, 1080, 1920, 0.5 + clips / 1000.0, true,
                new ClipManifest.Copy(title, caption, List.of()), Map.of()));
        Media m = publishing.media().register(folder);
        Post p = publishing.posts().queue(m, channel, new ClipManifest.Copy(title, caption, List.of()));
        if (at != null) {
            publishing.posts().schedule(p.id(), p.scheduleVersion(), at, Post.PlannedBy.USER);
        }
        return publishing.posts().byId(p.id());
    }

    /** Drives a post through the worker's store calls to published ({@code url}) or failed ({@code reason}). */
    void finish(Post p, String url, String reason) {
        finish(p, url, reason, Post.Step.UPLOAD, Map.of());
    }

    /** As {@link #finish(Post, String, String)}, after the worker reached {@code step} with {@code progress}. */
    void finish(Post p, String url, String reason, Post.Step step, Map<String, String> progress) {
        JobStore jobs = publishing.jobs();
        JobStore.Due dueJob = new JobStore.Due(p.id(), publishing.posts().byId(p.id()).scheduleVersion(), p.channelId(),
                publishing.channels().byId(p.channelId()).platform());
        Instant due = publishing.posts().byId(p.id()).dueAt();
        Instant at = due != null && due.isAfter(NOW) ? due : NOW;
        jobs.claim(dueJob, "test", at, at.plusSeconds(300)).orElseThrow();
        if (!jobs.checkpoint(p.id(), "test", step, progress, at)) {
            throw new IllegalStateException("could not checkpoint post " + p.id());
        }
        boolean done = url != null ? jobs.published(p.id(), "test", "ext-" + p.id(), url, at)
                : jobs.failed(p.id(), "test", reason, at);
        if (!done) {
            throw new IllegalStateException("could not finish post " + p.id());
        }
    }

    /** Leaves a post unconfirmed through the worker's store calls: its create call went out, the answer was lost. */
    void unconfirm(Post p) {
        JobStore jobs = publishing.jobs();
        JobStore.Due dueJob = new JobStore.Due(p.id(), publishing.posts().byId(p.id()).scheduleVersion(), p.channelId(),
                publishing.channels().byId(p.channelId()).platform());
        jobs.claim(dueJob, "test", NOW, NOW.plusSeconds(300)).orElseThrow();
        if (!jobs.checkpoint(p.id(), "test", Post.Step.CREATING, Map.of(), NOW)
                || !jobs.unconfirmed(p.id(), "test", NOW.plusSeconds(600), "create outcome unknown (HTTP 500 from"
                + " http://127.0.0.1/hook); the reconciler will ask the platform", NOW)) {
            throw new IllegalStateException("could not leave post " + p.id() + " unconfirmed");
        }
    }

    HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    HttpRequest.Builder get(String path) {
        return HttpRequest.newBuilder(URI.create(base() + path)).GET();
    }

    HttpRequest.Builder form(String path, String cookie, Map<String, String> fields) {
        StringBuilder body = new StringBuilder();
        fields.forEach((k, v) -> body.append(body.length() == 0 ? "" : "&").append(k).append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base() + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
        return cookie == null ? b : b.header("Cookie", cookie);
    }

    /** Logs in as the admin and returns the session (cookie header value and CSRF token). */
    Login login() {
        HttpResponse<String> page = send(get("/login"));
        String anon = cookie(page);
        HttpResponse<String> done = send(form("/login", anon, Map.of("_csrf", csrf(page.body()), "password", PASSWORD)));
        if (done.statusCode() != 302 || !done.headers().firstValue("Location").orElse("").equals("/calendar")) {
            throw new IllegalStateException("login failed: " + done.statusCode() + " " + done.body());
        }
        String cookie = cookie(done);
        HttpResponse<String> calendar = send(get("/calendar").header("Cookie", cookie));
        return new Login(cookie, csrf(calendar.body()));
    }

    record Login(String cookie, String csrf) {
    }

    static String cookie(HttpResponse<?> response) {
        String set = response.headers().firstValue("Set-Cookie").orElseThrow(() -> new IllegalStateException(
                "no Set-Cookie in " + response.statusCode() + " " + response.uri()));
        return set.substring(0, set.indexOf(';'));
    }

    static String csrf(String html) {
        Matcher m = Pattern.compile("name=\"csrf-token\" content=\"([^\"]*)\"").matcher(html);
        if (!m.find()) {
            throw new IllegalStateException("no csrf-token meta in page");
        }
        return m.group(1);
    }

    @Override
    public void close() {
        server.close();
        publishing.close();
    }
}
