package dev.tagline.video.highlight;

import dev.tagline.video.signal.Pause;
import dev.tagline.video.transcript.Word;
import java.time.Duration;
import java.util.List;

/**
 * Puts a clip's cuts on word edges (OpenShorts {@code snap_clip_to_words}, video.md §7): a proposed time snaps to
 * the nearest word start (for a clip start) or word end (for a clip end) within ±1.5 s; the cut then keeps at most
 * 0.35 s of lead-in before the first word and at most 0.45 s of tail after the last, and never more than half the
 * gap to the neighbouring word, so no cut lands inside a word. When words are only estimated (subtitles without
 * word times) or missing (no transcript), the cut moves into the nearest pause within the search window
 * instead, with the same lead-in and tail limits. Pure.
 */
public final class BoundarySnapper {
    public static final Duration SEARCH = Duration.ofMillis(1500);
    public static final Duration MAX_LEAD = Duration.ofMillis(350);
    public static final Duration MAX_TAIL = Duration.ofMillis(450);

    private final List<Word> words;
    private final List<Pause> pauses;
    private final boolean wordTimed;
    private final Duration mediaEnd;

    /** @param words all words of the video in order; @param wordTimed whether their times are measured */
    public BoundarySnapper(List<Word> words, List<Pause> pauses, boolean wordTimed, Duration mediaEnd) {
        this.words = List.copyOf(words);
        this.pauses = List.copyOf(pauses);
        this.wordTimed = wordTimed;
        this.mediaEnd = mediaEnd;
    }

    /** Where a clip proposed to start at {@code proposed} should start. */
    public Duration snapStart(Duration proposed) {
        int i = nearest(proposed, true);
        if (i < 0) {
            return max(Duration.ZERO, pauseBefore(proposed).orElse(proposed));
        }
        Word first = words.get(i);
        Duration previousEnd = i > 0 ? words.get(i - 1).end() : Duration.ZERO;
        Duration room = first.start().minus(previousEnd);
        Duration lead = min(MAX_LEAD, i > 0 ? room.dividedBy(2) : room);
        Duration cut = first.start().minus(lead);
        if (!wordTimed) {
            cut = pauseBefore(first.start()).orElse(cut);
        }
        return max(Duration.ZERO, cut);
    }

    /** Where a clip proposed to end at {@code proposed} should end. */
    public Duration snapEnd(Duration proposed) {
        int i = nearest(proposed, false);
        if (i < 0) {
            return min(mediaEnd, pauseAfter(proposed).orElse(proposed));
        }
        Word last = words.get(i);
        Duration nextStart = i + 1 < words.size() ? words.get(i + 1).start() : mediaEnd;
        Duration room = max(Duration.ZERO, nextStart.minus(last.end()));
        Duration cut = last.end().plus(min(MAX_TAIL, i + 1 < words.size() ? room.dividedBy(2) : room));
        if (!wordTimed) {
            cut = pauseAfter(last.end()).orElse(cut);
        }
        return min(mediaEnd, cut);
    }

    /**
     * Index of the word whose start (or end) is nearest to {@code t} within {@link #SEARCH}, or -1. Binary search,
     * then a walk outwards over the words within the window.
     */
    private int nearest(Duration t, boolean start) {
        int lo = 0;
        int hi = words.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (words.get(mid).start().compareTo(t) < 0) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        int best = -1;
        long bestDistance = SEARCH.toNanos() + 1;
        for (int dir = -1; dir <= 1; dir += 2) {
            for (int i = dir < 0 ? lo - 1 : lo; i >= 0 && i < words.size(); i += dir) {
                Word w = words.get(i);
                if (Math.abs(w.start().minus(t).toNanos()) > 2 * SEARCH.toNanos()
                        && Math.abs(w.end().minus(t).toNanos()) > 2 * SEARCH.toNanos()) {
                    break;
                }
                long d = Math.abs((start ? w.start() : w.end()).minus(t).toNanos());
                if (d < bestDistance || d == bestDistance && i < best) {
                    bestDistance = d;
                    best = i;
                }
            }
        }
        return best;
    }

    private java.util.Optional<Duration> pauseBefore(Duration wordStart) {
        return pauses.stream().filter(p -> Math.abs(p.end().minus(wordStart).toNanos()) <= SEARCH.toNanos())
                .min((a, b) -> Long.compare(Math.abs(a.end().minus(wordStart).toNanos()),
                        Math.abs(b.end().minus(wordStart).toNanos())))
                .map(p -> max(p.start(), p.end().minus(MAX_LEAD)));
    }

    private java.util.Optional<Duration> pauseAfter(Duration wordEnd) {
        return pauses.stream().filter(p -> Math.abs(p.start().minus(wordEnd).toNanos()) <= SEARCH.toNanos())
                .min((a, b) -> Long.compare(Math.abs(a.start().minus(wordEnd).toNanos()),
                        Math.abs(b.start().minus(wordEnd).toNanos())))
                .map(p -> min(p.end(), p.start().plus(MAX_TAIL)));
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
