package dev.tagline.video.highlight;

import java.time.Duration;
import java.util.List;

/**
 * A possible clip: sentences {@code first..last}, cut at {@code start}/{@code end} after boundary snapping.
 * {@code danglingStart} marks a first sentence that leans on what came before ("so that's why").
 */
public record Candidate(int first, int last, Duration start, Duration end, boolean danglingStart) {
    public Duration length() {
        return end.minus(start);
    }

    /** The sentences of this candidate out of all of them. */
    public List<Sentence> sentences(List<Sentence> all) {
        return all.subList(first, last + 1);
    }

    /** Shared time over the shorter of the two (0–1). */
    public double overlap(Candidate other) {
        long from = Math.max(start.toNanos(), other.start.toNanos());
        long to = Math.min(end.toNanos(), other.end.toNanos());
        long shorter = Math.min(length().toNanos(), other.length().toNanos());
        return to <= from || shorter <= 0 ? 0 : (double) (to - from) / shorter;
    }
}
