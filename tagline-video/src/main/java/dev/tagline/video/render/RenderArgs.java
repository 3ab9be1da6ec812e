package dev.tagline.video.render;

import dev.tagline.video.ffmpeg.FfmpegCommand;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * FFmpeg argument lists for one {@link RenderJob}, built apart from running them. The input is opened with
 * {@code -ss} before {@code -i} (fast seek to the keyframe before the cut, then exact decoding up to it), so the work
 * does not grow with the clip's position in the source (issue #8, point 1); {@code -t} after the graph cuts both streams
 * at the same instant, so audio and video start and end together.
 */
final class RenderArgs {
    private RenderArgs() {
    }

    /** Loudness pass 1 over the clip's span: audio only, to the null muxer; loudnorm's JSON goes to the log. */
    static List<String> measure(Path ffmpeg, RenderJob job) {
        return FfmpegCommand.ffmpeg(ffmpeg).global("-nostats").global("-loglevel", "info")
                .seek(job.start()).input(job.source())
                .duration(job.length()).option("-map", "0:a:0", "-vn", "-sn", "-af", AudioChain.measure(), "-f", "null")
                .output("-").build();
    }

    /**
     * The level check between the passes: the render's audio chain over the clip's span, audio only, measured at its
     * end by {@code ebur128}, so the render can add what loudnorm left short of the target ({@link AudioChain#gain}).
     */
    static List<String> check(Path ffmpeg, RenderJob job, Loudness loudness) {
        String chain = AudioChain.chain(loudness, 0, job.length(), job.encode().audioSampleRate()) + ","
                + AudioChain.METER;
        return FfmpegCommand.ffmpeg(ffmpeg).global("-nostats").global("-loglevel", "info")
                .seek(job.start()).input(job.source())
                .duration(job.length()).option("-map", "0:a:0", "-vn", "-sn", "-af", chain, "-f", "null")
                .output("-").build();
    }

    /** {@code ebur128}'s measurement over a whole rendered clip, to check what the render reached. */
    static List<String> measureFile(Path ffmpeg, Path clip) {
        return FfmpegCommand.ffmpeg(ffmpeg).global("-nostats").global("-loglevel", "info").input(clip)
                .option("-map", "0:a:0", "-vn", "-sn", "-af", AudioChain.METER, "-f", "null").output("-").build();
    }

    /** {@link #render(Path, RenderJob, Loudness, double)} without a gain after loudnorm. */
    static List<String> render(Path ffmpeg, RenderJob job, Loudness loudness) {
        return render(ffmpeg, job, loudness, 0);
    }

    /**
     * The render: one graph for video (and audio when there is any, normalised with pass 1's {@code loudness} and
     * {@code gainDb} after loudnorm), encoded with {@link EncodeSettings}.
     */
    static List<String> render(Path ffmpeg, RenderJob job, Loudness loudness, double gainDb) {
        EncodeSettings e = job.encode();
        String video = VideoGraph.build(job.scenes(), job.sourceWidth(), job.sourceHeight(), job.aspect(), e.fps(),
                job.captions());
        FfmpegCommand cmd = FfmpegCommand.ffmpeg(ffmpeg).global("-y").seek(job.start()).input(job.source());
        if (job.hasAudio()) {
            String audio = AudioChain.normalise(loudness, gainDb, job.length(), e.audioSampleRate());
            cmd.option("-filter_complex", video + ";" + audio, "-map", VideoGraph.OUT, "-map", AudioChain.OUT);
        } else {
            cmd.option("-filter_complex", video, "-map", VideoGraph.OUT);
        }
        cmd.duration(job.length())
                .option("-c:v", "libx264", "-preset", e.preset(), "-crf", String.valueOf(e.crf()),
                        "-pix_fmt", "yuv420p", "-r", String.valueOf(e.fps()));
        if (job.hasAudio()) {
            cmd.option("-c:a", "aac", "-b:a", e.audioBitrateKbps() + "k", "-ar", String.valueOf(e.audioSampleRate()));
        }
        return cmd.option("-movflags", "+faststart").output(job.output()).build();
    }

    /** The thumbnail: the frame at {@code at} in the rendered clip, as a high-quality JPEG. */
    static List<String> thumbnail(Path ffmpeg, Path clip, Duration at, Path jpg) {
        return FfmpegCommand.ffmpeg(ffmpeg).global("-y").seek(at).input(clip)
                .option("-frames:v", "1", "-q:v", "2", "-update", "1").output(jpg).build();
    }

    /** A command line a person can paste into a shell (for {@code --dry-run}). */
    static String shell(List<String> args) {
        StringBuilder s = new StringBuilder();
        for (String a : args) {
            if (s.length() > 0) {
                s.append(' ');
            }
            s.append(a.matches("[A-Za-z0-9_./:+=,@-]+") ? a : "'" + a.replace("'", "'\\''") + "'");
        }
        return s.toString();
    }

    static String seconds(Duration d) {
        return String.format(Locale.ROOT, "%.3f", CropPath.seconds(d));
    }
}
