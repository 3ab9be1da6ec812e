package dev.tagline.video.ffmpeg;

import dev.tagline.core.TaglineException;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Finds {@code ffmpeg} and {@code ffprobe}: the {@code --ffmpeg} flag first, then the {@code TAGLINE_FFMPEG}
 * environment variable, then {@code PATH}. A flag or variable may name the ffmpeg program itself or the folder that
 * holds it; ffprobe is expected beside ffmpeg. Pure apart from file-system checks, so tests pass their own environment.
 */
public final class FfmpegLocator {
    /** Environment variable naming the ffmpeg program or its folder. */
    public static final String ENV = "TAGLINE_FFMPEG";
    static final String INSTALL_HINT = "Install FFmpeg (Debian/Ubuntu: sudo apt-get install ffmpeg; macOS: brew install"
            + " ffmpeg; Windows: winget install Gyan.FFmpeg), or pass --ffmpeg /path/to/ffmpeg or set " + ENV + ".";

    private final Map<String, String> env;
    private final boolean windows;

    public FfmpegLocator(Map<String, String> env) {
        this(env, System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows"));
    }

    FfmpegLocator(Map<String, String> env, boolean windows) {
        this.env = Map.copyOf(env);
        this.windows = windows;
    }

    /** Locates both tools or throws a {@link TaglineException} that says where it looked and how to install them. */
    public FfmpegTools locate(Optional<Path> flag) {
        if (flag.isPresent()) {
            return fromExplicit(flag.get(), "--ffmpeg");
        }
        String fromEnv = env.getOrDefault(ENV, "");
        if (!fromEnv.isBlank()) {
            return fromExplicit(Path.of(fromEnv.strip()), ENV);
        }
        Optional<Path> ffmpeg = onPath("ffmpeg");
        Optional<Path> ffprobe = onPath("ffprobe");
        if (ffmpeg.isEmpty() || ffprobe.isEmpty()) {
            String missing = ffmpeg.isEmpty() ? "ffmpeg" : "ffprobe";
            throw new TaglineException(missing + " was not found on PATH", INSTALL_HINT);
        }
        return new FfmpegTools(ffmpeg.get(), ffprobe.get());
    }

    private FfmpegTools fromExplicit(Path given, String source) {
        Path dir = Files.isDirectory(given) ? given : given.toAbsolutePath().getParent();
        Path ffmpeg = Files.isDirectory(given) ? dir.resolve(exe("ffmpeg")) : given;
        if (!Files.isRegularFile(ffmpeg) || !Files.isExecutable(ffmpeg)) {
            throw new TaglineException(source + " points to " + given + ", which is not an executable ffmpeg",
                    "Give the path of the ffmpeg program or of the folder holding ffmpeg and ffprobe. " + INSTALL_HINT);
        }
        String probeName = ffmpeg.getFileName().toString().replaceFirst("ffmpeg", "ffprobe");
        Path ffprobe = ffmpeg.resolveSibling(probeName.contains("ffprobe") ? probeName : exe("ffprobe"));
        if (!Files.isRegularFile(ffprobe) || !Files.isExecutable(ffprobe)) {
            throw new TaglineException("ffprobe was not found beside " + ffmpeg + " (from " + source + ")",
                    "Put ffprobe in the same folder as ffmpeg; FFmpeg builds ship both.");
        }
        return new FfmpegTools(ffmpeg, ffprobe);
    }

    private Optional<Path> onPath(String program) {
        String path = env.getOrDefault("PATH", env.getOrDefault("Path", ""));
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isBlank()) {
                continue;
            }
            Path candidate = Path.of(dir).resolve(exe(program));
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    private String exe(String program) {
        return windows ? program + ".exe" : program;
    }
}
