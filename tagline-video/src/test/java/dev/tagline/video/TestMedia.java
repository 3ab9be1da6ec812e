package dev.tagline.video;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.tagline.core.TaglineException;
import dev.tagline.core.process.ProcessRunner;
import dev.tagline.core.process.ProcessSpec;
import dev.tagline.video.ffmpeg.Ffmpeg;
import dev.tagline.video.ffmpeg.FfmpegLocator;
import dev.tagline.video.ffmpeg.FfmpegTools;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Real FFmpeg for ITs, and videos generated with lavfi at known times. Skips (never passes) when a tool is missing. */
public final class TestMedia {
    private TestMedia() {
    }

    /** The ffmpeg on PATH (or TAGLINE_FFMPEG); skips the test with an install hint when absent. */
    public static Ffmpeg ffmpeg() {
        try {
            FfmpegTools tools = new FfmpegLocator(System.getenv()).locate(Optional.empty());
            return new Ffmpeg(tools, new ProcessRunner(), Duration.ofMinutes(5));
        } catch (TaglineException e) {
            assumeTrue(false, "skipped: " + e.oneLine());
            throw e;
        }
    }

    /** Runs {@code ffmpeg -y <args>} and returns {@code out}. */
    public static Path make(Ffmpeg ffmpeg, Path out, String... args) {
        List<String> command = new ArrayList<>(List.of(ffmpeg.tools().ffmpeg().toString(), "-hide_banner", "-nostdin",
                "-loglevel", "error", "-y"));
        command.addAll(List.of(args));
        command.add(out.toString());
        new ProcessRunner().runChecked(ProcessSpec.of(command, Duration.ofMinutes(2)));
        return out;
    }

    /**
     * Coloured scenes of the given lengths at {@code fps}, hard cuts between them, with a 440 Hz tone; the cut times
     * are the running sums of {@code seconds}.
     */
    public static Path colourScenes(Ffmpeg ffmpeg, Path out, int fps, String[] colours, double[] seconds) {
        List<String> args = new ArrayList<>();
        StringBuilder graph = new StringBuilder();
        double total = 0;
        for (int i = 0; i < colours.length; i++) {
            args.addAll(List.of("-f", "lavfi", "-i", "color=c=" + colours[i] + ":s=320x180:r=" + fps + ":d="
                    + seconds[i]));
            graph.append('[').append(i).append(":v]");
            total += seconds[i];
        }
        args.addAll(List.of("-f", "lavfi", "-i", "sine=frequency=440:sample_rate=44100:d=" + total));
        graph.append("concat=n=").append(colours.length).append(":v=1:a=0[v]");
        args.addAll(List.of("-filter_complex", graph.toString(), "-map", "[v]", "-map", colours.length + ":a",
                "-c:v", "libx264", "-pix_fmt", "yuv420p", "-c:a", "aac", "-shortest"));
        return make(ffmpeg, out, args.toArray(String[]::new));
    }

    /** The shared test-data folder ({@code ../shared/data} from some parent), or a skip saying it is absent. */
    public static Path sharedData(String sub) {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            Path candidate = dir.resolve("shared").resolve("data").resolve(sub);
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
            dir = dir.getParent();
        }
        assumeTrue(false, "skipped: shared test data ../shared/data/" + sub + " is absent (only on the team's machines)");
        return null;
    }
}
