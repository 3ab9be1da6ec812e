package dev.tagline.video.render;

import dev.tagline.core.process.ProcessRunner;
import dev.tagline.core.process.ProcessSpec;
import dev.tagline.inference.TestModels;
import dev.tagline.inference.faces.FaceSettings;
import dev.tagline.video.ffmpeg.Ffmpeg;
import dev.tagline.video.ffmpeg.FfmpegLocator;
import dev.tagline.video.ffmpeg.FfmpegTools;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Issue #8, point 8: render time of a 45 s clip in each mode as a ratio to a plain FFmpeg transcode of the same 45 s at
 * the same encoder settings and output size, measured in the same run, and to a bare FFmpeg run of the same video
 * graph (what Tagline adds: the loudness pass, loudnorm, the reframe analysis with face detection). The source is 75 s
 * of 1920×1080 at 30 fps: a face photo moving across FFmpeg's {@code testsrc2} (detail everywhere, so a crop and the
 * whole frame cost x264 alike), a tone for audio; the clip starts at 20 s.
 * Arguments: the face photo (e.g. ../shared/data/photos/obama.jpg), a work folder, optionally the x264 preset.
 * Reports wall time and CPU time (this JVM, ONNX Runtime's threads included, plus every ffmpeg child, via
 * {@code /usr/bin/time}); on a shared machine the CPU ratio is the one to trust. The plain transcode runs first and
 * last; the ratios use the mean of the two.
 */
