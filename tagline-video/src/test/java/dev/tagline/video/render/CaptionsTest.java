package dev.tagline.video.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tagline.video.transcript.Word;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CaptionsTest {
    static Word w(double start, double end, String text) {
        return new Word(Duration.ofMillis(Math.round(start * 1000)), Duration.ofMillis(Math.round(end * 1000)), text);
    }

    /** "word0 word1 …" every 0.3 s from {@code from} seconds, each 0.25 s long. */
    static List<Word> steady(double from, int n) {
        List<Word> words = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            words.add(w(from + 0.3 * i, from + 0.3 * i + 0.25, "word" + i));
        }
        return words;
    }

    @Test
    void wordsMoveToTheClipClockAndAreClamped() {
        List<Word> source = List.of(w(9.0, 9.5, "before"), w(9.9, 10.2, "edge"), w(10.5, 14.0, "long"),
                w(14.1, 14.1, "blink"), w(20.0, 20.5, "after"));
        List<Word> clip = CaptionPhrases.clipWords(source, Duration.ofSeconds(10), Duration.ofSeconds(15));
        assertEquals(List.of("edge", "long", "blink"), clip.stream().map(Word::text).toList());
        assertEquals(Duration.ZERO, clip.get(0).start());
        assertEquals(Duration.ofMillis(200), clip.get(0).end());
        assertEquals(Duration.ofMillis(2000), clip.get(1).end(), "a word lasts at most 1.5 s");
        assertEquals(Duration.ofMillis(80), clip.get(2).end().minus(clip.get(2).start()), "at least 80 ms");
    }

    @Test
    void phrasesHaveAtMostTwoLinesOfEighteenCharacters() {
        List<CaptionPhrase> phrases = CaptionPhrases.phrases(steady(0, 40), CaptionLayout.MAX_CHARS);
        assertTrue(phrases.size() > 5);
        for (CaptionPhrase p : phrases) {
            assertTrue(p.lines().size() <= 2, p.text());
            for (String line : p.text().split("\n")) {
                assertTrue(line.length() <= 18, "line '" + line + "'");
            }
            assertTrue(p.end().minus(p.start()).compareTo(CaptionPhrases.MAX_PHRASE) <= 0, p.text());
        }
        assertEquals(40, phrases.stream().mapToInt(p -> p.words().size()).sum(), "no word lost");
    }

    @Test
    void sentenceEndsAndPausesStartANewPhrase() {
        List<CaptionPhrase> phrases = CaptionPhrases.phrases(List.of(w(0, 0.4, "Hi"), w(0.4, 0.9, "there."),
                w(1.0, 1.4, "So"), w(1.4, 1.9, "then"), w(2.6, 3.0, "we"), w(3.0, 3.5, "start")), 18);
        assertEquals(List.of("Hi there.", "So then", "we start"), phrases.stream().map(CaptionPhrase::text).toList());
    }

    /** "It is the one bit of git I do love." at 0.3 s a word: greedy cutting left "love." alone for 0.27 s. */
    @Test
    void anOrphanWordIsMergedIntoItsNeighbourNotFlashedAlone() {
        List<Word> words = spoken(0, "It is the one bit of git I do love.");
        List<CaptionPhrase> phrases = CaptionPhrases.phrases(words, CaptionLayout.MAX_CHARS);
        assertEquals(2, phrases.size(), texts(phrases).toString());
        for (CaptionPhrase p : phrases) {
            assertTrue(p.words().size() > 1, "lone word: " + texts(phrases));
            assertTrue(p.end().minus(p.start()).compareTo(CaptionPhrases.MIN_CUE) >= 0, "too short: " + p.text());
        }
    }

    /** A question too long for one phrase is cut in two even halves before a preposition, not "rebases fail?". */
    @Test
    void aLongQuestionIsCutEvenlyAtANaturalPoint() {
        List<Word> words = spoken(0, "Why do ninety percent of git rebases fail? Because nobody fetches first.");
        List<CaptionPhrase> phrases = CaptionPhrases.phrases(words, CaptionLayout.MAX_CHARS);
        assertEquals("Why do ninety\npercent", phrases.get(0).text());
        assertEquals("of git rebases\nfail?", phrases.get(1).text(), "the question's end stays with its words");
        assertTrue(phrases.get(2).text().startsWith("Because"), "a new phrase at the sentence end: " + texts(phrases));
        assertEquals(words.size(), phrases.stream().mapToInt(p -> p.words().size()).sum(), "no word lost");
    }

    /** A lone word between pauses cannot merge: it stays up 5/6 s, into the silence, never over the next phrase. */
    @Test
    void aShortPhraseBetweenPausesIsHeldIntoTheSilence() {
        List<CaptionPhrase> phrases = CaptionPhrases.phrases(List.of(w(0, 0.25, "Okay."), w(1.0, 1.4, "Now"),
                w(1.4, 1.9, "watch."), w(2.6, 2.8, "Done.")), 18, Duration.ofMillis(3000));
        assertEquals(List.of("Okay.", "Now watch.", "Done."), texts(phrases));
        assertEquals(CaptionPhrases.MIN_CUE, phrases.get(0).end(), "held to 5/6 s");
        assertEquals(Duration.ofMillis(1900), phrases.get(1).end(), "long enough already");
        assertEquals(Duration.ofMillis(3000), phrases.get(2).end(), "held, but not past the clip's end");
        assertTrue(SubtitleFiles.srt(phrases).contains("00:00:00,000 --> 00:00:00,833\nOkay."));
    }

    /** {@code text}'s words one every 0.3 s from {@code from} seconds, each 0.27 s long. */
    static List<Word> spoken(double from, String text) {
        List<Word> words = new ArrayList<>();
        String[] t = text.split(" ");
        for (int i = 0; i < t.length; i++) {
            words.add(w(from + 0.3 * i, from + 0.3 * i + 0.27, t[i]));
        }
        return words;
    }

    static List<String> texts(List<CaptionPhrase> phrases) {
        return phrases.stream().map(CaptionPhrase::text).toList();
    }

    @Test
    void karaokeHasOneEventPerWordTimedToTheWords() {
        List<CaptionPhrase> phrases = CaptionPhrases.phrases(List.of(w(1.0, 1.3, "make"), w(1.35, 1.6, "it"),
                w(1.7, 2.1, "count")), 18);
        String ass = AssCaptions.write(phrases, CaptionStyle.BOLD, CaptionLayout.of(1080, 1920));
        List<String> events = ass.lines().filter(l -> l.startsWith("Dialogue:")).toList();
        assertEquals(3, events.size(), ass);
        assertTrue(events.get(0).startsWith("Dialogue: 0,0:00:01.00,0:00:01.35,Default,,0,0,0,,{\\c&H0000E5FF&"
                + AssCaptions.POP + "}MAKE{\\r} IT COUNT"), events.get(0));
        assertTrue(events.get(1).startsWith("Dialogue: 0,0:00:01.35,0:00:01.70,"), events.get(1));
        assertTrue(events.get(2).startsWith("Dialogue: 0,0:00:01.70,0:00:02.10,"), events.get(2));
        assertTrue(events.get(2).endsWith("MAKE IT {\\c&H0000E5FF&" + AssCaptions.POP + "}COUNT{\\r}"), events.get(2));
    }

    @Test
    void phraseModeHasOneEventPerPhraseAndKeepsCase() {
        List<CaptionPhrase> phrases = CaptionPhrases.phrases(steady(0, 8), 18);
        String ass = AssCaptions.write(phrases, CaptionStyle.CLEAN, CaptionLayout.of(1080, 1920));
        assertEquals(phrases.size(), ass.lines().filter(l -> l.startsWith("Dialogue:")).count());
        assertTrue(ass.contains(",word0 word1 word2\\Nword3\n"), ass);
        assertTrue(ass.contains(",word4 word5 word6\\Nword7\n"), "4 + 4 words, not 6 + a 0.55 s pair: " + ass);
    }

    @Test
    void scriptSetsPlayResAndKeepsCaptionsClearOfThePlatformUi() {
        CaptionLayout layout = CaptionLayout.of(1080, 1920);
        String ass = AssCaptions.write(List.of(), CaptionStyle.BOLD, layout);
        assertTrue(ass.contains("PlayResX: 1080\nPlayResY: 1920\nWrapStyle: 2"), ass);
        String style = ass.lines().filter(l -> l.startsWith("Style:")).findFirst().orElseThrow();
        String[] f = style.substring("Style: ".length()).split(",");
        assertEquals("DejaVu Sans", f[1]);
        assertEquals("2", f[18], "bottom centre");
        int marginL = Integer.parseInt(f[19]);
        int marginR = Integer.parseInt(f[20]);
        int marginV = Integer.parseInt(f[21]);
        assertTrue(marginV >= 0.15 * 1920, "bottom margin " + marginV);
        assertTrue(marginR >= 0.15 * 1080 && marginR > marginL, "right rail margin " + marginR);
        assertTrue(layout.worstLineWidth(18) <= 1080 - marginL - marginR, "an 18-character line fits");
        for (Aspect a : Aspect.values()) {
            CaptionLayout l = CaptionLayout.of(a.width(), a.height());
            assertTrue(l.worstLineWidth(l.maxChars()) <= a.width() - l.marginL() - l.marginR(), a.label());
            assertTrue(l.marginV() >= 0.15 * a.height(), a.label());
        }
    }

    @Test
    void srtAndVttCarryThePhrases() {
        List<CaptionPhrase> phrases = CaptionPhrases.phrases(List.of(w(61.0, 61.5, "Hello"), w(61.6, 62.0,
                "there.")), 18);
        assertEquals("1\n00:01:01,000 --> 00:01:02,000\nHello there.\n\n", SubtitleFiles.srt(phrases));
        assertEquals("WEBVTT\n\n00:01:01.000 --> 00:01:02.000\nHello there.\n\n", SubtitleFiles.vtt(phrases));
    }

    @Test
    void coloursAreWrittenBlueGreenRed() {
        assertEquals("&H0000E5FF", CaptionStyle.ass("FFE500"));
    }
}
