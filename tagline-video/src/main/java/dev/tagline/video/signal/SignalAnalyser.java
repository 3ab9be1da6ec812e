package dev.tagline.video.signal;

import java.time.Duration;

/**
 * One signal computed from the single decoding pass ({@link DecodingPass}). The pass calls every method of one
 * instance from one thread, audio blocks in time order and frames in time order (the two kinds interleave only
 * roughly), so implementations need no locking; instances analysing different stretches of the video
 * ({@link DecodingPass.VideoSegment}) run at the same time, so they must not share mutable state. An analyser keeps only a bounded window of samples or frames: memory must not
 * grow with the length of the video beyond its compact output (events, or one value per tick).
 */
public interface SignalAnalyser {
    /** Next block of 16 kHz mono audio; not called for a file without sound. */
    default void onAudio(AudioBlock block) {
    }

    /** Next small frame; not called for an audio-only file. */
    default void onFrame(VideoFrame frame) {
    }

    /** The pass reached the end of the media at {@code end}; flush pending state. Called once. */
    default void finish(Duration end) {
    }
}
