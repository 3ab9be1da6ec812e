package dev.tagline.core.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Runs real POSIX tools (sh, head, yes) that every Linux machine has. */
class ProcessRunnerTest {
    private final ProcessRunner runner = new ProcessRunner();

    @Test
    void argumentsAreNeverInterpretedByAShell() {
        ProcessResult r = runner.run(ProcessSpec.of(List.of("printf", "%s", "a b; echo pwned"), Duration.ofSeconds(10)));
        assertEquals(0, r.exitCode());
        assertEquals("a b; echo pwned", r.stdout());
    }

    @Test
    void drainsBothPipesOfAChattyProcess() {
        // 8 MB on each pipe: a runner that reads one pipe after the other deadlocks here.
        String script = "head -c 8000000 /dev/zero; head -c 8000000 /dev/zero >&2; echo done >&2";
        ProcessResult r = runner.run(ProcessSpec.of(List.of("sh", "-c", script), Duration.ofSeconds(30)));
        assertEquals(0, r.exitCode());
        assertEquals(8_000_000, r.stdout().length());
        assertTrue(r.stderrTail().endsWith("done"), "stderr keeps its last lines");
    }

    @Test
    void streamsStdoutToAConsumer() {
        ByteArrayOutputStream seen = new ByteArrayOutputStream();
        ProcessResult r = runner.run(ProcessSpec.of(List.of("sh", "-c", "yes | head -n 1000"), Duration.ofSeconds(10)),
                in -> in.transferTo(seen));
        assertEquals(0, r.exitCode());
        assertEquals(2000, seen.size());
    }

    @Test
    void timeoutKillsTheProcessAndItsChildren() {
        long start = System.nanoTime();
        ProcessFailedException e = assertThrows(ProcessFailedException.class, () -> runner.run(
                ProcessSpec.of(List.of("sh", "-c", "sleep 30 & sleep 30; wait"), Duration.ofMillis(300))));
        assertTrue(e.getMessage().contains("did not finish within 300 ms"), e.getMessage());
        assertTrue(Duration.ofNanos(System.nanoTime() - start).toSeconds() < 10);
    }

    @Test
    void checkedRunCarriesTheEndOfStderr() {
        ProcessFailedException e = assertThrows(ProcessFailedException.class, () -> runner.runChecked(ProcessSpec.of(
                List.of("sh", "-c", "echo line1 >&2; echo 'Invalid data found when processing input' >&2; exit 3"),
                Duration.ofSeconds(10))));
        assertTrue(e.getMessage().startsWith("sh exited 3: "), e.getMessage());
        assertTrue(e.getMessage().contains("Invalid data found when processing input"), e.getMessage());
        assertEquals(3, e.result().exitCode());
    }

    @Test
    void missingProgramSaysHowToInstallIt() {
        ProcessFailedException e = assertThrows(ProcessFailedException.class, () -> runner.run(
                ProcessSpec.of(List.of("no-such-tool-xyz"), Duration.ofSeconds(5))));
        assertTrue(e.oneLine().contains("Cannot start no-such-tool-xyz"), e.oneLine());
        assertTrue(e.oneLine().contains("PATH"), e.oneLine());
    }
}