public final class RenderBenchmark {
    private RenderBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path photo = Path.of(args[0]);
        Path dir = Files.createDirectories(Path.of(args.length > 1 ? args[1] : "/tmp/tagline-render-bench"));
        String preset = args.length > 2 ? args[2] : "medium";
        FfmpegTools real = new FfmpegLocator(System.getenv()).locate(Optional.empty());
        // every ffmpeg run goes through /usr/bin/time, so its CPU time is known whatever else loads the machine
        Path times = dir.resolve("cpu-times.txt");
        Path timed = dir.resolve("ffmpeg-timed");
        Files.writeString(timed, "#!/bin/sh\nexec /usr/bin/time -a -o " + times + " -f '%U %S' " + real.ffmpeg()
                + " \"$@\"\n");
        timed.toFile().setExecutable(true);
        Ffmpeg ffmpeg = new Ffmpeg(new FfmpegTools(timed, real.ffprobe()), new ProcessRunner(), Duration.ofHours(1));
        Path source = dir.resolve("source.mp4");
        if (!Files.isRegularFile(source)) {
            run(List.of(real.ffmpeg().toString(), "-hide_banner", "-loglevel", "error", "-y", "-f", "lavfi", "-i",
                    "testsrc2=s=1920x1080:r=30:d=75", "-loop", "1", "-i", photo.toString(), "-f", "lavfi",
                    "-i", "sine=frequency=300:d=75", "-filter_complex",
                    "[1:v]scale=480:600[p];[0:v][p]overlay=x='200+15*t':y=200:shortest=1[v]", "-map", "[v]",
                    "-map", "2:a", "-t", "75", "-c:v", "libx264", "-preset", "veryfast", "-g", "60", "-pix_fmt",
                    "yuv420p", "-c:a", "aac", source.toString()));
        }
        EncodeSettings encode = EncodeSettings.DEFAULTS.withPreset(preset);
        Duration start = Duration.ofSeconds(20);
        Duration end = Duration.ofSeconds(65);
        List<String> plainArgs = List.of(timed.toString(), "-hide_banner", "-loglevel", "error", "-y", "-ss", "20",
                "-i", source.toString(), "-t", "45", "-vf", "scale=1080:1920,setsar=1", "-c:v", "libx264",
                "-preset", preset, "-crf", String.valueOf(encode.crf()), "-pix_fmt", "yuv420p", "-r", "30", "-c:a",
                "aac", "-b:a", "160k", "-movflags", "+faststart", dir.resolve("plain.mp4").toString());
        FaceFinder faces = FaceFinder.of(TestModels.faces(FaceSettings.DEFAULTS));
        ClipAnalyser analyser = new ClipAnalyser(ffmpeg, faces);
        ClipRenderer renderer = new ClipRenderer(ffmpeg, new ProcessRunner(), Duration.ofHours(1));
        double[] plainBefore = measure(times, () -> run(plainArgs));
        List<Object[]> results = new ArrayList<>();
        for (ReframeMode mode : new ReframeMode[] {ReframeMode.CENTER, ReframeMode.FIT, ReframeMode.BLUR_PAD,
                ReframeMode.TRACK}) {
            Path out = dir.resolve(mode.id() + ".mp4");
            RenderJob base = new RenderJob(source, start, end, 1920, 1080, true, Aspect.PORTRAIT,
                    List.of(Scene.of(Duration.ZERO, end.minus(start), ReframeMode.CENTER)), Optional.empty(), encode,
                    out);
            List<List<Scene>> scenes = new ArrayList<>();
            double[] m = measure(times, () -> {
                scenes.add(analyser.scenes(base, mode));
                renderer.render(new RenderJob(source, start, end, 1920, 1080, true, Aspect.PORTRAIT, scenes.get(0),
                        Optional.empty(), encode, out));
            });
            String graph = VideoGraph.build(scenes.get(0), 1920, 1080, Aspect.PORTRAIT, 30, Optional.empty());
            double[] bare = measure(times, () -> run(List.of(timed.toString(), "-hide_banner", "-loglevel", "error",
                    "-y", "-ss", "20", "-i", source.toString(), "-t", "45", "-filter_complex", graph, "-map", "[vout]",
                    "-map", "0:a:0", "-c:v", "libx264", "-preset", preset, "-crf", String.valueOf(encode.crf()),
                    "-pix_fmt", "yuv420p", "-r", "30", "-c:a", "aac", "-b:a", "160k", "-movflags", "+faststart",
                    dir.resolve("bare-" + mode.id() + ".mp4").toString())));
            results.add(new Object[] {mode.id(), String.join("/", scenes.get(0).stream()
                    .map(s -> s.mode().id()).distinct().toList()), m, bare});
            System.out.printf(Locale.ROOT, "%s: wall %.1f s, cpu %.1f s; bare ffmpeg wall %.1f s, cpu %.1f s%n",
                    mode.id(), m[0], m[1], bare[0], bare[1]);
        }
        double[] plainAfter = measure(times, () -> run(plainArgs));
        double wall = (plainBefore[0] + plainAfter[0]) / 2;
        double cpu = (plainBefore[1] + plainAfter[1]) / 2;
        System.out.printf(Locale.ROOT, "plain transcode, preset %s: wall %.1f / %.1f s, cpu %.1f / %.1f s%n", preset,
                plainBefore[0], plainAfter[0], plainBefore[1], plainAfter[1]);
        System.out.println("| mode | scenes | wall s | CPU s | wall / plain | CPU / plain | CPU / bare graph |");
        System.out.printf(Locale.ROOT, "| plain transcode (mean of 2) | — | %.1f | %.1f | 1.00× | 1.00× | — |%n",
                wall, cpu);
        for (Object[] r : results) {
            double[] m = (double[]) r[2];
            double[] bare = (double[]) r[3];
            System.out.printf(Locale.ROOT, "| %s | %s | %.1f | %.1f | %.2f× | %.2f× | %.2f× |%n", r[0], r[1], m[0],
                    m[1], m[0] / wall, m[1] / cpu, m[1] / bare[1]);
        }
    }

    /** Wall seconds and CPU seconds (this JVM, ONNX Runtime included, plus every ffmpeg it ran) of {@code work}. */
    private static double[] measure(Path times, Runnable work) throws Exception {
        Files.deleteIfExists(times);
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpu0 = os.getProcessCpuTime();
        long t0 = System.nanoTime();
        work.run();
        double wall = (System.nanoTime() - t0) / 1e9;
        double cpu = (os.getProcessCpuTime() - cpu0) / 1e9;
        if (Files.isRegularFile(times)) {
            for (String line : Files.readAllLines(times)) {
                String[] p = line.strip().split("\\s+");
                if (p.length == 2 && p[0].matches("[0-9.]+")) {
                    cpu += Double.parseDouble(p[0]) + Double.parseDouble(p[1]);
                }
            }
        }
        return new double[] {wall, cpu};
    }

    private static void run(List<String> command) {
        new ProcessRunner().runChecked(ProcessSpec.of(command, Duration.ofHours(1)));
    }
}
