package dev.tagline.video.highlight;

import dev.tagline.core.text.EditDistance;
import dev.tagline.video.signal.ScreenTextAnalyser;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A clip's on-screen lines, gathered from its readings in time order: the lines on screen at its start, then the
 * lines that appeared. One line read twice is kept once: the same letters and digits whatever the spacing and
 * punctuation ("import j son", "import json"), or nearly ({@link #same}: "80o0),Hello)" and "8000),Hello)"). A line
 * that a later reading has with more at its end, and no longer as it was, was typed on ("$ curl localho", then "$ curl
 * localhost:8000"): the longer one takes its place, among the lines that appeared when it was on screen at the start.
 *
 * <p>An editor shows more lines at a clip's start than a clip keeps, which took them all, so the command typed in
 * the clip and its output, what the clip is about, were cut (dogfood G3). Now the lines on screen at the start keep
 * only their first {@value #START_LINES} (a slide's title, a file's name) when the lines that appeared need the room.
 */
final class ScreenLines {
    /** Lines on screen at a clip's start that stay when the text that appeared fills the rest. */
    static final int START_LINES = 3;

    private final Map<String, String> atStart = new LinkedHashMap<>();
    private final Map<String, String> appeared = new LinkedHashMap<>();

    /** Adds one reading's legible {@code lines}, top to bottom; {@code start}: the reading on screen at the start. */
    void add(List<String> lines, boolean start) {
        List<String> shown = lines.stream().map(ScreenLines::key).toList();
        for (String line : lines) {
            String text = line.strip().replaceAll("\\s+", " ");
            if (ScreenTextAnalyser.isText(text)) {
                add(start ? atStart : appeared, text, shown);
            }
        }
    }

    private void add(Map<String, String> into, String text, List<String> shown) {
        String key = key(text);
        if (key.isEmpty() || has(atStart, key) || has(appeared, key)) {
            return;
        }
        for (Map<String, String> group : List.of(atStart, appeared)) {
            for (String shorter : List.copyOf(group.keySet())) {
                if (key.startsWith(shorter) && shown.stream().noneMatch(k -> same(k, shorter))) {
                    if (group == into) { // typed on in the same group: in its place
                        Map<String, String> copy = new LinkedHashMap<>(group);
                        group.clear();
                        copy.forEach((k, v) -> group.put(k.equals(shorter) ? key : k, k.equals(shorter) ? text : v));
                        return;
                    }
                    group.remove(shorter);
                }
            }
        }
        into.put(key, text);
    }

    /**
     * At most {@code max} lines: the first lines on screen at the start, as many as leave room for the lines that
     * appeared but at least {@value #START_LINES}, then the lines that appeared, in order.
     */
    List<String> limit(int max) {
        int first = Math.min(Math.min(atStart.size(), max), Math.max(START_LINES, max - appeared.size()));
        List<String> out = new ArrayList<>(new ArrayList<>(atStart.values()).subList(0, first));
        for (String line : appeared.values()) {
            if (out.size() < max) {
                out.add(line);
            }
        }
        return List.copyOf(out);
    }

    private static boolean has(Map<String, String> group, String key) {
        return group.containsKey(key) || group.keySet().stream().anyMatch(k -> same(k, key));
    }

    /** A line's letters and digits, lower-cased, clocks left out ({@link ScreenTextAnalyser#letters}). */
    private static String key(String line) {
        return ScreenTextAnalyser.letters(List.of(line));
    }

    /**
     * Whether two lines' letters and digits are one line read twice: equal, or, from 8 characters on, at most one
     * character in 10 of the longer read otherwise (Levenshtein distance).
     */
    static boolean same(String a, String b) {
        if (a.equals(b)) {
            return true;
        }
        int longer = Math.max(a.length(), b.length());
        return Math.min(a.length(), b.length()) >= 8 && Math.abs(a.length() - b.length()) <= longer / 10
                && EditDistance.between(a, b) <= longer / 10;
    }
}
