package dev.tagline.video.bench;

import dev.tagline.core.manifest.ClipsFile;
import dev.tagline.core.process.ProcessRunner;
import dev.tagline.core.progress.Progress;
import dev.tagline.inference.BuiltinModels;
import dev.tagline.inference.TestModels;
import dev.tagline.video.ffmpeg.Ffmpeg;
import dev.tagline.video.ffmpeg.FfmpegLocator;
import dev.tagline.video.highlight.ClipFinder;
import dev.tagline.video.highlight.DurationBand;
import dev.tagline.video.highlight.FinderModels;
import dev.tagline.video.signal.DecodeOptions;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Issue 7's analysis benchmark: the wall time of {@code clips find} without speech-to-text on a 60-minute 1280×720
 * video as a ratio to FFmpeg's plain decode ({@code ffmpeg -i VIDEO -f null -}) of the same file in the same run,
 * and the peak resident memory of the JVM plus its FFmpeg children. The finder runs exactly as the command does
 * (one decoding pass, loudness, pauses, scene cuts, motion, Silero VAD, PaddleOCR at cuts and every 10 s, then
 * sentences from speech, candidates, scoring, selection), with the built-in models from the test model cache; the
 * video has no transcript. Run by hand (docs/benchmarks.md, "Issue 7"):
 * {@code ClipsAnalysisBenchmark [VIDEO] [--rounds N] [--editor MINUTES] [--sharp-text]}; without VIDEO it makes one
 * ({@link BenchVideo}, or with {@code --editor} a full-editor screencast that long, {@link EditorBenchVideo});
 * {@code --sharp-text} reads the kept clips' text as {@code clips find --sharp-text} does.
 */
