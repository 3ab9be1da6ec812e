package dev.tagline.cli;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
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
    /**
     * The arguments' bytes as this process got them, for the child: a name like 夕焼け given on the command line reached
     * this JVM as U+FFFD in the C locale and would reach the child as '?' (ProcessBuilder encodes in the same locale),
     * so they travel as {@code COUNT:BASE64,BASE64,…} in an ASCII environment variable, read by {@link #arguments}.
     */
    static final String ARGUMENTS = "TAGLINE_UTF8_ARGUMENTS";
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
        rawArguments(args.length).ifPresent(raw -> env.put(ARGUMENTS, raw));
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

    /**
     * The program arguments for {@link Main}: in a relaunched child, the parent's original bytes decoded as UTF-8
     * ({@link #ARGUMENTS}); else {@code args} as they are.
     */
    static String[] arguments(String[] args) {
        String raw = System.getenv(ARGUMENTS);
        return raw == null || System.getenv(MARKER) == null ? args : decode(raw, args);
    }

    /** {@link #ARGUMENTS}'s value for these arguments' bytes. */
    static String encode(List<byte[]> arguments) {
        return arguments.size() + ":" + String.join(",",
                arguments.stream().map(a -> Base64.getEncoder().encodeToString(a)).toList());
    }

    /** The arguments {@code raw} ({@link #encode}) holds, as UTF-8; {@code args} when it is not for them. */
    static String[] decode(String raw, String[] args) {
        int colon = raw.indexOf(':');
        try {
            int count = Integer.parseInt(raw.substring(0, colon));
            String[] parts = raw.substring(colon + 1).split(",", -1);
            if (count != args.length || count > 0 && parts.length != count) {
                return args;
            }
            String[] decoded = new String[count];
            for (int i = 0; i < count; i++) {
                decoded[i] = new String(Base64.getDecoder().decode(parts[i]), StandardCharsets.UTF_8);
            }
            return decoded;
        } catch (RuntimeException e) {
            return args; // not ours or damaged: the arguments as Java read them
        }
    }

    /**
     * The last {@code count} entries of {@code /proc/self/cmdline} (the program arguments: the launcher expands
     * {@code @files} only before the main class) as {@link #ARGUMENTS}; empty where there is no such file.
     */
    static Optional<String> rawArguments(int count) {
        byte[] line;
        try {
            line = Files.readAllBytes(Path.of("/proc/self/cmdline"));
        } catch (IOException | UnsupportedOperationException e) {
            return Optional.empty();
        }
        List<byte[]> entries = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < line.length; i++) {
            if (line[i] == 0) {
                entries.add(java.util.Arrays.copyOfRange(line, start, i));
                start = i + 1;
            }
        }
        if (entries.size() < count) {
            return Optional.empty();
        }
        return Optional.of(encode(entries.subList(entries.size() - count, entries.size())));
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
