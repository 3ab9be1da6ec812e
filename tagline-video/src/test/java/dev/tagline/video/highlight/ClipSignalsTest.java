package dev.tagline.video.highlight;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
     * Where a clip's text is read again: at its start (what the pass read at 30 s may have changed by 40 s, and where
     * the pass saw nothing the source may show small text), then at each new text during it, a few per clip.
     */
    @Test
    void aClipsTextIsReadAgainAtItsStartAndAtEachNewText() {
        ClipSignals signals = signals();
        assertEquals(List.of(s(40), Duration.ofMillis(59_500)), moments(signals, 40, 60),
                "the slide since 30 s; the screen is blank from 50 s; and the clip's last frame");
        assertEquals(List.of(s(0), s(30), s(70)), moments(signals, 0, 80));
        assertEquals(List.of(s(55), Duration.ofMillis(64_500)), moments(signals, 55, 65),
                "blank to the pass, which reads from 256 px frames");
        assertEquals(List.of(s(30), Duration.ofMillis(44_500)), moments(signals, 30, 45),
                "a clip that starts with a new text");
        List<TextChange> many = new java.util.ArrayList<>();
        for (int i = 0; i < 10; i++) {
            many.add(new TextChange(s(i * 5), List.of("Slide " + i), 1));
        }
        ClipSignals slides = new ClipSignals(s(100), Optional.empty(), Optional.empty(), List.of(), List.of(), many,
                List.of(), false);
        assertEquals(List.of(s(7), s(10), s(15)), moments(slides, 7, 50),
                "at most " + SharpScreenText.PER_CLIP + " per clip, from its start");
    }

    /**
     * Dogfood G3: in a screencast whose 20 px code the pass read nowhere (no text at 256 px), clips were not read
     * again at all and had no on-screen text; and a clip's text was read only where the pass saw new text, so what
     * was typed after that was never read. Now every clip's first frame is read, and its last one (half a second
     * before its end) unless a moment already read is near it or the clip has {@value SharpScreenText#PER_CLIP}.
     */
    @Test
    void aClipWhoseTextThePassCouldNotReadWasNotReadAgain_nowItsFirstAndLastFramesAre() {
        ClipSignals none = new ClipSignals(s(72), Optional.empty(), Optional.empty(), List.of(), List.of(), List.of(),
                List.of(), false);
        assertEquals(List.of(s(25), Duration.ofMillis(45_500)), moments(none, 25, 46));
        ClipSignals signals = signals();
        assertEquals(List.of(s(25), s(30)), moments(signals, 25, 32), "the new text at 30 s stands for 31.5 s");
        assertEquals(List.of(s(20), s(30), Duration.ofMillis(39_500)), moments(signals, 20, 40));
    }

    /**
     * Dogfood G3: an editor shows more lines at a clip's start than a clip keeps (8), so the terminal lines typed
     * during the clip, what it is about, never made it; and a command read half typed at the start and whole later,
     * or one line misread differently in two readings, was two lines.
     */
    @Test
    void theLinesTypedDuringAClipWereCutByTheLineLimit_nowOnlyTheFirstLinesOnScreenBeforeThemStay() {
        List<String> editor = new java.util.ArrayList<>(List.of("server.py", "import j son", "README .md",
                "class Hello(BaseHTTPRequestHandler):", "def do_GET(self):", "self.send_response(200)",
                "self.end_headers()", "self.wfile.write(body)", "if __name__ == '__main__':"));
        List<String> atStart = new java.util.ArrayList<>(editor);
        atStart.addAll(List.of("80o0),Hello).serve_forever()", "$ python3 server.py", "$ curl localho"));
        List<String> atEnd = new java.util.ArrayList<>(editor);
        atEnd.set(1, "import json");
        atEnd.addAll(List.of("8000),Hello).serve_forever()", "$python3 server.py", "$ curl localhost:8000",
                "{\"hello\": \"world\"}"));
        ClipSignals clip = new ClipSignals(s(72), Optional.empty(), Optional.empty(), List.of(), List.of(),
                List.of(new TextChange(s(50), atStart, 1), new TextChange(s(71), atEnd, 0.1)), List.of(), false);
        assertEquals(List.of("server.py", "import j son", "README .md", "class Hello(BaseHTTPRequestHandler):",
                "def do_GET(self):", "self.send_response(200)", "$ curl localhost:8000", "{\"hello\": \"world\"}"),
                clip.screenTextWithin(s(50), s(72), 8), "the start's lines from the top, then what was typed"
                        + " (\"$ curl localho\" typed on); \"import json\" and \"8000),Hello)\" are lines read again");
        assertEquals(List.of("server.py", "import j son", "README .md", "$ curl localhost:8000",
                "{\"hello\": \"world\"}"), clip.screenTextWithin(s(50), s(72), 5),
                "the first " + ScreenLines.START_LINES + " lines on screen at the start, then what was typed");
        ClipSignals title = new ClipSignals(s(60), Optional.empty(), Optional.empty(), List.of(), List.of(),
                List.of(new TextChange(s(0), List.of("Rebasing"), 1),
                        new TextChange(s(10), List.of("Rebasing", "Rebasing onto main"), 0.5)), List.of(), false);
        assertEquals(List.of("Rebasing", "Rebasing onto main"), title.screenTextWithin(s(0), s(20), 8),
                "a line still on screen is not one typed on");
        assertTrue(ScreenLines.same("8000helloserveforever", "80o0helloserveforever"));
        assertFalse(ScreenLines.same("selfsendresponse200", "selfsendresponse404"), "three characters in 19");
        assertFalse(ScreenLines.same("part1", "part2"), "too short to tell a misreading");
    }

    @Test
    void theTextLeavingTheScreenIsNotANewText() {
        assertEquals(1, signals().textChangesWithin(s(20), s(60)));
        assertEquals(1, signals().textChangesWithin(s(45), s(75)));
    }
}
