package dev.tagline.video.highlight;

import dev.tagline.video.transcript.Word;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Builds timed words for tests: each sentence's words 0.3 s long, 0.1 s apart, sentences {@code gap} apart. */
final class Words {
    private Words() {
    }

    static List<Word> of(double startSeconds, double gapSeconds, String... sentences) {
        List<Word> out = new ArrayList<>();
        double t = startSeconds;
        for (String s : sentences) {
            for (String w : s.split(" ")) {
                out.add(new Word(sec(t), sec(t + 0.3), w));
                t += 0.4;
            }
            t += gapSeconds - 0.1;
        }
        return out;
    }

    static Duration sec(double s) {
        return Duration.ofMillis(Math.round(s * 1000));
    }
}
