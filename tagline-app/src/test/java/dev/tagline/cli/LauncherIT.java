package dev.tagline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
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
        ProcessBuilder pb = new ProcessBuilder(LAUNCHER.toString(), "serve", "--port", "0")
                .directory(elsewhere.toFile()).redirectErrorStream(true);
        pb.environment().put("TAGLINE_HOME", elsewhere.resolve("home").toString());
        pb.environment().remove("TAGLINE_ADMIN_PASSWORD");
        Process p = pb.start();
        try (java.io.BufferedReader out = new java.io.BufferedReader(new java.io.InputStreamReader(p.getInputStream(),
                StandardCharsets.UTF_8))) {
            // read on another thread: a server that never prints fails the test instead of hanging the build
            List<String> lines = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                try {
                    return java.util.Arrays.asList(out.readLine(), out.readLine());
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).get(60, TimeUnit.SECONDS);
            String first = lines.get(0);
            String second = lines.get(1);
            java.util.regex.Matcher url = java.util.regex.Pattern
                    .compile("Tagline web app on (http://127\\.0\\.0\\.1:\\d+/) \\(Ctrl-C stops it\\)").matcher(first);
            assertTrue(url.matches(), first);
            assertTrue(second.startsWith("First start: open " + url.group(1) + "setup and enter the setup code "),
                    second);
        } finally {
            p.destroy();
            boolean stopped = p.waitFor(30, TimeUnit.SECONDS);
            if (!stopped) {
                p.destroyForcibly();
            }
            assertTrue(stopped, "serve stops on SIGTERM");
        }
    }

    @Test
    void verboseShowsTaglinesDebugLinesAndTheDefaultDoesNot() throws Exception {
        Path images = Files.createDirectories(elsewhere.resolve("images"));
        javax.imageio.ImageIO.write(new java.awt.image.BufferedImage(300, 300,
                java.awt.image.BufferedImage.TYPE_INT_RGB), "png", images.resolve("a.png").toFile());
        String home = dev.tagline.inference.TestModels.home(dev.tagline.inference.BuiltinModels.FACES,
                dev.tagline.inference.BuiltinModels.OCR).toString();
        Result quiet = run(elsewhere, Map.of("TAGLINE_HOME", home), LAUNCHER.toString(), "tag", "images", "--tagger",
                "quality", "--restart");
        assertEquals(0, quiet.code, quiet.output);
        assertFalse(quiet.output.contains("DEBUG"), quiet.output);
        Result verbose = run(elsewhere, Map.of("TAGLINE_HOME", home), LAUNCHER.toString(), "tag", "images", "--tagger",
                "quality", "--restart", "--verbose");
        assertEquals(0, verbose.code, verbose.output);
        assertTrue(verbose.output.contains("DEBUG dev.tagline.inference.onnx.OnnxSessions"), verbose.output);
    }

    @Test
    void nonAsciiNamesWorkUnderTheCLocaleOfContainersAndCron() throws Exception {
        Path images = Files.createDirectories(elsewhere.resolve("images"));
        javax.imageio.ImageIO.write(new java.awt.image.BufferedImage(300, 300,
                java.awt.image.BufferedImage.TYPE_INT_RGB), "png", images.resolve("a.png").toFile());
        // 夕焼け.png, made by the shell from its UTF-8 bytes whatever this JVM's locale
        String name = "\\345\\244\\225\\347\\204\\274\\343\\201\\221.png";
        Process copy = new ProcessBuilder("sh", "-c", "cp a.png \"$(printf '" + name + "')\"")
                .directory(images.toFile()).start();
        assertEquals(0, copy.waitFor());
        Map<String, String> env = Map.of("LC_ALL", "C", "TAGLINE_HOME", elsewhere.resolve("home").toString());
        Result r = run(elsewhere, env, List.of("LANG", "LC_CTYPE"), LAUNCHER.toString(), "check", "images");
        assertEquals(0, r.code, r.output);
        assertTrue(r.output.contains("duplicate   \u5915\u713c\u3051.png: same bytes as a.png"), r.output);
    }

    private record Result(int code, String output) {
    }

    private static Result run(Path dir, String... command) throws IOException, InterruptedException {
        return run(dir, Map.of(), command);
    }

    private static Result run(Path dir, Map<String, String> env, String... command)
            throws IOException, InterruptedException {
        return run(dir, env, List.of(), command);
    }

    private static Result run(Path dir, Map<String, String> env, List<String> unset, String... command)
            throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(List.of(command)).directory(dir.toFile()).redirectErrorStream(true);
        unset.forEach(pb.environment()::remove);
        pb.environment().putAll(env);
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        return new Result(p.exitValue(), output);
    }
}
