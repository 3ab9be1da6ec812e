package dev.tagline.video;

import java.util.List;

/** How much of the expected text an OCR reading got right, character by character. */
public final class TextAccuracy {
    private TextAccuracy() {
    }

    /**
     * The share of {@code expected}'s characters read right: per expected line, its length less the edit distance to
     * the nearest line read, summed over the lines, over their total length.
     */
    public static double characters(List<String> expected, List<String> read) {
        double right = 0;
        int total = 0;
        for (String want : expected) {
            int best = want.length();
            for (String got : read) {
                best = Math.min(best, distance(want, got));
            }
            right += want.length() - best;
            total += want.length();
        }
        return total == 0 ? 1 : right / total;
    }

    /** Levenshtein distance. */
    public static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
