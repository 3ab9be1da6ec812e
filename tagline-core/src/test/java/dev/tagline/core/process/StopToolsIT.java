package dev.tagline.core.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A JVM stopped by SIGTERM (kill, timeout, systemd), or killed outright, takes the tools it runs with it: no orphan
 * ffmpeg writes on.
 */
class StopToolsIT {
    @Test
    void aStoppedJvmStopsTheToolsItRuns() throws Exception {
        Process jvm = probe(List.of());
        long child;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(jvm.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line = out.readLine();
            assertTrue(line != null && line.startsWith("child "), String.valueOf(line));
            child = Long.parseLong(line.substring("child ".length()).strip());
            assertTrue(alive(child), "sleep runs");
            jvm.destroy(); // SIGTERM to the JVM alone, as kill PID does
            assertTrue(jvm.waitFor(30, TimeUnit.SECONDS));
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (alive(child) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertFalse(alive(child), "sleep was stopped with it");
    }

    /**
     * Dogfood round 8, K1: {@code kill -9} of {@code clips render} left its FFmpeg encoding on as an orphan for tens of
     * seconds. A JVM killed outright runs no shutdown hook; the tool must die with it all the same.
     */
    @Test
    void aJvmKilledOutrightLeftFfmpegEncodingAsAnOrphan_nowFfmpegDiesWithIt(@TempDir Path dir) throws Exception {
        assumeTrue(ParentDeathSignal.available(), "needs Linux with util-linux's setpriv (apt-get install util-linux)");
        assumeTrue(onPath("ffmpeg"), "needs ffmpeg on PATH (apt-get install ffmpeg)");
        Path out = dir.resolve("long.mp4");
        Process jvm = probe(List.of("ffmpeg", "-nostdin", "-hide_banner", "-loglevel", "error", "-y", "-re", "-f",
                "lavfi", "-i", "testsrc=s=160x120:r=10", "-t", "60", "-c:v", "libx264", "-preset", "ultrafast",
                out.toString()));
        long child = -1;
        try (BufferedReader stdout = new BufferedReader(new InputStreamReader(jvm.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line = stdout.readLine();
            assertTrue(line != null && line.startsWith("child "), String.valueOf(line));
            child = Long.parseLong(line.substring("child ".length()).strip());
            long started = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (!java.nio.file.Files.exists(out) && System.nanoTime() < started) {
                Thread.sleep(50);
            }
            assertTrue(alive(child), "ffmpeg encodes");
            assertEquals("ffmpeg", java.nio.file.Files.readString(Path.of("/proc", Long.toString(child), "comm"))
                    .strip());
            jvm.destroyForcibly(); // SIGKILL: no shutdown hook runs
            assertTrue(jvm.waitFor(30, TimeUnit.SECONDS));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
            while (alive(child) && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertFalse(alive(child), "ffmpeg died with the JVM that ran it");
        } finally {
            jvm.destroyForcibly();
            if (child > 0) {
                ProcessHandle.of(child).ifPresent(ProcessHandle::destroyForcibly);
            }
        }
    }

    private static Process probe(List<String> tool) throws java.io.IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new java.util.ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
                StopToolsProbe.class.getName()));
        command.addAll(tool);
        return new ProcessBuilder(command).redirectErrorStream(true).start();
    }

    private static boolean onPath(String program) {
        return java.util.Arrays.stream(System.getenv().getOrDefault("PATH", "").split(":"))
                .anyMatch(d -> !d.isEmpty() && java.nio.file.Files.isExecutable(Path.of(d, program)));
    }

    /** Running, and not a zombie waiting for whichever process adopted it to reap it. */
    private static boolean alive(long pid) throws java.io.IOException {
        Path stat = Path.of("/proc", Long.toString(pid), "stat");
        if (!ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false) || !java.nio.file.Files.exists(stat)) {
            return false;
        }
        try {
            String s = java.nio.file.Files.readString(stat);
            return s.charAt(s.lastIndexOf(')') + 2) != 'Z';
        } catch (java.nio.file.NoSuchFileException e) {
            return false; // gone between the two looks
        }
    }
}
