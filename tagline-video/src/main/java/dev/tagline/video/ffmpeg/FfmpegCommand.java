package dev.tagline.video.ffmpeg;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Builds an ffmpeg argument list, apart from running it (Jaffree style): global options, then inputs with their
 * options, then outputs with theirs. Each {@code output(...)} closes the options given since the previous one. The
 * result is a plain {@code List<String>} that tests compare without FFmpeg; {@code dev.tagline.core.process}
 * runs it.
 */
public final class FfmpegCommand {
    private final Path program;
    private final List<String> global = new ArrayList<>(List.of("-hide_banner", "-nostdin", "-loglevel", "error"));
    private final List<String> inputs = new ArrayList<>();
    private final List<String> outputs = new ArrayList<>();
    private final List<String> pending = new ArrayList<>();

    private FfmpegCommand(Path program) {
        this.program = program;
    }

    public static FfmpegCommand ffmpeg(Path program) {
        return new FfmpegCommand(program);
    }

    /** Adds a global option (e.g. {@code -y}) before the inputs. */
    public FfmpegCommand global(String... args) {
        global.addAll(List.of(args));
        return this;
    }

    /** Options that apply to the next input or output, e.g. {@code option("-ss", "12.5")}. */
    public FfmpegCommand option(String... args) {
        pending.addAll(List.of(args));
        return this;
    }

    /** Starts reading at {@code at} (an input option when given before {@link #input}). */
    public FfmpegCommand seek(Duration at) {
        return option("-ss", seconds(at));
    }

    /** Limits the next output (or input) to {@code length}. */
    public FfmpegCommand duration(Duration length) {
        return option("-t", seconds(length));
    }

    public FfmpegCommand input(Path file) {
        return input(file.toString());
    }

    /** An input: a file, or a lavfi graph when preceded by {@code option("-f", "lavfi")}. */
    public FfmpegCommand input(String source) {
        inputs.addAll(pending);
        pending.clear();
        inputs.add("-i");
        inputs.add(source);
        return this;
    }

    /** An output: a file or {@code pipe:1}. Options given since the last input/output apply to it. */
    public FfmpegCommand output(String target) {
        outputs.addAll(pending);
        pending.clear();
        outputs.add(target);
        return this;
    }

    public FfmpegCommand output(Path target) {
        return output(target.toString());
    }

    /** The whole argument list, program first. */
    public List<String> build() {
        if (!pending.isEmpty()) {
            throw new IllegalStateException("options " + pending + " given after the last output");
        }
        if (inputs.isEmpty() || outputs.isEmpty()) {
            throw new IllegalStateException("an ffmpeg command needs an input and an output");
        }
        List<String> all = new ArrayList<>();
        all.add(program.toString());
        all.addAll(global);
        all.addAll(inputs);
        all.addAll(outputs);
        return List.copyOf(all);
    }

    /** Seconds with millisecond precision in the C locale, the way ffmpeg's time options read them. */
    public static String seconds(Duration d) {
        return String.format(Locale.ROOT, "%.3f", d.toNanos() / 1e9);
    }
}
