package dev.tagline.core.process;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Runs external tools (ffmpeg, npm, djpeg …) from an argument list. Both pipes are drained on their own threads so a
 * chatty tool never blocks; stderr keeps only its last lines; the time limit kills the process and its descendants.
 * When the JVM is stopped (SIGTERM from {@code kill}, {@code timeout} or a service manager; Ctrl-C reaches the
 * children anyway), the tools still running are stopped with it instead of writing on as orphans; on Linux they also
 * die with a JVM killed outright ({@code kill -9}, the OOM killer: {@link ParentDeathSignal}). Thread-safe; one
 * instance may run many processes at once; a process lives no longer than the thread that runs it.
 */
public final class ProcessRunner {
    /** How many stderr lines an error message carries. */
    public static final int STDERR_TAIL_LINES = 20;
    /** The tools running now, for the shutdown hook. */
    private static final java.util.Set<Process> LIVE = java.util.concurrent.ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> LIVE.forEach(p -> {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        }), "tagline-stop-tools"));
    }

    /** Consumes a process's stdout as a stream (e.g. raw PCM or frames), on a thread of the runner. */
    @FunctionalInterface
    public interface StdoutConsumer {
        void consume(InputStream stdout) throws IOException;
    }

    /** Runs the process, keeps its stdout as text, and returns whatever its exit code. */
    public ProcessResult run(ProcessSpec spec) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ProcessResult raw = run(spec, in -> in.transferTo(out));
        return new ProcessResult(raw.exitCode(), out.toString(StandardCharsets.UTF_8), raw.stderrTail(), raw.elapsed());
    }

    /** Runs the process and throws {@link ProcessFailedException} unless it exits 0. */
    public ProcessResult runChecked(ProcessSpec spec) {
        ProcessResult result = run(spec);
        if (!result.succeeded()) {
            throw new ProcessFailedException(spec.program() + " exited " + result.exitCode() + ": "
                    + lastLines(result.stderrTail(), 3), "Re-run with --verbose to see the full command.", result, null);
        }
        return result;
    }

    /** Runs the process, hands stdout to {@code consumer} as it arrives; the result's stdout is empty. */
    public ProcessResult run(ProcessSpec spec, StdoutConsumer consumer) {
        long start = System.nanoTime();
        ProcessBuilder builder = new ProcessBuilder(ParentDeathSignal.wrap(spec.command()));
        if (spec.workDir() != null) {
            builder.directory(spec.workDir().toFile());
        }
        builder.environment().putAll(spec.environment());
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new ProcessFailedException("Cannot start " + spec.program() + ": " + e.getMessage(),
                    "Install " + spec.program() + " or put it on PATH.", null, e);
        }
        LIVE.add(process);
        try {
            return finish(spec, consumer, process, start);
        } finally {
            LIVE.remove(process);
        }
    }

    private ProcessResult finish(ProcessSpec spec, StdoutConsumer consumer, Process process, long start) {
        closeQuietly(process);
        CompletableFuture<Void> stdout = CompletableFuture.runAsync(() -> {
            try (InputStream in = process.getInputStream()) {
                consumer.consume(in);
                in.transferTo(OutputStreamSink.INSTANCE); // keep draining if the consumer stopped early
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, DaemonThreads.EXECUTOR);
        CompletableFuture<String> stderr = CompletableFuture.supplyAsync(() -> tail(process.getErrorStream()),
                DaemonThreads.EXECUTOR);
        try {
            if (!process.waitFor(spec.timeout().toMillis(), TimeUnit.MILLISECONDS)) {
                kill(process);
                throw new ProcessFailedException(spec.program() + " did not finish within " + human(spec.timeout())
                        + " and was stopped", "Check the input, or raise the time limit.", null, null);
            }
            stdout.get();
            String err = stderr.get();
            return new ProcessResult(process.exitValue(), "", err, Duration.ofNanos(System.nanoTime() - start));
        } catch (InterruptedException e) {
            kill(process);
            Thread.currentThread().interrupt();
            throw new ProcessFailedException(spec.program() + " was interrupted", "", null, e);
        } catch (ExecutionException e) {
            kill(process);
            Throwable cause = e.getCause() instanceof UncheckedIOException u ? u.getCause() : e.getCause();
            if (cause instanceof RuntimeException r && !(cause instanceof UncheckedIOException)) {
                throw r;
            }
            throw new ProcessFailedException("Reading the output of " + spec.program() + " failed: "
                    + cause.getMessage(), "", null, cause);
        }
    }

    private static void closeQuietly(Process process) {
        try {
            process.getOutputStream().close();
        } catch (IOException e) {
            // The child may already have exited; nothing to release then.
            org.slf4j.LoggerFactory.getLogger(ProcessRunner.class).debug("closing stdin of a finished process", e);
        }
    }

    private static void kill(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String tail(InputStream in) {
        Deque<String> lines = new ArrayDeque<>();
        try (var reader = new java.io.BufferedReader(new java.io.InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                lines.addLast(line);
                if (lines.size() > STDERR_TAIL_LINES) {
                    lines.removeFirst();
                }
            }
        } catch (IOException e) {
            lines.addLast("(stderr unreadable: " + e.getMessage() + ")");
        }
        return String.join("\n", lines);
    }

    /** The last {@code n} non-blank lines of {@code text}, joined by " | " so that an error stays on one line. */
    public static String lastLines(String text, int n) {
        String[] lines = text.strip().split("\\R");
        StringBuilder sb = new StringBuilder();
        for (int i = Math.max(0, lines.length - n); i < lines.length; i++) {
            if (!lines[i].isBlank()) {
                sb.append(sb.length() == 0 ? "" : " | ").append(lines[i].strip());
            }
        }
        return sb.length() == 0 ? "(no error output)" : sb.toString();
    }

    private static String human(Duration d) {
        return d.toSeconds() >= 1 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }

    private static final class OutputStreamSink extends java.io.OutputStream {
        static final OutputStreamSink INSTANCE = new OutputStreamSink();

        @Override
        public void write(int b) {
            // discard
        }

        @Override
        public void write(byte[] b, int off, int len) {
            // discard
        }
    }

    private static final class DaemonThreads {
        static final java.util.concurrent.ExecutorService EXECUTOR = java.util.concurrent.Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "tagline-process-pipe");
            t.setDaemon(true);
            return t;
        });
    }
}
