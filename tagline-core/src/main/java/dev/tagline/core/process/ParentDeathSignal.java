package dev.tagline.core.process;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Makes a tool die with the JVM that started it, however the JVM ends: {@code kill -9}, the OOM killer or a crash run
 * no shutdown hook, and FFmpeg went on encoding for minutes as an orphan (dogfood round 8, K1). On Linux the tool is
 * started through util-linux's {@code setpriv --pdeathsig KILL --}, which sets {@code prctl(PR_SET_PDEATHSIG)} and
 * then execs the tool under the same pid: the kernel sends it SIGKILL when the thread that started it ends. (FFmpeg
 * does not stop on EOF of its stdin, checked with FFmpeg 5.1, so a pipe the JVM holds would not do.) The thread that
 * runs {@link ProcessRunner#run} waits for the tool, so it lives as long as the tool should. Where {@code setpriv} is
 * missing or too old (not Linux, util-linux before 2.33), tools start as before and only the shutdown hook (SIGTERM)
 * stops them.
 */
final class ParentDeathSignal {
    private static final Optional<String> SETPRIV = probe();

    private ParentDeathSignal() {
    }

    /** Whether tools started here die with the JVM. */
    static boolean available() {
        return SETPRIV.isPresent();
    }

    /**
     * {@code command} behind {@code setpriv --pdeathsig KILL --}; unchanged where setpriv cannot be used or the program
     * cannot be found (so that starting it fails as before, with "Cannot start PROGRAM").
     */
    static List<String> wrap(List<String> command) {
        if (SETPRIV.isEmpty() || !findable(command.get(0))) {
            return command;
        }
        List<String> wrapped = new ArrayList<>(List.of(SETPRIV.get(), "--pdeathsig", "KILL", "--"));
        wrapped.addAll(command);
        return wrapped;
    }

    private static boolean findable(String program) {
        if (program.contains("/")) {
            return Files.isExecutable(Path.of(program));
        }
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }

    /** setpriv, when this is Linux and {@code setpriv --pdeathsig KILL -- true} works. */
    private static Optional<String> probe() {
        if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux") || !findable("setpriv")) {
            return Optional.empty();
        }
        try {
            Process p = new ProcessBuilder("setpriv", "--pdeathsig", "KILL", "--", "true")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (p.waitFor(5, TimeUnit.SECONDS) && p.exitValue() == 0) {
                return Optional.of("setpriv");
            }
            p.destroyForcibly();
        } catch (java.io.IOException e) {
            org.slf4j.LoggerFactory.getLogger(ParentDeathSignal.class).debug("setpriv does not run; tools will not"
                    + " die with a killed JVM", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return Optional.empty();
    }
}
