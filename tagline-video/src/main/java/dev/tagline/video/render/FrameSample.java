package dev.tagline.video.render;

import java.time.Duration;
import java.util.List;

/**
 * What the analysis pass saw in one sampled frame, in source pixels; times from the clip's start.
 *
 * @param faces face boxes, biggest first (empty when faces were not looked for on this frame)
 * @param content the bounding box of detailed, screen-like content outside the faces, or null
 * @param dark the frame is near black (mean luma < 16; OpenShorts skips such samples, video.md §11.1)
 */
public record FrameSample(Duration at, List<Rect> faces, Rect content, boolean dark) {
    public FrameSample {
        faces = List.copyOf(faces);
    }
}
