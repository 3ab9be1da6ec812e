package dev.tagline.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #10 point 8: latency of {@code GET /api/calendar} with 10,000 posts in one month, and the gallery page of
 * 200 thumbnails (first and cached load), on loopback. Runs only with {@code -Dtagline.bench=true}
 * (docs/benchmarks.md, "Issue 10 — web").
 */
class WebBenchmarkIT {
    static final int POSTS = 10_000;
    static final int CHANNELS = 4;
    @TempDir
    Path dir;

    @Test
    void calendarApiWithTenThousandPostsInAMonth() throws Exception {
        Assumptions.assumeTrue(Boolean.getBoolean("tagline.bench"), "benchmark: run with -Dtagline.bench=true");
        try (WebFixture web = WebFixture.start(dir)) {
            String[] platforms = {"youtube", "tiktok", "instagram", "folder"};
            for (int c = 0; c < CHANNELS; c++) {
                web.channel("ch" + c, platforms[c], "Europe/Berlin");
            }
            seed(dir.resolve("publish.db"));
            realManifests(dir); // real rows: every media row holds the clip details its clip.json has
            WebFixture.Login login = web.login();
            report(web, login, "month view as the page asks it (3 a day + per-day counts)",
                    "from=2026-11-30&to=2027-01-11&perDay=3", 32 * 3); // Dec 1–31 UTC touch 32 Berlin days
            report(web, login, "month view, every event (all 10,000 posts)", "from=2026-11-30&to=2027-01-11", POSTS);
            report(web, login, "week view (~2,300 posts)", "from=2026-12-07&to=2026-12-14", -1);
        }
    }

    /**
     * Opening the calendar page ({@code GET /calendar}) gives every post that follows its clip the clip's current copy:
     * 10,000 posts on 2,500 clips, each with a real {@code clip.json}; the first open, then 20 more.
     */
    @Test
    void calendarPageOpenWithTenThousandPostsFollowingTheirClips() throws Exception {
        Assumptions.assumeTrue(Boolean.getBoolean("tagline.bench"), "benchmark: run with -Dtagline.bench=true");
        try (WebFixture web = WebFixture.start(dir)) {
            String[] platforms = {"youtube", "tiktok", "instagram", "folder"};
            for (int c = 0; c < CHANNELS; c++) {
                web.channel("ch" + c, platforms[c], "Europe/Berlin");
            }
            seed(dir.resolve("publish.db"));
            realManifests(dir);
            WebFixture.Login login = web.login(); // opens /calendar once: the first open
            HttpRequest request = HttpRequest.newBuilder(URI.create(web.base() + "/calendar"))
                    .header("Cookie", login.cookie()).build();
            List<Long> nanos = new ArrayList<>();
            for (int i = 0; i < 21; i++) {
                long t0 = System.nanoTime();
                HttpResponse<String> r = web.http.send(request, HttpResponse.BodyHandlers.ofString());
                assertEquals(200, r.statusCode(), r.body());
                nanos.add(System.nanoTime() - t0);
            }
            long first = nanos.remove(0);
            Collections.sort(nanos);
            System.out.printf(Locale.ROOT, "BENCH calendar page open, 10,000 posts following 2,500 clip.json: second"
                    + " open %.1f ms, then n=%d p50=%.1f ms max=%.1f ms, loadavg %s%n", first / 1e6, nanos.size(),
                    nanos.get(nanos.size() / 2) / 1e6, nanos.get(nanos.size() - 1) / 1e6, loadAverage());
        }
    }

