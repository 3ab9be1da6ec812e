package dev.tagline.video.highlight;

import dev.tagline.core.manifest.ClipCandidate;

/** A candidate with its 0–100 score, sub-scores, a one-sentence reason and the hook line. */
public record ScoredClip(Candidate candidate, int score, ClipCandidate.SubScores subScores, String reason,
                         String hookText) {
}
