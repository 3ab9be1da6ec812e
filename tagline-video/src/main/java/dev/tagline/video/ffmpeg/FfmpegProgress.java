package dev.tagline.video.ffmpeg;

import dev.tagline.core.process.ProcessRunner;
import dev.tagline.core.progress.Progress;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads what {@code ffmpeg -progress pipe:1} writes to stdout (blocks of {@code key=value} lines, each ending with
 * {@code progress=continue} or {@code progress=end}) and reports the output position, in whole seconds of media, to a
 * {@link Progress}. An encode otherwise runs silently for as long as it takes.
 */
public final class FfmpegProgress {
    private FfmpegProgress() {
    }

    /** {@code command} with {@code -progress pipe:1 -nostats} after the program, so stdout carries the position. */
    static List<String> withProgress(List<String> command) {
        List<String> args = new ArrayList<>(command.size() + 3);
        args.add(command.get(0));
        args.addAll(List.of("-progress", "pipe:1", "-nostats"));
        args.addAll(command.subList(1, command.size()));
        return args;
    }

    /** A stdout consumer that moves {@code progress} to each {@code out_time_us} (N/A before the first frame). */
    static ProcessRunner.StdoutConsumer reportingTo(Progress progress) {
        return in -> {
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null) {
                long micros = outTimeMicros(line);
                if (micros >= 0) {
                    progress.jumpTo(micros / 1_000_000);
                }
            }
        };
    }

    /**
     * The output time of one progress line in microseconds, or −1 for other lines and N/A. {@code out_time_ms} is
     * read too: despite its name FFmpeg writes microseconds there as well (older builds have only that key).
     */
    static long outTimeMicros(String line) {
        int eq = line.indexOf('=');
        if (eq < 0) {
            return -1;
        }
        String key = line.substring(0, eq).strip();
        if (!key.equals("out_time_us") && !key.equals("out_time_ms")) {
            return -1;
        }
        String value = line.substring(eq + 1).strip();
        return value.matches("\\d{1,18}") ? Long.parseLong(value) : -1;
    }
}
