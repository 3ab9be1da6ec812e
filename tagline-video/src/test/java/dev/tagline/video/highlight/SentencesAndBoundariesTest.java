package dev.tagline.video.highlight;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tagline.video.signal.Pause;
import dev.tagline.video.transcript.Word;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SentencesAndBoundariesTest {
    @Test
    void openNlpEndsSentencesButNotAbbreviations() {
        List<Sentence> s = OpenNlpSentences.english().split(Words.of(0, 0.2, "Dr. Smith said hi.", "Really?",
                "J. R. wrote it at 5 p.m. on Monday, e.g. with git!", "The U.S. team won."));
        assertEquals(List.of("Dr. Smith said hi.", "Really?", "J. R. wrote it at 5 p.m. on Monday, e.g. with git!",
                "The U.S. team won."), s.stream().map(Sentence::text).toList());
        assertEquals(2, s.get(2).id());
    }

    @Test
    void unpunctuatedCaptionsBreakAtPausesAndLongRunsSplit() {
        List<Word> words = new ArrayList<>(Words.of(0, 1.0, "so today we fix git", "rebase conflicts fast"));
        assertEquals(2, OpenNlpSentences.english().split(words).size());
        List<Word> ramble = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            ramble.add(new Word(Words.sec(i * 0.4 + (i == 60 ? 0.3 : 0)), Words.sec(i * 0.4 + 0.3
                    + (i == 60 ? 0.3 : 0)), "w" + i));
        }
        List<Sentence> parts = OpenNlpSentences.english().split(ramble);
        assertTrue(parts.size() >= 3, "40 s without a stop is split: " + parts.size());
        parts.forEach(p -> assertTrue(p.end().minus(p.start()).compareTo(OpenNlpSentences.MAX_SENTENCE) <= 0));
    }

    @Test
    void leadAndTailStayWithinLimitsAndHalfTheGap() {
        List<Word> words = Words.of(10, 2.0, "First sentence here.", "Second one.");
        BoundarySnapper snapper = new BoundarySnapper(words, List.of(), true, Duration.ofSeconds(60));
        Word second = words.get(3);
        assertEquals(second.start().minus(BoundarySnapper.MAX_LEAD), snapper.snapStart(second.start()));
        assertEquals(words.get(2).end().plus(BoundarySnapper.MAX_TAIL), snapper.snapEnd(words.get(2).end()));
        Word inner = words.get(1);
        assertEquals(inner.start().minusMillis(50), snapper.snapStart(inner.start()), "half of a 0.1 s gap");
        assertEquals(second.start().minus(BoundarySnapper.MAX_LEAD), snapper.snapStart(second.start().plusMillis(150)),
                "a proposed time snaps to the nearest word start");
        BoundarySnapper sparse = new BoundarySnapper(words, List.of(), true, Duration.ofSeconds(60));
        assertEquals(Duration.ofSeconds(30), sparse.snapStart(Duration.ofSeconds(30)), "no word within 1.5 s");
    }

    @Test
    void snappedCutsNeverFallInsideAWord() {
        Random random = new Random(7);
        List<Word> words = new ArrayList<>();
        double t = 0.2;
        for (int i = 0; i < 400; i++) {
            double length = 0.08 + random.nextDouble() * 0.6;
            words.add(new Word(Words.sec(t), Words.sec(t + length), "w"));
            t += length + random.nextDouble() * (random.nextInt(10) == 0 ? 1.5 : 0.15);
        }
        BoundarySnapper snapper = new BoundarySnapper(words, List.of(), true, Words.sec(t + 1));
        for (int i = 0; i < 1000; i++) {
            Duration proposed = Words.sec(random.nextDouble() * t);
            for (Duration cut : List.of(snapper.snapStart(proposed), snapper.snapEnd(proposed))) {
                for (Word w : words) {
                    assertFalse(cut.compareTo(w.start()) > 0 && cut.compareTo(w.end()) < 0,
                            "cut " + cut + " inside word " + w);
                }
            }
        }
    }

    @Test
    void estimatedWordsCutInsideTheNearestPause() {
        List<Word> words = Words.of(0, 0.2, "one two three.");
        List<Pause> pauses = List.of(new Pause(Words.sec(1.4), Words.sec(2.6)));
        BoundarySnapper snapper = new BoundarySnapper(words, pauses, false, Duration.ofSeconds(10));
        assertEquals(Words.sec(1.4 + 0.45), snapper.snapEnd(words.get(2).end()));
        BoundarySnapper noWords = new BoundarySnapper(List.of(), pauses, false, Duration.ofSeconds(10));
        assertEquals(Words.sec(2.6 - 0.35), noWords.snapStart(Words.sec(2.6)), "lead-in taken from the pause");
        assertEquals(Words.sec(1.4 + 0.45), noWords.snapEnd(Words.sec(1.4)));
        assertEquals(Words.sec(5), noWords.snapStart(Words.sec(5)), "no pause within 1.5 s");
    }

    @Test
    void candidatesFitTheBandAndDanglingStartsAreMarked() {
        String[] text = new String[30];
        for (int i = 0; i < text.length; i++) {
            text[i] = i == 10 ? "So that's why it broke." : "Sentence number " + i + " is here.";
        }
        List<Sentence> sentences = OpenNlpSentences.english().split(Words.of(0, 1.5, text));
        BoundarySnapper snapper = new BoundarySnapper(sentences.stream().flatMap(s -> s.words().stream()).toList(),
                List.of(), true, Duration.ofMinutes(5));
        DurationBand band = DurationBand.of(Duration.ofSeconds(15), Duration.ofSeconds(30));
        List<Candidate> candidates = new CandidateGenerator(band).generate(sentences, snapper);
        assertFalse(candidates.isEmpty());
        candidates.forEach(c -> assertTrue(band.contains(c.length()), c.toString()));
        assertTrue(candidates.stream().filter(c -> c.first() == 10).allMatch(Candidate::danglingStart));
        assertTrue(candidates.stream().anyMatch(c -> c.first() == 9 && c.last() >= 10), "extended backwards");
        assertTrue(candidates.stream().filter(c -> c.first() != 10).noneMatch(Candidate::danglingStart));
    }

    @Test
    void danglingOpeners() {
        assertTrue(DanglingStart.test("As I said earlier, rebase rewrites history."));
        assertTrue(DanglingStart.test("And then it fails."));
        assertTrue(DanglingStart.test("It's the same bug."));
        assertFalse(DanglingStart.test("Rebase rewrites history."));
        assertFalse(DanglingStart.test("Why does rebase lose commits?"));
    }
}
