package dev.tagline.video.render;

import java.time.Duration;
import java.util.List;

/**
 * What the analysis pass saw in one sampled frame, in source pixels; times from the clip's start.
 *
 * @param faces face boxes, biggest first (empty when faces were not looked for on this frame)
 * @param content the bounding box of detailed, screen-like content outside the faces, or null
 * @param dark the frame is near black (mean luma < 16; OpenShorts skips such samples, video.md §11.1)
 * @param activity the box of the content that changed since the previous sample (typing, the cursor, scrolling), or
 *     null when nothing did (or there is no content, or no previous sample)
 */
public record FrameSample(Duration at, List<Rect> faces, Rect content, boolean dark, Rect activity) {
    public FrameSample {
        faces = List.copyOf(faces);
    }

    /** A sample without an activity measure. */
    public FrameSample(Duration at, List<Rect> faces, Rect content, boolean dark) {
        this(at, faces, content, dark, null);
    }
}
