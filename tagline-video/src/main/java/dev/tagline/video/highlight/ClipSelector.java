package dev.tagline.video.highlight;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalInt;

/**
 * Picks the clips to keep. Non-maximum suppression first: going down the ranking, a clip is dropped when it shares
 * more than half of the shorter clip's time with a better one already kept (YS {@code highlights.py}, video.md §8).
 * Then the count: {@code --count N} exactly (if there are that many), otherwise OpenShorts' targets for a video of
 * this length (video.md §6): shortlist n = max(3, min(10, ⌊seconds/90⌋ + 2)), floor max(2, min(6, ⌊n/2⌋ + 2)),
 * ceiling min(12, max(4, 2n)); every clip scoring at least {@link #GOOD_SCORE} is kept up to the ceiling, and weaker
 * ones fill up to the floor (users who got 1–3 clips rarely came back, video.md §6).
 */
public final class ClipSelector {
    /** More than this share of the shorter clip in common makes two clips duplicates. */
    public static final double MAX_OVERLAP = 0.5;
    /** Clips at or above this score are worth posting without filling a quota. */
    public static final int GOOD_SCORE = 50;

    private ClipSelector() {
    }

    static int shortlist(Duration video) {
        return (int) Math.max(3, Math.min(10, video.toSeconds() / 90 + 2));
    }

    static int floor(int n) {
        return Math.max(2, Math.min(6, n / 2 + 2));
    }

    static int ceiling(int n) {
        return Math.min(12, Math.max(4, 2 * n));
    }

    /** Best first, without near-duplicates ({@link #MAX_OVERLAP}). */
    static List<ScoredClip> suppress(List<ScoredClip> scored) {
        return suppress(scored, MAX_OVERLAP);
    }

    /** Best first, dropping each clip that shares more than {@code maxOverlap} of the shorter one with a better one. */
    static List<ScoredClip> suppress(List<ScoredClip> scored, double maxOverlap) {
        List<ScoredClip> ranked = new ArrayList<>(scored);
        ranked.sort(Comparator.comparingInt(ScoredClip::score).reversed()
                .thenComparing(c -> c.candidate().start()));
        List<ScoredClip> kept = new ArrayList<>();
        for (ScoredClip c : ranked) {
            if (kept.stream().noneMatch(k -> k.candidate().overlap(c.candidate()) > maxOverlap)) {
                kept.add(c);
            }
        }
        return kept;
    }

    /** The clips to write, best first. */
    public static List<ScoredClip> select(List<ScoredClip> scored, Duration video, OptionalInt count) {
        return select(scored, video, count, MAX_OVERLAP);
    }

    /** {@link #select(List, Duration, OptionalInt)} with near-duplicates set by {@code maxOverlap} (0: none shared). */
    public static List<ScoredClip> select(List<ScoredClip> scored, Duration video, OptionalInt count,
                                          double maxOverlap) {
        List<ScoredClip> kept = suppress(scored, maxOverlap);
        if (count.isPresent()) {
            return List.copyOf(kept.subList(0, Math.min(count.getAsInt(), kept.size())));
        }
        int n = shortlist(video);
        int floor = floor(n);
        int ceiling = ceiling(n);
        List<ScoredClip> out = new ArrayList<>();
        for (ScoredClip c : kept) {
            if (out.size() < ceiling && (c.score() >= GOOD_SCORE || out.size() < floor)) {
                out.add(c);
            }
        }
        return List.copyOf(out);
    }
}
