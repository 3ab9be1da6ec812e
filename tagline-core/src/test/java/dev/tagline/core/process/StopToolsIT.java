package dev.tagline.core.process;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A JVM stopped by SIGTERM (kill, timeout, systemd) takes the tools it runs with it: no orphan ffmpeg writes on. */
class StopToolsIT {
    @Test
    void aStoppedJvmStopsTheToolsItRuns() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process jvm = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
                StopToolsProbe.class.getName())).redirectErrorStream(true).start();
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
