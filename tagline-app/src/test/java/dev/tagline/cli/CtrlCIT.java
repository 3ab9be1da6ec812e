package dev.tagline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #3 point 4: a real SIGINT to a running {@code tagline check} (its own JVM) finishes the current chunk and exits
 * cleanly; the next run continues; a second SIGINT stops at once with 130.
 */
class CtrlCIT {
    static final int FILES = 1200;
    static final int CHUNK = 40;

    @TempDir
    Path dir;
    Path data;

    @BeforeEach
    void folder() throws IOException {
        data = Files.createDirectories(dir.resolve("data"));
        byte[] jpeg = CheckCommandTest.image(480, 360, "jpg");
        for (int i = 0; i < FILES; i++) {
            // a COM segment with the index after SOI: valid, and distinct bytes so that none is a duplicate
            java.nio.ByteBuffer copy = java.nio.ByteBuffer.allocate(jpeg.length + 8);
            copy.put(jpeg, 0, 2).put((byte) 0xFF).put((byte) 0xFE).putShort((short) 6).putInt(i);
            copy.put(jpeg, 2, jpeg.length - 2);
            Files.write(data.resolve(String.format("img%04d.jpg", i)), copy.array());
        }
    }

    private Process start() throws IOException {
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(javaBin, "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "check", data.toString(), "--chunk", Integer.toString(CHUNK), "--workers", "1", "--min-side", "0")
                .redirectErrorStream(true).redirectOutput(dir.resolve("out.txt").toFile()).start();
    }

    private long journaled() throws IOException {
        Path state = data.resolve(".tagline");
        if (!Files.isDirectory(state)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(state)) {
            long n = 0;
            for (Path f : files.toList()) {
                n += Files.readAllLines(f).stream().filter(l -> l.startsWith("{\"k\"")).count();
            }
            return n;
        }
    }

    private static void interrupt(Process p) throws Exception {
        new ProcessBuilder("kill", "-INT", Long.toString(p.pid())).start().waitFor();
    }

    private static void terminate(Process p) throws Exception {
        new ProcessBuilder("kill", "-TERM", Long.toString(p.pid())).start().waitFor();
    }

    private Process startedAndBusy() throws Exception {
        Process p = start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (journaled() < CHUNK && p.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        Assumptions.assumeTrue(p.isAlive(), "the machine checked all files before the signal could be sent");
        return p;
    }

    @Test
    void firstCtrlCFinishesTheChunkSecondStopsAtOnce() throws Exception {
        Process p = startedAndBusy();
        interrupt(p);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        String out = Files.readString(dir.resolve("out.txt"), StandardCharsets.UTF_8);
        Assumptions.assumeFalse(p.exitValue() == 0 && !out.contains("Finishing"),
                "SIGINT is ignored in this environment (started in the background?): cannot test Ctrl-C");
        assertEquals(ExitCode.SOME_FAILED, p.exitValue(), out);
        assertTrue(out.contains("Finishing the current chunk") && out.contains("Stopped before the end"), out);
        long done = journaled();
        assertEquals(0, done % CHUNK, "stopped on a chunk boundary: " + done);
        assertTrue(done < FILES, "stopped early: " + done);

        Process twice = startedAndBusy();
        interrupt(twice);
        Thread.sleep(100);
        interrupt(twice);
        assertTrue(twice.waitFor(10, TimeUnit.SECONDS));
        assertEquals(CtrlC.INTERRUPTED, twice.exitValue(), Files.readString(dir.resolve("out.txt")));

        Process rest = start();
        assertTrue(rest.waitFor(120, TimeUnit.SECONDS));
        List<String> lines = Files.readAllLines(dir.resolve("out.txt"));
        assertEquals(0, rest.exitValue(), String.join("\n", lines));
        assertTrue(lines.stream().anyMatch(l -> l.matches("total\\s+" + FILES + " .*")), String.join("\n", lines));
        assertEquals(FILES, journaled(), "every file journaled once in the end");
    }

    /** Dogfood: SIGTERM (timeout, docker stop, Slurm) exited 143 with nothing said and the chunk's work unjournaled. */
    @Test
    void sigtermJournalsTheImagesUnderWayAndSaysSo() throws Exception {
        Process p = startedAndBusy();
        long before = journaled();
        terminate(p);
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        String out = Files.readString(dir.resolve("out.txt"), StandardCharsets.UTF_8);
        assertEquals(ExitCode.SOME_FAILED, p.exitValue(), out);
        assertTrue(out.contains("Terminated: finishing the images under way") && out.contains("Stopped before the end"),
                out);
        long done = journaled();
        assertTrue(done >= before && done < FILES, "stopped early with what was under way journaled: " + done);

        Process rest = start();
        assertTrue(rest.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, rest.exitValue(), Files.readString(dir.resolve("out.txt")));
        assertEquals(FILES, journaled(), "every file journaled once in the end");
    }
}
