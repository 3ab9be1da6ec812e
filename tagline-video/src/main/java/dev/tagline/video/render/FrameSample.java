package dev.tagline.video.render;

import java.time.Duration;
import java.util.List;

/**
 * What the analysis pass saw in one sampled frame, in source pixels; times from the clip's start.
 *
 * @param faces face boxes, biggest first (empty when faces were not looked for on this frame)
 * @param content the bounding box of detailed, screen-like content outside the faces and insets, or null
 * @param dark the frame is near black (mean luma < 16; OpenShorts skips such samples, video.md §11.1)
 * @param activity the box of the content that changed since the previous sample (typing, the cursor, scrolling), or
 *     null when nothing did (or there is no content, or no previous sample); changes on people and insets left out
 * @param inset the webcam inset round the biggest face ({@link WebcamInset}), or null when there is none
 */
public record FrameSample(Duration at, List<Rect> faces, Rect content, boolean dark, Rect activity, Rect inset) {
    public FrameSample {
        faces = List.copyOf(faces);
    }

    /** A sample without an inset. */
    public FrameSample(Duration at, List<Rect> faces, Rect content, boolean dark, Rect activity) {
        this(at, faces, content, dark, activity, null);
    }

    /** A sample without an activity measure or an inset. */
    public FrameSample(Duration at, List<Rect> faces, Rect content, boolean dark) {
        this(at, faces, content, dark, null, null);
    }

    /** This sample without its activity (a change across a cut). */
    FrameSample withoutActivity() {
        return new FrameSample(at, faces, content, dark, null, inset);
    }
}