public final class ClipsAnalysisBenchmark {
    private ClipsAnalysisBenchmark() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        PrintStream out = System.out;
        Path video = null;
        int rounds = 1;
        int editorMinutes = 0;
        boolean sharpText = false;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--rounds")) {
                rounds = Integer.parseInt(args[++i]);
            } else if (args[i].equals("--editor")) {
                editorMinutes = Integer.parseInt(args[++i]);
            } else if (args[i].equals("--sharp-text")) {
                sharpText = true;
            } else {
                video = Path.of(args[i]);
            }
        }
        Ffmpeg ffmpeg = new Ffmpeg(new FfmpegLocator(System.getenv()).locate(Optional.empty()), new ProcessRunner(),
                Duration.ofHours(12));
        if (video == null && editorMinutes > 0) {
            video = EditorBenchVideo.make(ffmpeg.tools().ffmpeg(), Path.of(System.getProperty("java.io.tmpdir"),
                    "tagline-clips-bench"), editorMinutes, out);
        } else if (video == null) {
            video = BenchVideo.make(ffmpeg.tools().ffmpeg(), Path.of(System.getProperty("java.io.tmpdir"),
                    "tagline-clips-bench"), out);
        }
        out.printf(Locale.ROOT, "video %s (%.0f MiB), %d cores, max heap %d MiB, load %s%n", video,
                Files.size(video) / 1048576.0, Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20, load());
        for (int round = 1; round <= rounds; round++) {
            Run floor = floor(ffmpeg.tools().ffmpeg(), video);
            out.printf(Locale.ROOT, "round %d floor   ffmpeg -f null: %.1f s wall, ffmpeg CPU %.1f s,"
                    + " peak ffmpeg RSS %.0f MiB; load %s%n", round, floor.wallSeconds, floor.childCpu,
                    floor.peakChildrenMib, load());
            Run finder = finder(ffmpeg, video, sharpText);
            out.printf(Locale.ROOT, "round %d finder  clips find (no STT): %.1f s wall, JVM CPU %.1f s + ffmpeg CPU"
                    + " %.1f s; peak RSS JVM %.0f MiB + ffmpeg %.0f MiB, together %.0f MiB (JVM VmHWM %.0f MiB);"
                    + " %s; load %s%n", round, finder.wallSeconds, finder.jvmCpu, finder.childCpu, finder.peakJvmMib,
                    finder.peakChildrenMib, finder.peakTotalMib, ProcessMemory.jvmHighWaterMib(), finder.result,
                    load());
            out.printf(Locale.ROOT, "round %d RATIO %.2fx wall (target <= 1.5x), CPU %.2fx; peak memory %.0f MiB"
                    + " (target < 1024 MiB)%n", round, finder.wallSeconds / floor.wallSeconds,
                    (finder.jvmCpu + finder.childCpu) / floor.childCpu, finder.peakTotalMib);
        }
    }

    /** One measured run. */
    private record Run(double wallSeconds, double jvmCpu, double childCpu, double peakJvmMib,
                       double peakChildrenMib, double peakTotalMib, String result) {
    }

    private static Run floor(Path ffmpeg, Path video) throws IOException, InterruptedException {
        List<String> command = List.of(ffmpeg.toString(), "-hide_banner", "-nostdin", "-loglevel", "error", "-i",
                video.toString(), "-f", "null", "-");
        try (ProcessMemory memory = ProcessMemory.start(100)) {
            long started = System.nanoTime();
            Process p = new ProcessBuilder(command).inheritIO().start();
            int code = p.waitFor();
            double wall = (System.nanoTime() - started) / 1e9;
            memory.close();
            if (code != 0) {
                throw new IOException(String.join(" ", command) + " exited " + code);
            }
            return new Run(wall, 0, memory.childCpuSeconds(), 0, memory.peakChildrenMib(), memory.peakChildrenMib(),
                    "exit 0");
        }
    }

    private static Run finder(Ffmpeg ffmpeg, Path video, boolean sharpText) {
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        ClipFinder.Options options = new ClipFinder.Options(DurationBand.MEDIUM, OptionalInt.empty(),
                Optional.empty(), Optional.empty(), DecodeOptions.DEFAULT, Optional.empty(),
                FinderModels.builtin(TestModels.builtins(BuiltinModels.SPEECH, BuiltinModels.OCR), false, sharpText));
        try (ProcessMemory memory = ProcessMemory.start(100); FinderModels models = options.models()) {
            long cpu = os.getProcessCpuTime();
            long started = System.nanoTime();
            List<String> tasks = new ArrayList<>();
            ClipsFile clips = new ClipFinder(ffmpeg, Clock.systemUTC(), timed(tasks)).find(video, options);
            double wall = (System.nanoTime() - started) / 1e9;
            double jvmCpu = (os.getProcessCpuTime() - cpu) / 1e9;
            memory.close();
            return new Run(wall, jvmCpu, memory.childCpuSeconds(), memory.peakJvmMib(), memory.peakChildrenMib(),
                    memory.peakTotalMib(), clips.clips().size() + " clips (fingerprint " + fingerprint(clips) + "), notes "
                    + clips.notes() + ", tasks " + tasks);
        }
    }

    /** Progress that notes each task's units, wall seconds and the JVM's CPU seconds in {@code tasks} as it closes. */
    private static Progress.Factory timed(List<String> tasks) {
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        return (task, total, unit) -> new Progress() {
            private final long started = System.nanoTime();
            private final long cpu = os.getProcessCpuTime();
            private long done;

            @Override
            public void advance(long units) {
                done += units;
            }

            @Override
            public void jumpTo(long at) {
                done = at;
            }

            @Override
            public void close() {
                tasks.add(String.format(Locale.ROOT, "%s: %d in %.1f s (JVM CPU %.1f s)", task, done,
                        (System.nanoTime() - started) / 1e9, (os.getProcessCpuTime() - cpu) / 1e9));
            }
        };
    }

    /** The first 12 hex digits of SHA-256 over the clips (times, scores, reasons): equal means the same result. */
    private static String fingerprint(ClipsFile clips) {
        try {
            byte[] hash = java.security.MessageDigest.getInstance("SHA-256").digest(clips.clips().toString()
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(hash).substring(0, 12);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String load() {
        try {
            return String.join(" ", new ArrayList<>(List.of(Files.readString(Path.of("/proc/loadavg")).strip()
                    .split(" "))).subList(0, 3));
        } catch (IOException e) {
            return "n/a";
        }
    }
}
