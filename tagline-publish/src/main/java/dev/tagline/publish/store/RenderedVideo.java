package dev.tagline.publish.store;

import dev.tagline.core.TaglineException;
import dev.tagline.core.manifest.ClipManifest;
import dev.tagline.core.manifest.ClipManifests;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether a clip's video is still the file the renderer described: {@code clip.json} records each file's SHA-256, and a
 * video that no longer matches (a failed or interrupted re-render, a copy cut short) must not reach a platform.
 */
final class RenderedVideo {
    private static final Pattern RANK = Pattern.compile("-0*(\\d+)$");

    private RenderedVideo() {
    }

    /** The SHA-256 that {@code manifest} records for its video, or null when it records none (another tool's). */
    static String recorded(ClipManifest manifest) {
        return manifest.render() == null ? null : manifest.render().sha256().get(manifest.video());
    }

    /** Throws unless {@code video} exists; names the file and how to get it back. */
    static void requireExists(Path manifestPath, ClipManifest manifest, Path video) {
        if (!Files.isRegularFile(video)) {
            throw new TaglineException("The video of clip " + manifest.id() + ", " + video + ", is missing",
                    rerender(manifestPath, manifest) + ", or fix \"video\" in " + manifestPath + ".");
        }
    }

    /** Throws when {@code actualSha256} of {@code video} is not {@code expected} ({@code what}: "rendered", …). */
    static void requireSame(Path manifestPath, ClipManifest manifest, Path video, String expected, String actualSha256,
                            long actualBytes, String what) {
        if (actualBytes == 0) { // a render that failed before its first byte, with or without a recorded SHA-256
            throw new TaglineException("The video of clip " + manifest.id() + ", " + video + ", is empty (0 bytes)",
                    rerender(manifestPath, manifest) + ", then queue it again (or Retry it on the calendar).");
        }
        if (expected != null && !expected.equalsIgnoreCase(actualSha256)) {
            throw new TaglineException("The video of clip " + manifest.id() + ", " + video + " (" + actualBytes
                    + " bytes), changed since it was " + what + " (SHA-256 " + shortSha(actualSha256) + ", "
                    + ClipManifests.FILE_NAME + " records " + shortSha(expected) + ")",
                    rerender(manifestPath, manifest) + ", then queue it again (or Retry it on the calendar).");
        }
    }

    /**
     * "Re-render it with 'tagline clips render …'", or, when the source video is not where the clip's manifest points
     * (a clips folder copied or moved elsewhere), where it was looked for and the command with the video's name.
     */
    static String rerender(Path manifestPath, ClipManifest manifest) {
        String cmd = renderCommand(manifestPath, manifest);
        if (manifest.source() == null || manifest.source().path() == null) {
            return "Re-render it with " + cmd;
        }
        Path source = manifestPath.toAbsolutePath().getParent().resolve(manifest.source().path()).normalize();
        if (Files.isRegularFile(source)) {
            return "Re-render it with " + cmd;
        }
        return "Re-render it from its source video " + source.getFileName() + ", which is not at " + source
                + " (the clips folder was copied or moved): " + cmd.replace(source.toString(),
                "PATH/TO/" + source.getFileName());
    }

    /** {@code tagline clips render /talks/talk.mp4 --only 3}, as far as the manifest tells. */
    static String renderCommand(Path manifestPath, ClipManifest manifest) {
        StringBuilder cmd = new StringBuilder("'tagline clips render");
        Path out = manifestPath.toAbsolutePath().getParent().getParent();
        Path source = null;
        if (manifest.source() != null && manifest.source().path() != null) {
            source = manifestPath.toAbsolutePath().getParent().resolve(manifest.source().path()).normalize();
            cmd.append(' ').append(source);
        }
        Matcher rank = RANK.matcher(manifest.id());
        if (rank.find()) {
            cmd.append(" --only ").append(rank.group(1));
        }
        // clips render writes to VIDEO_STEM.clips/ beside the video unless told --out: say where this clip lives
        String stem = source == null ? "" : source.getFileName().toString().replaceFirst("\\.[^.]+$", "");
        if (out != null && (source == null || !out.equals(source.getParent().resolve(stem + ".clips")))) {
            cmd.append(" --out ").append(out);
        }
        return cmd.append('\'').toString();
    }

    private static String shortSha(String sha) {
        return sha.length() > 12 ? sha.substring(0, 12) + "…" : sha;
    }
}
