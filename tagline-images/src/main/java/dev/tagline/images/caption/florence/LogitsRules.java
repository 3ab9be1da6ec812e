package dev.tagline.images.caption.florence;

import java.util.HashSet;
import java.util.Set;

/**
 * The logits processors Florence-2's generation uses, in Hugging Face's order ({@code _get_logits_processor}):
 * repetition penalty, no-repeat n-gram, forced BOS at the first new token, forced EOS at the last allowed one.
 * Applied in place to one row's scores given that row's ids so far (decoder start token included).
 *
 * @param maxLength decoder ids at most, start token included ({@code 1 + max new tokens})
 */
record LogitsRules(double repetitionPenalty, int noRepeatNgram, long forcedBos, long forcedEos, int maxLength) {

    void apply(float[] scores, long[] ids, int length) {
        if (repetitionPenalty != 1.0) {
            Set<Long> seen = new HashSet<>();
            for (int i = 0; i < length; i++) {
                if (seen.add(ids[i])) {
                    int t = (int) ids[i];
                    scores[t] = (float) (scores[t] < 0 ? scores[t] * repetitionPenalty : scores[t] / repetitionPenalty);
                }
            }
        }
        if (noRepeatNgram > 0 && length + 1 >= noRepeatNgram) {
            for (long banned : bannedByNgram(ids, length, noRepeatNgram)) {
                scores[(int) banned] = Float.NEGATIVE_INFINITY;
            }
        }
        if (forcedBos >= 0 && length == 1) {
            force(scores, forcedBos);
        }
        if (forcedEos >= 0 && length == maxLength - 1) {
            force(scores, forcedEos);
        }
    }

    /** Tokens that would repeat an n-gram already in {@code ids} (NoRepeatNGramLogitsProcessor). */
    static Set<Long> bannedByNgram(long[] ids, int length, int n) {
        Set<Long> banned = new HashSet<>();
        int prefix = n - 1;
        int start = length - prefix;
        for (int i = 0; i + n <= length; i++) {
            boolean same = true;
            for (int j = 0; j < prefix && same; j++) {
                same = ids[i + j] == ids[start + j];
            }
            if (same) {
                banned.add(ids[i + prefix]);
            }
        }
        return banned;
    }

    private static void force(float[] scores, long token) {
        java.util.Arrays.fill(scores, Float.NEGATIVE_INFINITY);
        scores[(int) token] = 0f;
    }
}
