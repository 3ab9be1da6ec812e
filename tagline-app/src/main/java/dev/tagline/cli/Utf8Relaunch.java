package dev.tagline.cli;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code java -jar tagline.jar} in the C/POSIX locale (Docker, cron, systemd units): Java 17 fixes the file-name
 * encoding ({@code sun.jnu.encoding}) from the locale when it starts, so under C no non-ASCII name (夕焼け.jpg, café.png)
 * could be opened. {@code bin/tagline} sets {@code LC_ALL=C.UTF-8}; for the bare jar, {@link Main} starts itself once
 * more in a UTF-8 locale instead: the same java binary, JVM options, class path, main class and arguments, with
 * stdin, stdout and stderr inherited and its exit code passed on. {@link #MARKER} in the child's environment stops a
 * second relaunch. SIGTERM or SIGINT to this process (systemd stopping {@code publish worker}) reaches the child as
 * SIGTERM from a shutdown hook, which waits for it, so it stops as cleanly as it would have alone. Where no UTF-8
 * locale exists, nothing changes: the run goes on in this JVM and names the fix on the first name it cannot read.
 */
final class Utf8Relaunch {
    /** Set in the child's environment: it runs in the UTF-8 locale already, or tried to. */
    static final String MARKER = "TAGLINE_UTF8_RELAUNCHED";
    private static final Logger LOG = LoggerFactory.getLogger(Utf8Relaunch.class);

    private Utf8Relaunch() {
    }

    /**
     * The child's exit code when this JVM should not go on itself: its file names are not UTF-8, it is not such a
     * child, and a UTF-8 locale exists; empty otherwise (go on here).
     */
    static OptionalInt ifNeeded(String mainClass, String[] args) {
        if ("UTF-8".equalsIgnoreCase(System.getProperty("sun.jnu.encoding", "UTF-8")) || System.getenv(MARKER) != null
                || System.getProperty("os.name", "").startsWith("Windows")) {
            return OptionalInt.empty();
        }
        Optional<String> locale = utf8Locale();
        if (locale.isEmpty()) {
            return OptionalInt.empty();
        }
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(mainClass);
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).inheritIO();
        Map<String, String> env = pb.environment();
        env.put("LC_ALL", locale.get());
        env.put(MARKER, "1");
        Process child;
        try {
            child = pb.start();
        } catch (IOException e) {
            LOG.debug("Cannot start Java again in {}; going on in this locale: {}", locale.get(), e.toString());
            return OptionalInt.empty();
        }
        Thread stop = new Thread(() -> stop(child), "tagline-utf8-child-stop");
        Runtime.getRuntime().addShutdownHook(stop);
        try {
            int code = child.waitFor();
            Runtime.getRuntime().removeShutdownHook(stop);
            return OptionalInt.of(code);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stop(child);
            return OptionalInt.of(CtrlC.INTERRUPTED);
        } catch (IllegalStateException e) {
            return OptionalInt.of(child.exitValue()); // already shutting down: the hook has stopped the child
        }
    }

    /** SIGTERM to the child, then wait for it to finish its clean stop. */
    private static void stop(Process child) {
        if (!child.isAlive()) {
            return;
        }
        child.destroy();
        try {
            child.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * {@code C.UTF-8} when the system has it, else the first UTF-8 locale {@code locale -a} lists; empty when there is
     * none (or no {@code locale} to ask and no {@code C.utf8} in {@code /usr/lib/locale}).
     */
    static Optional<String> utf8Locale() {
        List<String> names = installedLocales();
        if (names.isEmpty()) {
            return Files.isDirectory(Path.of("/usr/lib/locale/C.utf8")) || Files.isDirectory(
                    Path.of("/usr/lib/locale/C.UTF-8")) ? Optional.of("C.UTF-8") : Optional.empty();
        }
        return pick(names);
    }

    /** From {@code locale -a}'s names: C.UTF-8 (in any spelling) first, else the first UTF-8 one. */
    static Optional<String> pick(List<String> names) {
        if (names.stream().anyMatch(n -> n.equalsIgnoreCase("C.UTF-8") || n.equalsIgnoreCase("C.utf8"))) {
            return Optional.of("C.UTF-8");
        }
        return names.stream().filter(n -> n.toLowerCase(java.util.Locale.ROOT).matches(".*\\.utf-?8(@.*)?"))
                .findFirst();
    }

    private static List<String> installedLocales() {
        try {
            Process p = new ProcessBuilder("locale", "-a").redirectErrorStream(false)
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            p.getOutputStream().close();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
            if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                return List.of();
            }
            return out.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
        } catch (IOException e) {
            return List.of(); // no locale program (a minimal image): look for the files instead
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of();
        }
    }
}
