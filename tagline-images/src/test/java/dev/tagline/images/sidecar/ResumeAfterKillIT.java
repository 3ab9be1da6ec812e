package dev.tagline.images.sidecar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tagline.images.Fixtures;
import dev.tagline.images.load.ImageLoader;
import dev.tagline.images.load.LoadOptions;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #3 point 4: a run killed with SIGKILL (kill -9) at two moments and started again loses no item, does none
 * more than twice, redoes at most one chunk per kill, and leaves no partial sidecar.
 */
class ResumeAfterKillIT {
    static final int IMAGES = 400;
    static final int CHUNK = 32;

    @TempDir
    Path dir;

    private Process start(Path log) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), ResumeChild.class.getName(),
                dir.resolve("data").toString(), log.toString(), Integer.toString(CHUNK))
                .redirectErrorStream(true).redirectOutput(dir.resolve("child.out").toFile()).start();
    }

    private static long lines(Path log) throws IOException {
        return Files.exists(log) ? Files.readAllLines(log).size() : 0;
    }

    private void killAfter(Path log, long atLeast) throws Exception {
        Process child = start(log);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (lines(log) < atLeast && child.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertTrue(child.isAlive(), "the child must still be running to be killed: " + Files.readString(
                dir.resolve("child.out")));
        child.destroyForcibly(); // SIGKILL on Linux and macOS: no shutdown hooks, no flushing
        child.waitFor(10, TimeUnit.SECONDS);
    }

    @Test
    void killNineTwiceThenFinishLosesNothingAndRedoesAtMostAChunkPerKill() throws Exception {
        Path data = Files.createDirectories(dir.resolve("data"));
        for (int i = 0; i < IMAGES; i++) {
            BufferedImage img = Fixtures.picture(8 + i % 7, 8);
            img.setRGB(0, 0, new Color(i % 256, i / 256, 7).getRGB());
            Fixtures.write(data, String.format("d%02d/img%04d.png", i % 10, i), Fixtures.encode(img, "png"));
        }
        Path log = dir.resolve("writes.log");
        killAfter(log, 90);
        killAfter(log, 250);
        Process last = start(log);
        assertTrue(last.waitFor(120, TimeUnit.SECONDS), "the last run finishes");
        assertEquals(0, last.exitValue(), Files.readString(dir.resolve("child.out")));

        Map<String, Integer> writes = new HashMap<>();
        for (String key : Files.readAllLines(log)) {
            if (!key.isEmpty()) {
                writes.merge(key, 1, Integer::sum);
            }
        }
        assertEquals(IMAGES, writes.size(), "every image was done");
        long twice = writes.values().stream().filter(n -> n == 2).count();
        assertTrue(writes.values().stream().allMatch(n -> n <= 2), "no image done more than twice: " + writes);
        assertTrue(twice <= 2L * CHUNK, "at most one chunk redone per kill, got " + twice);

        ImageLoader loader = new ImageLoader(LoadOptions.DEFAULTS.withMinSide(0));
        SidecarWriter names = new SidecarWriter(SidecarSettings.tags());
        try (var files = Files.walk(data)) {
            List<Path> images = files.filter(p -> p.toString().endsWith(".png")).toList();
            assertEquals(IMAGES, images.size());
            for (Path image : images) {
                assertEquals(ResumeChild.tagsFor(loader.read(image)), Files.readString(names.sidecarFor(image)),
                        "complete sidecar for " + image);
            }
        }
    }
}
