package dev.tagline.video.render;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything one clip's FFmpeg run needs: a plain value, so a batch can be planned (and printed by
 * {@code --dry-run}) before anything runs.
 *
 * @param source the long video
 * @param start where the clip starts in the source
 * @param end where it ends in the source
 * @param sourceWidth the source's display width in pixels
 * @param sourceHeight the source's display height in pixels
 * @param hasAudio whether the source has an audio stream
 * @param aspect the output frame
 * @param scenes the clip's scenes, back to back from 0 to the clip's length
 * @param captions burned-in captions, when wanted
 * @param encode encoder settings
 * @param output the {@code .mp4} to write
 */
public record RenderJob(Path source, Duration start, Duration end, int sourceWidth, int sourceHeight,
                        boolean hasAudio, Aspect aspect, List<Scene> scenes, Optional<BurnIn> captions,
                        EncodeSettings encode, Path output) {
    public RenderJob {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(output, "output");
        if (end.compareTo(start) <= 0 || start.isNegative()) {
            throw new IllegalArgumentException("clip span " + start + ".." + end + " is empty");
        }
        scenes = List.copyOf(scenes);
        if (scenes.isEmpty()) {
            throw new IllegalArgumentException("a clip needs at least one scene");
        }
        captions = captions == null ? Optional.empty() : captions;
    }

    public Duration length() {
        return end.minus(start);
    }

    /** An ASS file to burn in and the folder libass loads fonts from ({@code --fonts}); null: fontconfig's. */
    public record BurnIn(Path assFile, Path fontsDir) {
    }
}
