package dev.tagline.video.highlight;

import dev.tagline.video.signal.Pause;
import dev.tagline.video.signal.ScreenTextAnalyser;
import dev.tagline.video.signal.TimeSeries;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the decoding pass and the transcript found in the whole video, as the scorer reads it. Signals that were not
 * available are empty ({@code Optional.empty()}, empty lists); {@code topicStarts} are the starts of topic segments
 * (TextTiling, empty until it exists). {@code textChanges} is the on-screen text's timeline: new texts, and entries
 * without lines where the text left the screen. {@code asides} are the stretches that stray from what the rest of the
 * video is about ({@link Asides}), in order.
 */
public record ClipSignals(Duration duration, Optional<TimeSeries> loudness, Optional<TimeSeries> motion,
                          List<Pause> pauses, List<Duration> sceneCuts,
                          List<ScreenTextAnalyser.TextChange> textChanges, List<Duration> topicStarts,
                          boolean hasTranscript, List<Aside> asides) {
    public ClipSignals {
        pauses = List.copyOf(pauses);
        sceneCuts = List.copyOf(sceneCuts);
        textChanges = List.copyOf(textChanges);
        topicStarts = List.copyOf(topicStarts);
        asides = List.copyOf(asides);
    }

    /** Signals without asides. */
    public ClipSignals(Duration duration, Optional<TimeSeries> loudness, Optional<TimeSeries> motion,
                       List<Pause> pauses, List<Duration> sceneCuts, List<ScreenTextAnalyser.TextChange> textChanges,
                       List<Duration> topicStarts, boolean hasTranscript) {
        this(duration, loudness, motion, pauses, sceneCuts, textChanges, topicStarts, hasTranscript, List.of());
    }

    /** A stretch from the first word of an aside's first sentence to the last word of its last. */
    public record Aside(Duration start, Duration end) {
    }

    /** The asides' parts inside [{@code from}, {@code to}), in order. */
    List<Aside> asidesWithin(Duration from, Duration to) {
        List<Aside> out = new java.util.ArrayList<>();
        for (Aside a : asides) {
            Duration s = a.start().compareTo(from) > 0 ? a.start() : from;
            Duration e = a.end().compareTo(to) < 0 ? a.end() : to;
            if (e.compareTo(s) > 0) {
                out.add(new Aside(s, e));
            }
        }
        return out;
    }

    /** The share of {@code [from, to)} that is pause (near silence), 0 to 1. */
    public double silentShare(Duration from, Duration to) {
        long span = to.minus(from).toMillis();
        if (span <= 0) {
            return 0;
        }
        long silent = 0;
        for (Pause p : pauses) {
            Duration s = p.start().compareTo(from) > 0 ? p.start() : from;
            Duration e = p.end().compareTo(to) < 0 ? p.end() : to;
            silent += Math.max(0, e.minus(s).toMillis());
        }
        return Math.min(1.0, (double) silent / span);
    }

    /** Index of the topic segment holding {@code t}, or null when topics are unknown. */
    public Integer topicAt(Duration t) {
        if (topicStarts.isEmpty()) {
            return null;
        }
        int topic = 0;
        for (int i = 0; i < topicStarts.size(); i++) {
            if (topicStarts.get(i).compareTo(t) <= 0) {
                topic = i;
            }
        }
        return topic;
    }

    long cutsWithin(Duration from, Duration to) {
        return sceneCuts.stream().filter(c -> c.compareTo(from) > 0 && c.compareTo(to) < 0).count();
    }

    /** New on-screen texts strictly inside ({@code from}, {@code to}); the text leaving the screen is not one. */
    long textChangesWithin(Duration from, Duration to) {
        return textChanges.stream().filter(c -> !c.lines().isEmpty() && c.time().compareTo(from) > 0
                && c.time().compareTo(to) < 0).count();
    }

    /**
     * The on-screen text from {@code from} to {@code to}: what was on screen at {@code from} (the last entry before
     * it, unless the text had gone), then what appeared until {@code to}; each legible line once, in order, without
     * lines that are only a clock or a few characters, at most {@code max} lines, of which the text that appeared
     * keeps all but the first few lines on screen at the start ({@link ScreenLines}).
     */
    public List<String> screenTextWithin(Duration from, Duration to, int max) {
        int[] range = onScreenRange(from, to);
        ScreenLines lines = new ScreenLines();
        for (int i = range[0]; i < range[1]; i++) {
            ScreenTextAnalyser.TextChange c = textChanges.get(i);
            lines.add(c.legible(), i == range[0] && c.time().compareTo(from) <= 0);
        }
        return lines.limit(max);
    }

    /**
     * The title ({@link ScreenTextAnalyser.TextChange#title}) on screen longest from {@code from} to {@code to} (the
     * earliest of equals), or "": a clip that shows "Rebasing" for 10 s and "Stashing" for 40 s is about stashing.
     */
    public String screenTitleWithin(Duration from, Duration to) {
        int[] range = onScreenRange(from, to);
        Map<String, Long> shown = new LinkedHashMap<>();
        for (int i = range[0]; i < range[1]; i++) {
            ScreenTextAnalyser.TextChange c = textChanges.get(i);
            if (!ScreenTextAnalyser.isText(c.title())) {
                continue;
            }
            Duration start = c.time().compareTo(from) > 0 ? c.time() : from;
            Duration next = i + 1 < textChanges.size() ? textChanges.get(i + 1).time() : to;
            Duration end = next.compareTo(to) < 0 ? next : to;
            shown.merge(c.title(), Math.max(0, end.minus(start).toMillis()), Long::sum);
        }
        String best = "";
        long longest = -1;
        for (Map.Entry<String, Long> e : shown.entrySet()) {
            if (e.getValue() > longest) {
                best = e.getKey();
                longest = e.getValue();
            }
        }
        return best;
    }

    /** These signals with another on-screen text timeline (a clip's text read again, {@link SharpScreenText}). */
    ClipSignals withTextChanges(List<ScreenTextAnalyser.TextChange> timeline) {
        return new ClipSignals(duration, loudness, motion, pauses, sceneCuts, timeline, topicStarts, hasTranscript,
                asides);
    }

    /**
     * First and end index in {@link #textChanges} of the timeline entries that show from {@code from} to {@code to}:
     * the one on screen at {@code from}, then on.
     */
    int[] onScreenRange(Duration from, Duration to) {
        int first = 0;
        while (first < textChanges.size() && textChanges.get(first).time().compareTo(from) <= 0) {
            first++;
        }
        int end = first;
        while (end < textChanges.size() && textChanges.get(end).time().compareTo(to) < 0) {
            end++;
        }
        return new int[] {Math.max(0, first - 1), end};
    }
}
