package dev.tagline.core.manifest;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * One clip the finder proposes, as stored in {@code VIDEO.clips.json}: where it is in the source, how good it is
 * (0–100, with the sub-scores it came from) and why, the hook line, the transcript excerpt, the topic segment it
 * belongs to ({@code null} when topics are unknown), the on-screen text that appears during it (slide titles,
 * terminal lines; empty in files written before it was kept) and of that text the title, the line set bigger than the
 * rest (empty when none stood out, or in older files). Times are seconds from the start of the source.
 */
public record ClipCandidate(int rank, double startSeconds, double endSeconds, int score, SubScores subScores,
                            String reason, String hookText, String excerpt, Integer topic, List<String> screenText,
                            String screenTitle) {
    public ClipCandidate {
        if (!(endSeconds > startSeconds) || startSeconds < 0) {
            throw new IllegalArgumentException("a clip needs 0 <= start < end, got " + startSeconds + ".."
                    + endSeconds);
        }
        if (score < 0 || score > 100) {
            throw new IllegalArgumentException("score must be 0-100, got " + score);
        }
        Objects.requireNonNull(subScores, "subScores");
        reason = Objects.requireNonNullElse(reason, "");
        hookText = Objects.requireNonNullElse(hookText, "");
        excerpt = Objects.requireNonNullElse(excerpt, "");
        screenText = screenText == null ? List.of() : List.copyOf(screenText);
        screenTitle = Objects.requireNonNullElse(screenTitle, "");
    }

    /** A clip whose on-screen text has no title. */
    public ClipCandidate(int rank, double startSeconds, double endSeconds, int score, SubScores subScores,
                         String reason, String hookText, String excerpt, Integer topic, List<String> screenText) {
        this(rank, startSeconds, endSeconds, score, subScores, reason, hookText, excerpt, topic, screenText, "");
    }

    /** A clip without on-screen text. */
    public ClipCandidate(int rank, double startSeconds, double endSeconds, int score, SubScores subScores,
                         String reason, String hookText, String excerpt, Integer topic) {
        this(rank, startSeconds, endSeconds, score, subScores, reason, hookText, excerpt, topic, List.of(), "");
    }

    public Duration start() {
        return Duration.ofNanos(Math.round(startSeconds * 1e9));
    }

    public Duration end() {
        return Duration.ofNanos(Math.round(endSeconds * 1e9));
    }

    public Duration length() {
        return end().minus(start());
    }

    /** Sub-scores, each 0–100: opening hook, payoff, coherence (one topic, stands alone), energy, visual change. */
    public record SubScores(int hook, int payoff, int coherence, int energy, int visual) {
    }
}
