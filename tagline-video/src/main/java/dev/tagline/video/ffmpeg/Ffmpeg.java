package dev.tagline.video.ffmpeg;

import dev.tagline.core.process.ProcessFailedException;
import dev.tagline.core.process.ProcessResult;
import dev.tagline.core.process.ProcessRunner;
import dev.tagline.core.process.ProcessSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Runs ffprobe and ffmpeg through the core {@link ProcessRunner} (both pipes drained, time limit enforced) and turns
 * their failures into {@link FfmpegException}s. Thread-safe.
 */
public final class Ffmpeg {
    private final FfmpegTools tools;
    private final ProcessRunner runner;
    private final Duration timeout;

    /**
     * @param timeout the limit for each ffmpeg run; a decoding pass of a long video needs hours, a probe seconds
     */
    public Ffmpeg(FfmpegTools tools, ProcessRunner runner, Duration timeout) {
        this.tools = tools;
        this.runner = runner;
        this.timeout = timeout;
    }

    public FfmpegTools tools() {
        return tools;
    }

    /** A new command for this ffmpeg. */
    public FfmpegCommand command() {
        return FfmpegCommand.ffmpeg(tools.ffmpeg());
    }

    /** Probes {@code file}: container, duration, streams. */
    public MediaInfo probe(Path file) {
        if (!Files.isReadable(file)) {
            throw new FfmpegException(FfmpegException.Kind.UNREADABLE, "Cannot read " + file
                    + (Files.exists(file) ? ": permission denied" : ": no such file"), "Check the path.", null);
        }
        List<String> args = List.of(tools.ffprobe().toString(), "-v", "error", "-of", "json", "-show_format",
                "-show_streams", file.toString());
        ProcessResult result = runner.run(ProcessSpec.of(args, Duration.ofMinutes(2)));
        if (!result.succeeded()) {
            throw FfmpegErrors.classify("ffprobe", "probing", file, result.exitCode(), result.stderrTail());
        }
        MediaInfo info = ProbeParser.parse(file, result.stdout());
        if (info.video().isEmpty() && info.audio().isEmpty()) {
            throw new FfmpegException(FfmpegException.Kind.UNREADABLE, file + " has neither video nor audio",
                    "Give a video file.", null);
        }
        return info;
    }

    /** Runs an ffmpeg command to completion; {@code action} names the work for messages ("extracting audio"). */
    public void run(List<String> command, Path input, String action) {
        stream(command, input, action, in -> in.transferTo(java.io.OutputStream.nullOutputStream()));
    }

    /**
     * Runs an ffmpeg command whose output goes to a file, reporting its position in seconds of output media to
     * {@code progress} as it goes (stdout carries {@code -progress pipe:1}). An interrupt of the calling thread stops
     * the ffmpeg child ({@link ProcessRunner}) and fails the run.
     */
    public void run(List<String> command, Path input, String action, dev.tagline.core.progress.Progress progress) {
        stream(FfmpegProgress.withProgress(command), input, action, FfmpegProgress.reportingTo(progress));
    }

    /** Runs an ffmpeg command and hands its stdout to {@code consumer} as it arrives (raw PCM, frames, SRT). */
    public void stream(List<String> command, Path input, String action, ProcessRunner.StdoutConsumer consumer) {
        ProcessResult result;
        try {
            result = runner.run(new ProcessSpec(command, null, null, timeout), consumer);
        } catch (ProcessFailedException e) {
            throw new FfmpegException(FfmpegException.Kind.FAILED, e.getMessage() + " (" + action + " " + input + ")",
                    e.hint(), e);
        }
        if (!result.succeeded()) {
            throw FfmpegErrors.classify("ffmpeg", action, input, result.exitCode(), result.stderrTail());
        }
    }
}
