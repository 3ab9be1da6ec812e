package dev.tagline.video.render;

import dev.tagline.core.process.ProcessResult;
import dev.tagline.core.process.ProcessRunner;
import dev.tagline.core.process.ProcessSpec;
import dev.tagline.video.TestMedia;
import dev.tagline.video.ffmpeg.Ffmpeg;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Sources with known events for render ITs, and measurements of rendered files. */
final class RenderMedia {
    private RenderMedia() {
    }

    /**
     * A 640×360 testsrc video of {@code seconds} at 30 fps with a white flash and a 1 kHz beep, both 100 ms long,
     * starting at {@code eventAt} seconds; silence otherwise.
     */
    static Path flashAndBeep(Ffmpeg ffmpeg, Path out, double seconds, double eventAt) {
        String on = "between(t," + eventAt + "," + (eventAt + 0.1) + ")";
        return TestMedia.make(ffmpeg, out, "-f", "lavfi", "-i", "testsrc2=s=640x360:r=30:d=" + seconds,
                "-f", "lavfi", "-i", "sine=frequency=1000:sample_rate=48000:d=" + seconds,
                "-filter_complex", "[0:v]drawbox=c=white:t=fill:enable='" + on + "'[v];"
                        + "[1:a]volume=0:enable='not(" + on + ")'[a]",
                "-map", "[v]", "-map", "[a]", "-c:v", "libx264", "-preset", "ultrafast", "-g", "30",
                "-pix_fmt", "yuv420p", "-c:a", "aac", "-shortest");
    }

    /**
     * A 320×180 testsrc video with {@code text} spoken by espeak-ng (en-us, 160 words a minute, as the dogfood's
     * narration: about −20 LUFS with peaks near −1 dBTP), AAC; skips the test when espeak-ng is missing.
     */
    static Path narration(Ffmpeg ffmpeg, Path out, String text) {
        Path wav = out.resolveSibling(out.getFileName() + ".wav");
        ProcessResult spoken;
        try {
            spoken = new ProcessRunner().run(ProcessSpec.of(List.of("espeak-ng", "-v", "en-us", "-s", "160", "-w",
                    wav.toString(), text), Duration.ofMinutes(1)));
        } catch (dev.tagline.core.TaglineException e) {
            org.junit.jupiter.api.Assumptions.abort("skipped: espeak-ng is not installed (apt-get install espeak-ng)");
            throw e;
        }
        org.junit.jupiter.api.Assumptions.assumeTrue(spoken.succeeded(), () -> "skipped: espeak-ng failed: "
                + spoken.stderrTail());
        return TestMedia.make(ffmpeg, out, "-f", "lavfi", "-i", "testsrc2=s=320x180:r=30", "-i", wav.toString(),
                "-map", "0:v", "-map", "1:a", "-shortest", "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt",
                "yuv420p", "-c:a", "aac", "-b:a", "160k");
    }

    /** Seconds of the first frame whose mean luma is above 200 (the flash), or −1. */
    static double firstFlash(Ffmpeg ffmpeg, Path video) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ffmpeg.stream(ffmpeg.command().input(video).option("-vf", "scale=16:16,format=gray", "-f", "rawvideo")
                .output("pipe:1").build(), video, "reading frames of", in -> in.transferTo(bytes));
        byte[] b = bytes.toByteArray();
        double fps = ffmpeg.probe(video).firstVideo().orElseThrow().fps();
        for (int f = 0; f * 256 + 256 <= b.length; f++) {
            long sum = 0;
            for (int i = 0; i < 256; i++) {
                sum += b[f * 256 + i] & 0xff;
            }
            if (sum / 256 > 200) {
                return f / fps;
            }
        }
        return -1;
    }

    /** Seconds of the first audio sample louder than −20 dBFS, or −1. */
    static double firstBeep(Ffmpeg ffmpeg, Path video) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ffmpeg.stream(ffmpeg.command().input(video).option("-map", "0:a:0", "-ac", "1", "-ar", "48000", "-f",
                "s16le").output("pipe:1").build(), video, "reading audio of", in -> in.transferTo(bytes));
        ByteBuffer b = ByteBuffer.wrap(bytes.toByteArray()).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i + 1 < b.limit(); i += 2) {
            if (Math.abs(b.getShort(i)) > 3277) {
                return i / 2 / 48000.0;
            }
        }
        return -1;
    }

    /** Stream durations (video, audio) in seconds from ffprobe. */
    static double[] streamDurations(Ffmpeg ffmpeg, Path file) {
        ProcessResult r = new ProcessRunner().runChecked(ProcessSpec.of(List.of(
                ffmpeg.tools().ffprobe().toString(), "-v", "error", "-show_entries", "stream=codec_type,duration",
                "-of", "csv=p=0", file.toString()), Duration.ofMinutes(1)));
        double video = -1;
        double audio = -1;
        for (String line : r.stdout().strip().split("\\R")) {
            String[] p = line.split(",");
            if (p[0].equals("video")) {
                video = Double.parseDouble(p[1]);
            } else if (p[0].equals("audio")) {
                audio = Double.parseDouble(p[1]);
            }
        }
        return new double[] {video, audio};
    }

    /** Integrated loudness (LUFS) and true peak (dBTP) as ffmpeg's ebur128 filter measures them. */
    static double[] ebur128(Ffmpeg ffmpeg, Path file) {
        ProcessResult r = new ProcessRunner().runChecked(ProcessSpec.of(List.of(ffmpeg.tools().ffmpeg().toString(),
                "-hide_banner", "-nostats", "-nostdin", "-i", file.toString(), "-map", "0:a:0",
                "-af", "ebur128=peak=true:framelog=verbose", "-f", "null", "-"), Duration.ofMinutes(1)));
        Matcher i = Pattern.compile("I:\\s+(-?[0-9.]+) LUFS").matcher(r.stderrTail());
        Matcher p = Pattern.compile("Peak:\\s+(-?[0-9.]+) dBFS").matcher(r.stderrTail());
        double lufs = Double.NaN;
        double peak = Double.NaN;
        while (i.find()) {
            lufs = Double.parseDouble(i.group(1));
        }
        while (p.find()) {
            peak = Double.parseDouble(p.group(1));
        }
        return new double[] {lufs, peak};
    }
}
