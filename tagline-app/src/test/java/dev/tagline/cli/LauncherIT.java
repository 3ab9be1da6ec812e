package dev.tagline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged artifact and its launcher, run as a user would: from another directory and through a symlink. */
class LauncherIT {
    private static final Path LAUNCHER = Path.of("..", "bin", "tagline").toAbsolutePath().normalize();

    @TempDir
    Path elsewhere;

    @Test
    void runsFromAnyDirectory() throws Exception {
        Result r = run(elsewhere, LAUNCHER.toString(), "--version");
        assertEquals(0, r.code, r.output);
        assertTrue(r.output.startsWith("tagline "), r.output);
    }

    @Test
    void runsThroughASymlink() throws Exception {
        Path link = Files.createSymbolicLink(elsewhere.resolve("tagline"), LAUNCHER);
        Result r = run(elsewhere, link.toString(), "--help");
        assertEquals(0, r.code, r.output);
        assertTrue(r.output.contains("Usage: tagline"), r.output);
    }

    @Test
    void badFlagExitsTwoWithOneLine() throws Exception {
        Result r = run(elsewhere, LAUNCHER.toString(), "--no-such-flag");
        assertEquals(2, r.code, r.output);
        assertEquals(1, r.output.strip().lines().count(), r.output);
    }

    @Test
    void serveNamesItsAddressAndTheWholeSetupAddressOnFirstStart() throws Exception {
        ProcessBuilder pb = new ProcessBuilder(LAUNCHER.toString(), "serve", "--port", "0").directory(elsewhere.toFile())
                .redirectErrorStream(true);
        pb.environment().put("TAGLINE_HOME", elsewhere.resolve("home").toString());
        pb.environment().remove("TAGLINE_ADMIN_PASSWORD");
        Process p = pb.start();
        try (java.io.BufferedReader out = new java.io.BufferedReader(new java.io.InputStreamReader(p.getInputStream(),
                StandardCharsets.UTF_8))) {
            String first = out.readLine();
            String second = out.readLine();
            java.util.regex.Matcher url = java.util.regex.Pattern
                    .compile("Tagline web app on (http://127\\.0\\.0\\.1:\\d+/) \\(Ctrl-C stops it\\)").matcher(first);
            assertTrue(url.matches(), first);
            assertTrue(second.startsWith("First start: open " + url.group(1) + "setup and enter the setup code "),
                    second);
        } finally {
            p.destroy();
            assertTrue(p.waitFor(30, TimeUnit.SECONDS), "serve stops on SIGTERM");
        }
    }

    private record Result(int code, String output) {
    }

    private static Result run(Path dir, String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(List.of(command)).directory(dir.toFile()).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        return new Result(p.exitValue(), output);
    }
}
