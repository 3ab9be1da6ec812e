package dev.tagline.video.transcript;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tagline.core.TaglineException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class SubtitleParsersTest {
    private static Duration ms(long ms) {
        return Duration.ofMillis(ms);
    }

    @Test
    void srtWithBomCrlfTagsAndTwoLines() {
        String srt = "\uFEFF1\r\n00:00:01,000 --> 00:00:03,500\r\n<i>Hello</i> there,\r\n{\\an8}general.\r\n\r\n"
                + "2\r\n00:01:02,25 --> 01:00:03,000 X1:10\r\nSecond cue\r\n\r\n3\r\n00:01:05,000 --> 00:01:06,000\r\n\r\n";
        Transcript t = SrtParser.parse(srt, "talk.srt");
        assertEquals(2, t.cues().size());
        assertEquals(new Cue(ms(1000), ms(3500), "Hello there, general.", List.of()), t.cues().get(0));
        assertEquals(ms(62_250), t.cues().get(1).start());
        assertEquals(Duration.ofHours(1).plusSeconds(3), t.cues().get(1).end());
        assertFalse(t.wordTimed());
    }

    @Test
    void srtBadTimingNamesFileAndLine() {
        TaglineException e = assertThrows(TaglineException.class,
                () -> SrtParser.parse("1\n00:00:01 --> soon\nHi\n", "talk.srt"));
        assertTrue(e.getMessage().startsWith("talk.srt line 2: bad timing"), e.getMessage());
    }

    @Test
    void plainVttSkipsNotesAndStylesAndVoiceTags() {
        String vtt = """
                WEBVTT - a talk

                NOTE this is a comment
                with two lines

                STYLE
                ::cue { color: yellow }

                intro
                00:01.000 --> 00:04.000 line:90%
                <v Ana>Welcome to the show.</v>

                00:00:04.500 --> 00:00:06.000
                Second <b>cue</b>
                """;
        Transcript t = VttParser.parse(vtt, "talk.vtt");
        assertEquals(List.of(new Cue(ms(1000), ms(4000), "Welcome to the show.", List.of()),
                new Cue(ms(4500), ms(6000), "Second cue", List.of())), t.cues());
    }

    /** The shape of YouTube's automatic captions: rolling two-line cues and 10 ms hold cues. */
    static final String YOUTUBE = """
            WEBVTT
            Kind: captions
            Language: en

            00:00:00.000 --> 00:00:02.350 align:start position:0%
            \s
            so<00:00:00.320><c> today</c><00:00:00.880><c> we</c><00:00:01.040><c> fix</c><00:00:01.600><c> git</c>

            00:00:02.350 --> 00:00:02.360 align:start position:0%
            so today we fix git
            \s

            00:00:02.360 --> 00:00:05.110 align:start position:0%
            so today we fix git
            rebase<00:00:02.800><c> conflicts</c><00:00:03.500><c> fast</c>
            """;

    @Test
    void youtubeWordTimedVttKeepsOnlyNewWordsWithTheirTimes() {
        Transcript t = VttParser.parse(YOUTUBE, "talk.en.vtt");
        assertTrue(t.wordTimed());
        List<Word> words = t.words();
        assertEquals(List.of("so", "today", "we", "fix", "git", "rebase", "conflicts", "fast"),
                words.stream().map(Word::text).toList());
        assertEquals(new Word(ms(0), ms(320), "so"), words.get(0));
        assertEquals(new Word(ms(1600), ms(2350), "git"), words.get(4));
        assertEquals(new Word(ms(2360), ms(2800), "rebase"), words.get(5));
        assertEquals(new Word(ms(3500), ms(5110), "fast"), words.get(7));
    }

    @Test
    void verboseJsonWordsGoToTheirSegments() {
        String json = """
                {"task":"transcribe","language":"english","duration":4.0,"text":"Hi. Bye now.",
                 "segments":[{"id":0,"start":0.0,"end":1.0,"text":" Hi."},{"id":1,"start":1.5,"end":3.0,"text":" Bye now."}],
                 "words":[{"word":"Hi.","start":0.1,"end":0.6},{"word":"Bye","start":1.6,"end":2.0},
                          {"word":"now.","start":2.1,"end":2.9}]}""";
        Transcript t = TranscriptJson.parse(json, "talk.json");
        assertTrue(t.wordTimed());
        assertEquals(1, t.cues().get(0).words().size());
        assertEquals(List.of("Bye", "now."), t.cues().get(1).words().stream().map(Word::text).toList());
        assertEquals(ms(2900), t.words().get(2).end());
    }

    @Test
    void wordsWithoutSegmentsMakeCuesAtSentenceEnds() {
        String json = """
                {"text":"A b. C","words":[{"word":" A","start":0,"end":0.2},{"word":" b.","start":0.3,"end":0.5},
                {"word":" C","start":1.0,"end":1.2}]}""";
        Transcript t = TranscriptJson.parse(json, "t.json");
        assertEquals(List.of("A b.", "C"), t.cues().stream().map(Cue::text).toList());
    }

    @Test
    void cueWithoutWordTimesGetsEstimatedWordsInsideIt() {
        List<Word> words = Transcript.estimate(new Cue(ms(1000), ms(2000), "aaa b", List.of()));
        assertEquals(2, words.size());
        assertEquals(ms(1000), words.get(0).start());
        assertEquals(ms(1500), words.get(0).end());
        assertEquals(ms(1666), words.get(1).start().truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
        assertTrue(words.get(1).end().compareTo(ms(2000)) <= 0);
    }
}
