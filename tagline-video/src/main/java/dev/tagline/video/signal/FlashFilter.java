package dev.tagline.video.signal;

import java.util.OptionalLong;

/**
 * Enforces a minimum scene length on a stream of above/below-threshold frames, PySceneDetect's {@code FlashFilter}
 * in its default MERGE mode ({@code scenedetect/detector.py}): a cut closer than {@code lengthFrames} to the last
 * one starts a merge, and the merged run is reported as one cut at its last above-threshold frame once the
 * content has been calm for the filter length. A flash (two quick cuts: into a white frame and back) thus yields
 * no cut, and the first cut must be at least {@code lengthFrames} from the start. Pure; one instance per stream.
 */
final class FlashFilter {
    private final int lengthFrames;
    private long lastAbove = -1;
    private boolean mergeEnabled;
    private boolean mergeTriggered;
    private long mergeStart;

    FlashFilter(int lengthFrames) {
        this.lengthFrames = lengthFrames;
    }

    /** Feeds frame {@code frame} (sequential); returns the frame of a cut confirmed now, if any. */
    OptionalLong filter(long frame, boolean aboveThreshold) {
        if (lengthFrames <= 0) {
            return aboveThreshold ? OptionalLong.of(frame) : OptionalLong.empty();
        }
        if (lastAbove < 0) {
            lastAbove = frame;
        }
        boolean minLengthMet = frame - lastAbove >= lengthFrames;
        if (aboveThreshold) {
            lastAbove = frame;
        }
        if (mergeTriggered) {
            long merged = lastAbove - mergeStart;
            if (minLengthMet && !aboveThreshold && merged >= lengthFrames) {
                mergeTriggered = false;
                return OptionalLong.of(lastAbove);
            }
            return OptionalLong.empty();
        }
        if (!aboveThreshold) {
            return OptionalLong.empty();
        }
        if (minLengthMet) {
            mergeEnabled = true;
            return OptionalLong.of(frame);
        }
        if (mergeEnabled) {
            mergeTriggered = true;
            mergeStart = frame;
        }
        return OptionalLong.empty();
    }
}