    private static void report(WebFixture web, WebFixture.Login login, String what, String range, int expected)
            throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(web.base() + "/api/calendar?" + range
                + "&tz=Europe/Berlin")).header("Cookie", login.cookie()).build();
        List<Long> nanos = new ArrayList<>();
        long bytes = 0;
        long cpu0 = 0;
        for (int i = 0; i < 330; i++) {
            if (i == 30) {
                cpu0 = processCpuNanos();
            }
            long t0 = System.nanoTime();
            HttpResponse<byte[]> r = web.http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            long t = System.nanoTime() - t0;
            assertEquals(200, r.statusCode());
            bytes = r.body().length;
            if (i >= 30) {
                nanos.add(t);
            }
        }
        double cpuMs = (processCpuNanos() - cpu0) / 1e6 / nanos.size();
        Collections.sort(nanos);
        System.out.printf(Locale.ROOT, "BENCH calendar %s: n=%d p50=%.1f ms p99=%.1f ms max=%.1f ms body=%d KiB"
                        + " process CPU (client + server) %.1f ms/request, loadavg %s%n", what, nanos.size(),
                nanos.get(nanos.size() / 2) / 1e6, nanos.get((int) Math.ceil(nanos.size() * 0.99) - 1) / 1e6,
                nanos.get(nanos.size() - 1) / 1e6, bytes / 1024, cpuMs, loadAverage());
        if (expected > 0) {
            assertEquals(true, new String(web.http.send(request, HttpResponse.BodyHandlers.ofString()).body()
                    .getBytes()).split("\"id\":").length - 1 == expected);
        }
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static String loadAverage() {
        try {
            return java.nio.file.Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (java.io.IOException e) {
            return "n/a";
        }
    }

    /** Gives each seeded clip a real {@code clip.json} and stores its details in the media row, as queueing does. */
    private static void realManifests(Path dir) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("publish.db"));
             PreparedStatement m = c.prepareStatement("UPDATE media SET manifest_path = ?, manifest_json = ? WHERE"
                     + " id = ?")) {
            c.setAutoCommit(false);
            for (int i = 1; i <= POSTS / CHANNELS; i++) {
                Path json = dir.resolve("clips/" + i + "/clip.json");
                java.nio.file.Files.createDirectories(json.getParent());
                var manifest = dev.tagline.core.manifest.ClipManifest.of("bench-" + i, "clip.mp4", null, 30, 1080,
                        1920, 0.5, true, new dev.tagline.core.manifest.ClipManifest.Copy("Clip " + i + " — a title"
                                + " of typical length", "A caption of typical length", List.of("tagline", "shorts")),
                        java.util.Map.of());
                dev.tagline.core.manifest.ClipManifests.write(json, manifest);
                m.setString(1, json.toString());
                m.setString(2, new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(manifest));
                m.setInt(3, 100_000 + i);
                m.addBatch();
            }
            m.executeBatch();
            c.commit();
        }
    }

    /**
     * Bulk rows straight into the test database: 2,500 clips × 4 channels, spread over December 2026; the media rows'
     * clip details are placeholders until {@link #realManifests} gives them real ones.
     */
    private static void seed(Path db) throws Exception {
        long start = Instant.parse("2026-12-01T00:00:00Z").toEpochMilli();
        long span = 31L * 24 * 3600 * 1000;
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db)) {
            c.setAutoCommit(false);
            try (PreparedStatement m = c.prepareStatement("INSERT INTO media (id, manifest_path, video_path, clip_id,"
                    + " score, duration_ms, width, height, size_bytes, sha256, manifest_json, added_at)"
                    + " VALUES (?, ?, ?, ?, 0.5, 30000, 1080, 1920, 1000, 'x', '{}', 0)")) {
                for (int i = 1; i <= POSTS / CHANNELS; i++) {
                    m.setInt(1, 100_000 + i);
                    m.setString(2, "/bench/" + i + "/clip.json");
                    m.setString(3, "/bench/" + i + "/clip.mp4");
                    m.setString(4, "bench-" + i);
                    m.addBatch();
                }
                m.executeBatch();
            }
            try (PreparedStatement p = c.prepareStatement("INSERT INTO post (media_id, channel_id, title, caption, state,"
                    + " planned_by, scheduled_at, zone, schedule_version, due_at, step, progress_json, tries, created_at,"
                    + " updated_at) VALUES (?, ?, ?, ?, 'scheduled', 'auto', ?, 'Europe/Berlin', 1, ?, 'upload', '{}',"
                    + " 0, 0, 0)")) {
                for (int i = 0; i < POSTS; i++) {
                    long at = start + (span * i) / POSTS;
                    p.setInt(1, 100_001 + i / CHANNELS);
                    p.setInt(2, 1 + i % CHANNELS);
                    p.setString(3, "Clip " + i + " — a title of typical length for a short");
                    p.setString(4, "A caption of typical length with a few hashtags #tagline #shorts #talk " + i);
                    p.setLong(5, at);
                    p.setLong(6, at);
                    p.addBatch();
                }
                p.executeBatch();
            }
            c.commit();
        }
    }

    @Test
    void galleryOf200ThumbnailsFirstAndCached() throws Exception {
        Assumptions.assumeTrue(Boolean.getBoolean("tagline.bench"), "benchmark: run with -Dtagline.bench=true");
        try (WebFixture web = WebFixture.start(dir)) {
            for (int i = 0; i < 200; i++) {
                java.awt.image.BufferedImage img = new java.awt.image.BufferedImage(1024, 768,
                        java.awt.image.BufferedImage.TYPE_INT_RGB);
                java.awt.Graphics2D g = img.createGraphics();
                g.setPaint(new java.awt.GradientPaint(0, 0, java.awt.Color.getHSBColor(i / 200f, 0.8f, 0.9f), 1024, 768,
                        java.awt.Color.DARK_GRAY));
                g.fillRect(0, 0, 1024, 768);
                g.dispose();
                Path file = web.media.resolve("set/img-" + String.format(Locale.ROOT, "%03d", i) + ".jpg");
                java.nio.file.Files.createDirectories(file.getParent());
                javax.imageio.ImageIO.write(img, "jpg", file.toFile());
                java.nio.file.Files.writeString(file.resolveSibling("img-" + String.format(Locale.ROOT, "%03d", i)
                        + ".txt"), "tag" + (i % 7) + ", gradient");
            }
            WebFixture.Login login = web.login();
            for (String which : List.of("first load (thumbnails rendered)", "cached load")) {
                long t0 = System.nanoTime();
                HttpResponse<String> page = web.send(web.get("/datasets/clips").header("Cookie", login.cookie()));
                long tPage = System.nanoTime() - t0;
                java.util.regex.Matcher m = java.util.regex.Pattern.compile("src=\"(/thumbs/[^\"]+)\"").matcher(page.body());
                List<java.util.concurrent.CompletableFuture<HttpResponse<byte[]>>> thumbs = new ArrayList<>();
                java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(6);
                while (m.find()) {
                    String src = m.group(1);
                    thumbs.add(java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                        try {
                            return web.http.send(HttpRequest.newBuilder(URI.create(web.base() + src))
                                    .header("Cookie", login.cookie()).build(), HttpResponse.BodyHandlers.ofByteArray());
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    }, pool));
                }
                for (var f : thumbs) {
                    assertEquals(200, f.get().statusCode());
                }
                pool.shutdown();
                System.out.printf(Locale.ROOT, "BENCH gallery %s: page %.1f ms, page + %d thumbnails (6 at a time)"
                        + " %.1f ms, loadavg %s%n", which, tPage / 1e6, thumbs.size(), (System.nanoTime() - t0) / 1e6,
                        loadAverage());
            }
        }
    }
}
