package dev.tagline.video.highlight;

import java.util.List;

/**
 * Scores candidates: the built-in {@link HeuristicScorer}, or an LLM judge (issue #7 point 6) that falls back to
 * it. Returns one scored clip per candidate, in the same order.
 */
public interface ClipScorer {
    List<ScoredClip> score(List<Candidate> candidates, List<Sentence> sentences, ClipSignals signals);
}
