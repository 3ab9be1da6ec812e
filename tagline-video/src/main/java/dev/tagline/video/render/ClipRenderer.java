package dev.tagline.video.render;

import dev.tagline.core.process.ProcessResult;
import dev.tagline.core.process.ProcessRunner;
import dev.tagline.core.process.ProcessSpec;
import dev.tagline.core.progress.Progress;
import dev.tagline.video.ffmpeg.Ffmpeg;
import dev.tagline.video.ffmpeg.FfmpegException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Renders one {@link RenderJob}: loudness pass 1 (audio only), a level check when loudnorm cannot stay linear (audio
 * only), then the single encode with the whole filter graph, then the thumbnail. Thread-safe; each call runs its own
 * processes.
 */
public final class ClipRenderer {
    private final Ffmpeg ffmpeg;
    private final ProcessRunner runner;
    private final Duration timeout;

    public ClipRenderer(Ffmpeg ffmpeg, ProcessRunner runner, Duration timeout) {
        this.ffmpeg = ffmpeg;
        this.runner = runner;
        this.timeout = timeout;
    }

    /**
     * The commands {@link #render} would run, as shell lines: pass 1, the level check and the render, which show
     * {@code $I}, … and {@code $GAIN} for the numbers measured before them.
     */
    public List<String> plan(RenderJob job) {
        Path bin = ffmpeg.tools().ffmpeg();
        List<String> lines = new java.util.ArrayList<>();
        if (job.hasAudio()) {
            lines.add(RenderArgs.shell(RenderArgs.measure(bin, job)));
            lines.add(RenderArgs.shell(RenderArgs.check(bin, job, null)));
        }
        lines.add(RenderArgs.shell(RenderArgs.render(bin, job, null)));
        return lines;
    }

    /** Measures the clip's loudness (pass 1 of loudnorm). */
    public Loudness measure(RenderJob job) {
        List<String> args = RenderArgs.measure(ffmpeg.tools().ffmpeg(), job);
        ProcessResult result = runner.run(ProcessSpec.of(args, timeout));
        if (!result.succeeded()) {
            throw new FfmpegException(FfmpegException.Kind.FAILED, "ffmpeg exited " + result.exitCode()
                    + " measuring the loudness of " + job.source() + ": "
                    + ProcessRunner.lastLines(result.stderrTail(), 2).strip(), "Re-run with --verbose.", null);
        }
        return Loudness.parse(result.stderrTail(), job.source() + " at " + RenderArgs.seconds(job.start()) + " s");
    }

    /**
     * The gain (dB) to add after loudnorm's second pass: what it leaves short of the target (or over it), as far as
     * the true peak allows ({@link AudioChain#gain}), measured by running the render's audio chain alone; 0 when the
     * span is silent.
     */
    double gain(RenderJob job, Loudness loudness) {
        if (loudness.silent()) {
            return 0;
        }
        ProcessResult result = runner.run(ProcessSpec.of(RenderArgs.check(ffmpeg.tools().ffmpeg(), job, loudness),
                timeout));
        if (!result.succeeded()) {
            throw new FfmpegException(FfmpegException.Kind.FAILED, "ffmpeg exited " + result.exitCode()
                    + " checking the normalised loudness of " + job.source() + ": "
                    + ProcessRunner.lastLines(result.stderrTail(), 2).strip(), "Re-run with --verbose.", null);
        }
        return AudioChain.gain(Loudness.parseSummary(result.stderrTail(), job.source() + " at "
                + RenderArgs.seconds(job.start()) + " s, normalised"));
    }

    /** Measures the loudness a rendered clip reached ({@code ebur128} over the whole file). */
    public Loudness measureRendered(Path clip) {
        ProcessResult result = runner.run(ProcessSpec.of(RenderArgs.measureFile(ffmpeg.tools().ffmpeg(), clip),
                timeout));
        String name = ClipFiles.finalName(clip);
        if (!result.succeeded()) {
            throw new FfmpegException(FfmpegException.Kind.FAILED, "ffmpeg exited " + result.exitCode()
                    + " measuring the loudness of the rendered " + name + ": "
                    + ProcessRunner.lastLines(result.stderrTail(), 2).strip(), "Re-run with --verbose.", null);
        }
        return Loudness.parseSummary(result.stderrTail(), "the rendered " + name);
    }

    /** Renders the clip to {@code job.output()}; returns pass 1's measurement (null when the source has no audio). */
    public Loudness render(RenderJob job) {
        return render(job, Progress.Factory.NONE.start("", -1, Progress.Unit.SECONDS));
    }

    /**
     * Renders the clip, moving {@code progress} (seconds of the clip) as the encode goes. An interrupt of the calling
     * thread stops FFmpeg and fails the render.
     */
    public Loudness render(RenderJob job, Progress progress) {
        Loudness loudness = job.hasAudio() ? measure(job) : null;
        double gain = loudness == null ? 0 : gain(job, loudness);
        ffmpeg.run(RenderArgs.render(ffmpeg.tools().ffmpeg(), job, loudness, gain), job.source(),
                "rendering " + ClipFiles.finalName(job.output()) + " from", progress);
        return loudness;
    }

    /** Writes the frame at {@code at} of a rendered clip as a JPEG (the hook frame, for the thumbnail). */
    public void thumbnail(Path clip, Duration at, Path jpg) {
        ffmpeg.run(RenderArgs.thumbnail(ffmpeg.tools().ffmpeg(), clip, at, jpg), clip, "writing the thumbnail of");
    }
}
