package dev.tagline.video.render;

import dev.tagline.video.ffmpeg.Ffmpeg;
import dev.tagline.video.ffmpeg.FfmpegCommand;
import java.awt.image.BufferedImage;
import java.io.DataInputStream;
import java.io.EOFException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A clip's keyframes for the image taggers: {@value #COUNT} frames spread evenly over the clip's span of the source
 * (unreframed, so the taggers see the whole picture), at most {@value #WIDTH} pixels wide, in one FFmpeg pass.
 */
final class Keyframes {
    static final int COUNT = 4;
    static final int WIDTH = 512;

    private Keyframes() {
    }

    static List<BufferedImage> of(Ffmpeg ffmpeg, RenderJob job) {
        int w = Math.min(WIDTH, job.sourceWidth()) & ~1;
        int h = Math.max(2, (int) Math.round((double) job.sourceHeight() * w / job.sourceWidth()) & ~1);
        double seconds = CropPath.seconds(job.length());
        // frames at (i + 0.5) / COUNT of the clip: the fps filter takes the frame nearest each tick
        String vf = String.format(java.util.Locale.ROOT, "fps=%.6f:start_time=%.3f,scale=%d:%d", COUNT / seconds,
                seconds / COUNT / 2, w, h);
        List<String> args = FfmpegCommand.ffmpeg(ffmpeg.tools().ffmpeg()).seek(job.start()).input(job.source())
                .duration(job.length()).option("-map", "0:v:0", "-an", "-sn", "-vf", vf, "-frames:v",
                        String.valueOf(COUNT), "-pix_fmt", "rgb24", "-f", "rawvideo").output("pipe:1").build();
        List<BufferedImage> frames = new ArrayList<>();
        ffmpeg.stream(args, job.source(), "reading keyframes of", in -> {
            DataInputStream data = new DataInputStream(in);
            while (true) {
                byte[] rgb = new byte[w * h * 3];
                try {
                    data.readFully(rgb);
                } catch (EOFException e) {
                    return;
                }
                frames.add(ClipAnalyser.image(rgb, w, h));
            }
        });
        return frames;
    }

    /**
     * The cover frame's time: just after the first word starts (the opening line is the hook). Without words, two
     * thirds in: a screen recording has its code typed by then (0.5 s in was an empty editor, dogfood round 3), and
     * any other clip is past its opening transition.
     */
    static Duration hook(List<dev.tagline.video.transcript.Word> clipWords, Duration length) {
        if (clipWords.isEmpty()) {
            return length.multipliedBy(2).dividedBy(3);
        }
        Duration at = clipWords.get(0).start().plusMillis(300);
        Duration half = length.dividedBy(2);
        return at.compareTo(half) > 0 ? half : at;
    }
}
