package dev.tagline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code java -jar tagline.jar} under the C/POSIX locale (Docker, cron, systemd) could not open a non-ASCII file name:
 * Java 17 takes the file-name encoding from the locale at start, and only {@code bin/tagline} set C.UTF-8. Now the jar
 * starts itself again in a UTF-8 locale; real child JVMs, as a user or a service manager would start them.
 */
class Utf8RelaunchIT {
    private static final Path JAR = Path.of("target", "tagline.jar").toAbsolutePath();
    private static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();

    @TempDir
    Path dir;
    Path images;

    @BeforeEach
    void folder() throws Exception {
        Assumptions.assumeTrue(Utf8Relaunch.utf8Locale().isPresent(), "this system has no UTF-8 locale to switch to"
                + " (apt-get install locales, or glibc 2.35+)");
        images = Files.createDirectories(dir.resolve("images"));
        javax.imageio.ImageIO.write(new java.awt.image.BufferedImage(300, 300,
                java.awt.image.BufferedImage.TYPE_INT_RGB), "png", images.resolve("a.png").toFile());
        // 夕焼け.png, made by the shell from its UTF-8 bytes whatever this JVM's locale
        Process copy = new ProcessBuilder("sh", "-c", "cp a.png \"$(printf '\\345\\244\\225\\347\\204\\274\\343\\201"
                + "\\221.png')\"").directory(images.toFile()).start();
        assertEquals(0, copy.waitFor());
    }

    /** A child of this test in the C locale, as cron or a container starts it. */
    private ProcessBuilder inCLocale(List<String> command) {
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        pb.environment().remove("LANG");
        pb.environment().remove("LC_CTYPE");
        pb.environment().remove(Utf8Relaunch.MARKER);
        pb.environment().put("LC_ALL", "C");
        pb.environment().put("TAGLINE_HOME", dir.resolve("home").toString());
        return pb;
    }

    private static String output(Process p) throws Exception {
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), out);
        return out;
    }

    @Test
    void theJarCouldNotOpenANonAsciiNameInTheCLocale_nowItRestartsItselfInUtf8() throws Exception {
        Assumptions.assumeTrue(Files.isRegularFile(JAR), "tagline.jar is built in the package phase");
        Process p = inCLocale(List.of(JAVA, "-Xmx256m", "-jar", JAR.toString(), "check",
                "images")).start();
        String out = output(p);
        assertEquals(0, p.exitValue(), out);
        assertTrue(out.contains("duplicate   \u5915\u713c\u3051.png: same bytes as a.png"), out);
        assertFalse(out.contains("unreadable"), out);
    }

    @Test
    void theChildGetsTheSameJvmOptionsAndArgumentsAndItsExitCodeIsPassedOn() throws Exception {
        Process p = inCLocale(List.of(JAVA, "-Xmx200m", "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "check", "images", "--no-such-flag")).start();
        String out = output(p);
        assertEquals(ExitCode.USAGE, p.exitValue(), "the child's usage error, passed on: " + out);
        assertTrue(out.contains("--no-such-flag"), out);
        Process ok = inCLocale(List.of(JAVA, "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "check", "images", "--min-side", "0")).start();
        String okOut = output(ok);
        assertEquals(0, ok.exitValue(), okOut);
        assertTrue(okOut.contains("\u5915\u713c\u3051.png"), okOut);
    }

    /**
     * A non-ASCII argument ({@code check 写真}) reached the first JVM as U+FFFD in the C locale and the child as '?':
     * the child now takes the arguments' original bytes.
     */
    @Test
    void aNonAsciiArgumentReachedTheChildAsQuestionMarks_nowItsOwnName() throws Exception {
        Files.move(images, dir.resolve("\u5199\u771f"));
        // the folder's name as the shell's UTF-8 bytes, whatever this test JVM's locale
        ProcessBuilder pb = inCLocale(List.of("sh", "-c", "exec \"$0\" -cp \"$1\" \"$2\" check \"$(printf"
                + " '\\345\\206\\231\\347\\234\\237')\"", JAVA, System.getProperty("java.class.path"),
                Main.class.getName()));
        Process p = pb.start();
        String out = output(p);
        assertEquals(0, p.exitValue(), out);
        assertTrue(out.contains("duplicate   \u5915\u713c\u3051.png: same bytes as a.png"), out);
    }

    /** systemd stops a service with SIGTERM to its main process: the child must stop with it, not linger. */
    @Test
    void sigtermToTheFirstJvmStopsTheChildAndWaitsForIt() throws Exception {
        Process p = inCLocale(List.of(JAVA, "-Xmx300m", "-Dtagline.probe=kept", "-cp",
                System.getProperty("java.class.path"), Main.class.getName(), "serve", "--port", "0")).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(),
                StandardCharsets.UTF_8))) {
            String first = CompletableFuture.supplyAsync(() -> {
                try {
                    return out.readLine();
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).get(60, TimeUnit.SECONDS);
            assertTrue(first != null && first.startsWith("Tagline web app on http://127.0.0.1:"), first);
            List<ProcessHandle> children = new ArrayList<>(p.toHandle().children().toList());
            assertEquals(1, children.size(), "one child JVM: " + children);
            ProcessHandle child = children.get(0);
            assertEquals(JAVA, child.info().command().orElse(""), child.info().toString());
            // ProcessHandle.Info gives no arguments for a command line this long (the test class path): read /proc
            List<String> arguments = List.of(new String(Files.readAllBytes(Path.of("/proc", Long.toString(child.pid()),
                    "cmdline")), StandardCharsets.UTF_8).split("\0"));
            arguments = arguments.subList(1, arguments.size());
            assertEquals(List.of("-Xmx300m", "-Dtagline.probe=kept"), arguments.subList(0, 2), arguments.toString());
            assertEquals(List.of(Main.class.getName(), "serve", "--port", "0"),
                    arguments.subList(arguments.size() - 4, arguments.size()), arguments.toString());
            p.destroy(); // SIGTERM to the first JVM only
            assertTrue(p.waitFor(30, TimeUnit.SECONDS), "the first JVM stops");
            assertFalse(child.isAlive(), "its shutdown hook stopped the child and waited for it");
        } finally {
            p.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        }
    }
}
