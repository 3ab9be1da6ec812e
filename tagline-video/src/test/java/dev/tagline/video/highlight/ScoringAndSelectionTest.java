package dev.tagline.video.highlight;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tagline.core.manifest.ClipCandidate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class ScoringAndSelectionTest {
    private static final DurationBand BAND = DurationBand.MEDIUM;

    private static ClipSignals signals(boolean text, List<Duration> cuts) {
        return new ClipSignals(Duration.ofMinutes(10), Optional.empty(), Optional.empty(), List.of(), cuts, List.of(),
                List.of(), text);
    }

    private static List<Sentence> talk(String opener, String ending) {
        String[] text = new String[10];
        text[0] = opener;
        for (int i = 1; i < 9; i++) {
            text[i] = "We open the settings and look at the list.";
        }
        text[9] = ending;
        return OpenNlpSentences.english().split(Words.of(0, 0.6, text));
    }

    private static ScoredClip scoreWhole(List<Sentence> s, ClipSignals signals) {
        Candidate c = new Candidate(0, s.size() - 1, s.get(0).start(), s.get(s.size() - 1).end(), false);
        return new HeuristicScorer(BAND).score(List.of(c), s, signals).get(0);
    }

    @Test
    void aQuestionWithANumberAndAPayoffBeatsFlatNarration() {
        ScoredClip hooked = scoreWhole(talk("Why do 90% of rebases fail?", "That's why you fetch first."),
                signals(true, List.of()));
        ScoredClip flat = scoreWhole(talk("We open the settings window.", "We close the settings window."),
                signals(true, List.of()));
        assertTrue(hooked.score() > flat.score() + 15, hooked + " vs " + flat);
        assertTrue(hooked.subScores().hook() >= 70, hooked.subScores().toString());
        assertTrue(hooked.subScores().payoff() >= 40, hooked.subScores().toString());
        assertTrue(hooked.reason().startsWith("Picked for an opening question"), hooked.reason());
        assertTrue(hooked.reason().endsWith("."));
        assertEquals("Why do 90% of rebases fail?", hooked.hookText());
    }

    /** Dogfood round 4 (F8): the reason named a question, a result ("before") and a bold claim ("wrong"). */
    @Test
    void theReasonNamedAQuestionAResultAndABoldClaimThatWereNotThere_nowItDoesNot() {
        ScoredClip ordinary = scoreWhole(talk("When you write a message, describe why you made the change and what"
                + " went wrong.", "Run the tests before you push, in case something goes wrong."),
                signals(true, List.of()));
        for (String claim : List.of("question", "a result", "bold claim")) {
            assertTrue(!ordinary.reason().contains(claim), claim + ": " + ordinary.reason());
        }
        String[] captions = new String[10]; // YouTube's automatic captions: no punctuation, sentences at pauses
        java.util.Arrays.fill(captions, "we open the settings and look at the list");
        captions[0] = "why do rebases fail";
        ScoredClip unpunctuated = scoreWhole(OpenNlpSentences.english().split(Words.of(0, 1.0, captions)),
                signals(true, List.of()));
        assertTrue(unpunctuated.reason().startsWith("Picked for an opening question"), unpunctuated.reason());
    }

    /**
     * A clip with a hook whose middle strays into an aside kept the share of its score outside it, enough to rank
     * above a plain on-topic clip although it is no clip to post. More than a third in asides now scores 0 and says
     * so; a shorter digression still costs only its share.
     */
    @Test
    void aClipFortyPercentInAnAsideOutrankedACleanClip_nowItScoresZero() {
        List<Sentence> hooked = talk("Why do 90% of rebases fail?", "That's why you fetch first.");
        Duration start = hooked.get(0).start();
        Duration length = hooked.get(hooked.size() - 1).end().minus(start);
        ScoredClip clean = scoreWhole(talk("We open the settings window.", "We close the settings window."),
                signals(true, List.of()));
        ScoredClip whole = scoreWhole(hooked, signals(true, List.of()));
        ScoredClip strays = scoreWhole(hooked, withAside(start.plus(length.multipliedBy(3).dividedBy(10)),
                start.plus(length.multipliedBy(7).dividedBy(10))));
        ScoredClip digresses = scoreWhole(hooked, withAside(start.plus(length.multipliedBy(4).dividedBy(10)),
                start.plus(length.multipliedBy(6).dividedBy(10))));
        assertTrue(whole.score() * 0.6 > clean.score() + 2, "the test needs a hook worth more: " + whole + " vs "
                + clean);
        assertEquals(0, strays.score(), strays::toString);
        assertTrue(strays.reason().contains("strays from the rest of the video's topic for")
                && strays.reason().endsWith(", more than a third."), strays.reason());
        assertEquals(Math.round(whole.score() * 0.8), digresses.score(), 1, digresses::toString);
        assertTrue(!digresses.reason().contains("more than a third"), digresses.reason());
    }

    private static ClipSignals withAside(Duration from, Duration to) {
        return new ClipSignals(Duration.ofMinutes(10), Optional.empty(), Optional.empty(), List.of(), List.of(),
                List.of(), List.of(), true, List.of(new ClipSignals.Aside(from, to)));
    }

    @Test
    void withoutTranscriptTheReasonSaysSo() {
        List<Sentence> units = SpeechSegments.sentences(List.of(new SpeechSegments.Unit(Duration.ZERO,
                Duration.ofSeconds(45))), Duration.ofSeconds(45));
        Candidate c = new Candidate(0, units.size() - 1, Duration.ZERO, Duration.ofSeconds(45), false);
        // a soundtrack of steady loudness: 10 minutes at -20 LUFS
        float[] lufs = new float[6000];
        java.util.Arrays.fill(lufs, -20f);
        ClipSignals withSound = new ClipSignals(Duration.ofMinutes(10), Optional.of(new dev.tagline.video.signal
                .TimeSeries(Duration.ofMillis(100), lufs)), Optional.empty(), List.of(), List.of(Duration.ofSeconds(10),
                Duration.ofSeconds(20)), List.of(), List.of(), false);
        ScoredClip s = new HeuristicScorer(BAND).score(List.of(c), units, withSound).get(0);
        assertEquals(0, s.subScores().hook());
        assertTrue(s.reason().endsWith("(no transcript: sound and picture only)."), s.reason());
        assertTrue(s.reason().contains("2 scene changes"), s.reason());
        ScoredClip silent = new HeuristicScorer(BAND).score(List.of(c), units, signals(false, List.of())).get(0);
        assertEquals("Picked for a good length (no sound: picture only).", silent.reason(),
                "no sound: neither speech nor a transcript to speak of");
    }

    @Test
    void aTrackOfSilenceIsNoSoundNotSteadySpeech() {
        List<Sentence> units = SpeechSegments.sentences(List.of(new SpeechSegments.Unit(Duration.ZERO,
                Duration.ofSeconds(45))), Duration.ofSeconds(45));
        Candidate c = new Candidate(0, units.size() - 1, Duration.ZERO, Duration.ofSeconds(45), false);
        float[] lufs = new float[6000];
        java.util.Arrays.fill(lufs, -65f);
        // the pause analyser finds the whole track silent
        ClipSignals silentTrack = new ClipSignals(Duration.ofMinutes(10), Optional.of(new dev.tagline.video.signal
                .TimeSeries(Duration.ofMillis(100), lufs)), Optional.empty(), List.of(new dev.tagline.video.signal
                .Pause(Duration.ZERO, Duration.ofMinutes(10))), List.of(), List.of(), List.of(), false);
        ScoredClip s = new HeuristicScorer(BAND).score(List.of(c), units, silentTrack).get(0);
        assertEquals("Picked for a good length (no sound: picture only).", s.reason());
        assertEquals(1.0, silentTrack.silentShare(Duration.ZERO, Duration.ofSeconds(45)), 1e-9);
        assertEquals(0.5, silentTrack.silentShare(Duration.ofMinutes(10).minusSeconds(10), Duration.ofMinutes(10)
                .plusSeconds(10)), 1e-9);
    }

    @Test
    void aClipThatSpansALongSilenceSaysSoAndLosesToOneThatDoesNot() {
        // auto-editor's example talk: four sentences, 22.7 s without a word, then "Banana!"
        List<Sentence> s = List.of(
                sentence(0, 1.34, 5.5, "This is an example video for your convenience and pleasure."),
                sentence(1, 5.5, 12.97, "You are allowed to use this voice for any purpose, including commercial uses."),
                sentence(2, 13.87, 17.3, "On the bottom right you can see the time."),
                sentence(3, 39.97, 40.46, "Banana!"));
        Candidate spanning = new Candidate(1, 3, Duration.ofMillis(5500), Duration.ofMillis(40900), false);
        ScoredClip scored = new HeuristicScorer(BAND).score(List.of(spanning), s, signals(true, List.of())).get(0);
        assertTrue(scored.reason().contains("though it has 22.7 s without speech (0:17.3–0:40.0)"), scored.reason());
        assertTrue(!scored.reason().contains("steady speech"), scored.reason());

        Candidate talking = new Candidate(0, 2, Duration.ofMillis(1340), Duration.ofMillis(17300), false);
        ScoredClip steady = new HeuristicScorer(BAND).score(List.of(talking), s, signals(true, List.of())).get(0);
        assertTrue(!steady.reason().contains("without speech"), steady.reason());
        assertTrue(steady.score() > scored.score(), steady + " vs " + scored);
        assertEquals(null, HeuristicScorer.deadAir(talking, s.subList(0, 3)), "0.9 s between sentences is a breath");
    }

    private static Sentence sentence(int id, double from, double to, String text) {
        return new Sentence(id, Duration.ofMillis(Math.round(from * 1000)), Duration.ofMillis(Math.round(to * 1000)),
                text, List.of());
    }

    @Test
    void hookTextKeepsTenWords() {
        assertEquals("one two three four five six seven eight nine ten…",
                HeuristicScorer.hookText("one two three four five six seven eight nine ten eleven"));
    }

    private static ScoredClip clip(int startS, int endS, int score) {
        return new ScoredClip(new Candidate(0, 0, Duration.ofSeconds(startS), Duration.ofSeconds(endS), false), score,
                new ClipCandidate.SubScores(0, 0, 0, 0, 0), "", "");
    }

    @Test
    void suppressionDropsClipsOverlappingABetterOneByMoreThanHalf() {
        List<ScoredClip> kept = ClipSelector.suppress(List.of(clip(0, 40, 70), clip(15, 55, 90), clip(30, 70, 60),
                clip(60, 100, 50)));
        // 15-55 wins; 0-40 shares 25/40; 30-70 shares 25/40; 60-100 shares nothing with it, 10/40 with 30-70
        assertEquals(List.of(90, 50), kept.stream().map(ScoredClip::score).toList());
    }

    @Test
    void aMaxOverlapOfZeroKeepsClipsThatRepeatNothing() {
        List<ScoredClip> scored = List.of(clip(0, 40, 70), clip(20, 60, 90), clip(50, 90, 80), clip(60, 100, 60));
        // 20-60 wins. At 0.5: 50-90 shares 10/40 with it and 0-40 20/40, both stay; 60-100 shares 30/40 with 50-90.
        // At 0: 50-90 and 0-40 share seconds with 20-60 and go; 60-100 only touches it and stays
        assertEquals(List.of(90, 80, 70), ClipSelector.suppress(scored).stream().map(ScoredClip::score).toList());
        assertEquals(List.of(90, 60), ClipSelector.suppress(scored, 0).stream().map(ScoredClip::score).toList());
        assertEquals(List.of(90, 60), ClipSelector.select(scored, Duration.ofMinutes(2), OptionalInt.empty(), 0)
                .stream().map(ScoredClip::score).toList());
    }

    @Test
    void countTargetsFollowTheReferenceFormulas() {
        assertEquals(3, ClipSelector.shortlist(Duration.ofSeconds(60)));
        assertEquals(8, ClipSelector.shortlist(Duration.ofMinutes(10)));
        assertEquals(10, ClipSelector.shortlist(Duration.ofHours(1)));
        assertEquals(3, ClipSelector.floor(3));
        assertEquals(6, ClipSelector.floor(10));
        assertEquals(6, ClipSelector.ceiling(3));
        assertEquals(12, ClipSelector.ceiling(10));
    }

    @Test
    void selectionFillsToTheFloorKeepsGoodOnesToTheCeilingAndObeysCount() {
        List<ScoredClip> many = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            many.add(clip(i * 60, i * 60 + 45, i < 4 ? 80 : 30));
        }
        Duration hour = Duration.ofHours(1); // n = 10: floor 6, ceiling 12
        assertEquals(6, ClipSelector.select(many, hour, OptionalInt.empty()).size());
        for (int i = 4; i < 20; i++) {
            many.set(i, clip(i * 60, i * 60 + 45, 70));
        }
        assertEquals(12, ClipSelector.select(many, hour, OptionalInt.empty()).size());
        assertEquals(3, ClipSelector.select(many, hour, OptionalInt.of(3)).size());
    }

    @Test
    void noClipsSaysWhyInTheVideosTerms() {
        DurationBand band = new DurationBand(Duration.ofSeconds(30), Duration.ofSeconds(60));
        assertEquals("The video is 0:20 long, shorter than the shortest clip (--min 30); try a lower --min.",
                ClipFinder.noClips(band, Duration.ofMillis(20_400), false));
        assertTrue(ClipFinder.noClips(band, Duration.ofMinutes(5), true).contains("starts and ends on a sentence"));
        String silent = ClipFinder.noClips(band, Duration.ofMinutes(5), false);
        assertTrue(silent.contains("at a pause in the sound (there is no transcript)"), silent);
    }

    @Test
    void noClipsNeverAdvisesAMinBelowTheLowest() {
        DurationBand lowest = DurationBand.of(Duration.ofSeconds(5), Duration.ofSeconds(10));
        assertEquals("The video is 0:04 long, shorter than the shortest clip (--min 5), which is the lowest there is:"
                + " the video is too short for a clip.", ClipFinder.noClips(lowest, Duration.ofMillis(4_200), false));
    }

    @Test
    void fewerClipsThanAskedForSaysWhyAndWhatToChange() {
        ClipFinder.Options options = new ClipFinder.Options(DurationBand.MEDIUM, java.util.OptionalInt.of(3),
                java.util.Optional.empty(), java.util.Optional.empty(), dev.tagline.video.signal.DecodeOptions.DEFAULT,
                java.util.Optional.empty(), FinderModels.none());
        assertEquals("Asked for 3 clips; only 2 of 30-60 s fit without sharing more than 50 % with a better one: try"
                + " a wider --min/--max, a higher --max-overlap, or a longer video.",
                ClipFinder.fewerThanAsked(3, 2, options));
    }
}
