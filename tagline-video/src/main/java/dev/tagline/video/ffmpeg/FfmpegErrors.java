package dev.tagline.video.ffmpeg;

import dev.tagline.core.process.ProcessRunner;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads FFmpeg's stderr and turns it into one {@link FfmpegException} with a one-line message: what failed, on which
 * file, the tool's own last words, and what to do. Pure, so it is tested on recorded stderr.
 */
final class FfmpegErrors {
    private static final Pattern MAP_NO_MATCH = Pattern.compile("Stream map '[^']*?:([avs])[^']*' matches no streams");
    private static final Pattern CODEC = Pattern.compile(
            "(?i)(decoder \\(codec ([\\w-]+)\\) not found|unknown (?:decoder|encoder) '([\\w-]+)'"
                    + "|unsupported codec[^\\n]*?(?:id=|codec )([\\w-]+)?|encoder \\(codec ([\\w-]+)\\) not found"
                    + "|Could not find codec parameters|none \\(\\w+\\) -> \\w+)");

    /** FFmpeg's log prefix naming the component and its address, e.g. {@code [mov,mp4,m4a @ 0x5586649231]}. */
    private static final Pattern CONTEXT = Pattern.compile("\\[[^\\]\\n]* @ 0x[0-9a-fA-F]+\\] ?");

    private FfmpegErrors() {
    }

    /**
     * @param action what Tagline was doing, e.g. "decoding" or "probing"
     * @param exitCode the tool's exit code, for the message
     */
    static FfmpegException classify(String program, String action, Path input, int exitCode, String stderr) {
        String said = CONTEXT.matcher(ProcessRunner.lastLines(stderr, 2)).replaceAll("")
                .replace(input.toString() + ": ", "");
        String lower = stderr.toLowerCase(Locale.ROOT);
        String name = input.getFileName() == null ? input.toString() : input.getFileName().toString();
        Matcher map = MAP_NO_MATCH.matcher(stderr);
        if (map.find() || lower.contains("does not contain any stream")) {
            boolean audio = map.find(0) ? map.group(1).equals("a") : lower.contains("audio");
            return audio ? noAudio(input) : noVideo(input);
        }
        if (lower.contains("no such file or directory")) {
            return new FfmpegException(FfmpegException.Kind.UNREADABLE, "Cannot read " + input + ": no such file",
                    "Check the path.", null);
        }
        if (lower.contains("permission denied")) {
            return new FfmpegException(FfmpegException.Kind.UNREADABLE, "Cannot read " + input
                    + ": permission denied", "Check the file's read permission.", null);
        }
        Matcher codec = CODEC.matcher(stderr);
        if (codec.find()) {
            return new FfmpegException(FfmpegException.Kind.UNSUPPORTED_CODEC, "This FFmpeg cannot decode a stream of "
                    + name + " (" + said + ")", "Use a full FFmpeg build (--ffmpeg), or convert the file, e.g. "
                    + "ffmpeg -i " + name + " -c:v libx264 -c:a aac converted.mp4.", null);
        }
        if (lower.contains("moov atom not found")) {
            return new FfmpegException(FfmpegException.Kind.UNREADABLE, name + " is an unfinished MP4: it has no index"
                    + " ('moov'), as when a recording or download stops before its end", "Export or download it again;"
                    + " an interrupted recording can often be rebuilt with untrunc and a good file from the same"
                    + " camera or app.", null);
        }
        if (lower.contains("invalid data found")
                || lower.contains("end of file") || lower.contains("invalid argument")
                || lower.contains("error while decoding") || lower.contains("corrupt")) {
            return new FfmpegException(FfmpegException.Kind.UNREADABLE, name + " is not a readable media file ("
                    + said + ")", "The file may be truncated or corrupt; re-download or re-export it.", null);
        }
        return new FfmpegException(FfmpegException.Kind.FAILED, program + " exited " + exitCode + " " + action + " "
                + name + ": " + said, "Re-run with --verbose to see the full command.", null);
    }

    static FfmpegException noAudio(Path input) {
        return new FfmpegException(FfmpegException.Kind.NO_AUDIO, input + " has no audio stream",
                "Use a file with sound, or a video-only analysis.", null);
    }

    static FfmpegException noVideo(Path input) {
        return new FfmpegException(FfmpegException.Kind.NO_VIDEO, input + " has no video stream",
                "Give a video file, not an audio-only one.", null);
    }
}
