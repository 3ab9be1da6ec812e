package dev.tagline.video.highlight;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tagline.video.signal.ScreenTextAnalyser.TextChange;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ClipSignalsTest {
    private static Duration s(int seconds) {
        return Duration.ofSeconds(seconds);
    }

    /** A slide, another with a command under it, a blank screen from 50 s, a third slide at 70 s. */
    private static ClipSignals signals() {
        return new ClipSignals(s(100), Optional.empty(), Optional.empty(), List.of(), List.of(), List.of(
                new TextChange(s(0), List.of("Intro to Git", "10:42"), 1),
                new TextChange(s(30), List.of("Setting up  SSH keys", "ssh-keygen -t ed25519"), 1),
                new TextChange(s(50), List.of(), 1),
                new TextChange(s(70), List.of("Pushing", "intro to git"), 1)), List.of(), false);
    }

    @Test
    void aClipGetsTheTextOnScreenAtItsStartThenWhatAppears() {
        ClipSignals signals = signals();
        assertEquals(List.of("Setting up SSH keys", "ssh-keygen -t ed25519"), signals.screenTextWithin(s(40), s(60), 8),
                "on screen since 30 s");
        assertEquals(List.of(), signals.screenTextWithin(s(55), s(65), 8), "the screen is blank from 50 s");
        assertEquals(List.of("Intro to Git", "Setting up SSH keys", "ssh-keygen -t ed25519", "Pushing"),
                signals.screenTextWithin(s(0), s(80), 8), "the clock left out, a line seen again kept once");
        assertEquals(List.of("Intro to Git", "Setting up SSH keys"), signals.screenTextWithin(s(0), s(35), 2),
                "at most max lines");
    }

    @Test
    void aClipsTitleIsTheTitleOnScreenLongestDuringIt() {
        ClipSignals signals = new ClipSignals(s(100), Optional.empty(), Optional.empty(), List.of(), List.of(),
                List.of(new TextChange(s(0), List.of("Branching", "Create, switch and merge branches"), 1, "Branching"),
                        new TextChange(s(30), List.of("git switch -c feature"), 1),
                        new TextChange(s(60), List.of("Merging", "Fast-forward or a merge commit"), 1, "Merging")),
                List.of(), false);
        assertEquals("Branching", signals.screenTitleWithin(s(10), s(50)), "on screen at the start");
        assertEquals("Merging", signals.screenTitleWithin(s(35), s(90)), "the command has no title; the next does");
        assertEquals("", signals.screenTitleWithin(s(35), s(55)));
        ClipSignals deck = new ClipSignals(s(180), Optional.empty(), Optional.empty(), List.of(), List.of(),
                List.of(new TextChange(s(45), List.of("Rebasing"), 1, "Rebasing"),
                        new TextChange(s(90), List.of("Stashing"), 1, "Stashing"),
                        new TextChange(s(135), List.of("Cherry-pick"), 1, "Cherry-pick")), List.of(), false);
        assertEquals("Stashing", deck.screenTitleWithin(s(80), s(130)), "10 s of Rebasing, 40 s of Stashing");
        assertEquals("Rebasing", deck.screenTitleWithin(s(70), s(110)), "20 s each: the earlier");
    }

    @Test
    void onlyLegibleLinesAreQuoted() {
        ClipSignals signals = new ClipSignals(s(100), Optional.empty(), Optional.empty(), List.of(), List.of(),
                List.of(new TextChange(s(0), List.of("Git branching", "Crrata, swtch cnd merge"), 1, "Git branching",
                        List.of("Git branching"))), List.of(), false);
        assertEquals(List.of("Git branching"), signals.screenTextWithin(s(0), s(40), 8));
    }

    private static ScoredClip clip(int startS, int endS) {
        return new ScoredClip(new Candidate(0, 0, s(startS), s(endS), false), 50,
                new dev.tagline.core.manifest.ClipCandidate.SubScores(0, 0, 0, 0, 0), "", "");
    }

    private static List<Duration> moments(ClipSignals signals, int startS, int endS) {
        return SharpScreenText.moments(signals, clip(startS, endS)).stream().map(SharpScreenText.Moment::time)
                .toList();
    }

    /**
     * Where a clip's text is read again: at its start when the pass saw text there (what the pass read at 30 s may
     * have changed by 40 s), then at each new text during it, a few per clip.
     */
    @Test
    void aClipsTextIsReadAgainAtItsStartAndAtEachNewText() {
        ClipSignals signals = signals();
        assertEquals(List.of(s(40)), moments(signals, 40, 60), "the slide since 30 s; the screen is blank from 50 s");
        assertEquals(List.of(s(0), s(30), s(70)), moments(signals, 0, 80));
        assertEquals(List.of(), moments(signals, 55, 65), "a blank screen: nothing to read");
        assertEquals(List.of(s(30)), moments(signals, 30, 45), "a clip that starts with a new text");
        List<TextChange> many = new java.util.ArrayList<>();
        for (int i = 0; i < 10; i++) {
            many.add(new TextChange(s(i * 5), List.of("Slide " + i), 1));
        }
        ClipSignals slides = new ClipSignals(s(100), Optional.empty(), Optional.empty(), List.of(), List.of(), many,
                List.of(), false);
        assertEquals(List.of(s(7), s(10), s(15)), moments(slides, 7, 50),
                "at most " + SharpScreenText.PER_CLIP + " per clip, from its start");
    }

    @Test
    void theTextLeavingTheScreenIsNotANewText() {
        assertEquals(1, signals().textChangesWithin(s(20), s(60)));
        assertEquals(1, signals().textChangesWithin(s(45), s(75)));
    }
}
