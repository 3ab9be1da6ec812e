package dev.tagline.video.signal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The change logic with a scripted reader standing in for OCR: which frames are read, and what counts as new. */
class ScreenTextAnalyserTest {
    @Test
    void readsEveryIntervalAndAtCutsAndReportsNewText() {
        Map<Long, List<String>> script = Map.of(0L, List.of("Intro to Git"), 50L, List.of("intro to git!"),
                60L, List.of("Branches and merges"), 100L, List.of("Branches and merges", "git switch -c"));
        List<Long> read = Collections.synchronizedList(new ArrayList<>());
        ScreenTextReader reader = frame -> {
            read.add(frame.index());
            return script.getOrDefault(frame.index(), List.of());
        };
        SceneCutAnalyser cuts = new SceneCutAnalyser();
        ScreenTextAnalyser text = new ScreenTextAnalyser(reader, cuts, Duration.ofSeconds(2));
        for (int i = 0; i < 120; i++) {
            VideoFrame frame = i < 60 ? Synth.solid(i, 25, 200, 30, 30) : Synth.solid(i, 25, 30, 30, 200);
            cuts.onFrame(frame);
            text.onFrame(grain(frame)); // a moving picture: every frame read differs from the last one read
        }
        List<ScreenTextAnalyser.TextChange> changes = text.changes();
        assertEquals(List.of(0L, 50L, 60L, 110L), read, "every 2 s at 25 fps, and at the cut at frame 60");
        assertEquals(2, changes.size(), changes.toString());
        assertEquals(Duration.ZERO, changes.get(0).time());
        assertEquals(Duration.ofMillis(2400), changes.get(1).time());
        assertEquals(List.of(Duration.ZERO, Duration.ofMillis(2400), Duration.ofMillis(4400)),
                text.timeline().stream().map(ScreenTextAnalyser.TextChange::time).toList(),
                "the timeline also has the reading at frame 110 that found the text gone");
        assertEquals(List.of(), text.timeline().get(2).lines());
    }

    @Test
    void aNewTextKeepsTheTitleTheReaderSawSetBigger() {
        ScreenTextReader reader = new ScreenTextReader() {
            @Override
            public List<String> read(VideoFrame frame) {
                return readWithTitle(frame).lines();
            }

            @Override
            public Reading readWithTitle(VideoFrame frame) {
                if (frame.index() < 50) {
                    return new Reading(List.of("Git  branching", "Crrata, swtch cnd merge"), 0, List.of(0.99, 0.81));
                }
                return new Reading(List.of("Rlergeikgnflicts", "git merge feature"), 0, List.of(0.62, 0.97));
            }
        };
        ScreenTextAnalyser text = new ScreenTextAnalyser(reader, new SceneCutAnalyser(), Duration.ofSeconds(2));
        for (int i = 0; i < 100; i++) {
            text.onFrame(grain(Synth.solid(i, 25, 200, 30, 30)));
        }
        List<ScreenTextAnalyser.TextChange> changes = text.changes();
        assertEquals(2, changes.size(), changes.toString());
        assertEquals("Git branching", changes.get(0).title(), "spacing tidied as in the clip's lines");
        assertEquals(List.of("Git  branching"), changes.get(0).legible(), "a garbled line is not quoted");
        assertEquals(List.of("Git  branching", "Crrata, swtch cnd merge"), changes.get(0).lines(),
                "but counts for the change");
        assertEquals("", changes.get(1).title(), "a garbled title is no title");
        assertEquals(List.of("git merge feature"), changes.get(1).legible());
    }

    @Test
    void theTitleIsTheLineClearlyTallerThanTheRest() {
        List<String> slide = List.of("File Edit View", "Git branching", "Create, switch and merge branches today");
        assertEquals(1, PaddleScreenText.title(slide, new double[] {14, 40, 20}));
        assertEquals(0, PaddleScreenText.title(List.of("Git branching", "Create and merge branches"),
                new double[] {43, 22}), "two lines: against the other one, 1.95 times (the mean would give 1.32)");
        assertEquals(-1, PaddleScreenText.title(slide, new double[] {20, 24, 20}), "1.2 times the median: body text");
        assertEquals(-1, PaddleScreenText.title(List.of("Git branching"), new double[] {40}), "one line: no contrast");
        assertEquals(-1, PaddleScreenText.title(List.of("10:42", "Git branching"), new double[] {80, 20}),
                "a clock is not text, which leaves one line");
        assertEquals(2, PaddleScreenText.title(List.of("ab", "Menu bar", "Big title", "small print"),
                new double[] {90, 14, 40, 14}), "two letters are not text however tall");
    }

    @Test
    void aStillPictureIsReadOnceAndANewWordIsReadAgain() {
        List<Long> read = Collections.synchronizedList(new ArrayList<>());
        ScreenTextAnalyser text = new ScreenTextAnalyser(frame -> {
            read.add(frame.index());
            return List.of(frame.index() < 100 ? "Intro to Git" : "Intro to Git branches");
        }, new SceneCutAnalyser(), Duration.ofSeconds(2));
        for (int i = 0; i < 150; i++) {
            VideoFrame frame = Synth.solid(i, 25, 240, 240, 240);
            if (i >= 100) {
                paint(frame, 20, 10, 6, 3, 20); // a dark word appears bottom right: a few pixels of one block
            }
            text.onFrame(frame);
        }
        text.finish(Duration.ofSeconds(6));
        assertEquals(List.of(0L, 100L), read, "the still frames at 50 and 125 look the same as the last one read");
        assertEquals(1, text.changes().size(), "one new word of four is not new text (distance 0.25)");
    }

    /**
     * Dogfood G3: code typed a line at a time (three new words per reading) never differed from the reading before by
     * half its words after the second line, so an editor that filled up for a minute had its last new text at the
     * second line. Growth since the last new text now counts: a new text each time the words on screen double.
     */
    @Test
    void typingALineAtATimeWasNewTextOnlyAtTheFirstLines_nowEachTimeTheWordsDouble() {
        List<String> code = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            code.add("alpha" + i + " beta" + i + " gamma" + i);
        }
        int[] next = {0};
        ScreenTextAnalyser text = new ScreenTextAnalyser(frame -> code.subList(0, ++next[0]), new SceneCutAnalyser(),
                Duration.ofSeconds(1));
        for (int i = 0; i < code.size() * 25; i++) {
            text.onFrame(grain(Synth.solid(i, 25, 30, 30, 30)));
        }
        assertEquals(List.of(Duration.ZERO, Duration.ofSeconds(1), Duration.ofSeconds(3), Duration.ofSeconds(7)),
                text.changes().stream().map(ScreenTextAnalyser.TextChange::time).toList(),
                "lines 1 and 2, then 4 (12 words, 6 at the last new text), then 8: " + text.changes());
        assertEquals(0.5, text.changes().get(3).change(), 1e-9, "24 words against the 12 of the last new text");
        assertEquals(code.subList(0, 8), text.changes().get(3).lines());

        // a misread word that differs in every reading of one slide does not add up to new text
        List<List<String>> misread = List.of(List.of("Replay your commits on top of the main branch"),
                List.of("Replay your commits on top of the maln branch"),
                List.of("Replay your commits on top of the rnain branch"),
                List.of("Replay your commits on top of the mair branch"),
                List.of("Replay your cornrnits on top of the main branch"));
        int[] k = {0};
        ScreenTextAnalyser slide = new ScreenTextAnalyser(frame -> misread.get(k[0]++), new SceneCutAnalyser(),
                Duration.ofSeconds(1));
        for (int i = 0; i < misread.size() * 25; i++) {
            slide.onFrame(grain(Synth.solid(i, 25, 30, 30, 30)));
        }
        assertEquals(1, slide.changes().size(), slide.changes()::toString);
    }

    @Test
    void theSameTextSpacedDifferentlyIsNotNewText() {
        // PaddleOCR on one title in consecutive readings (benchmark video): the space is restored, then not
        List<List<String>> readings = List.of(List.of("Part 0"), List.of("Part0"), List.of("Part-0"),
                List.of("Part 0"), List.of("Part1"), List.of("Part 1"));
        int[] next = {0};
        ScreenTextAnalyser text = new ScreenTextAnalyser(frame -> readings.get(next[0]++), new SceneCutAnalyser(),
                Duration.ofSeconds(1));
        for (int i = 0; i < readings.size() * 25; i++) {
            text.onFrame(grain(Synth.solid(i, 25, 90, 90, 90)));
        }
        assertEquals(List.of(Duration.ZERO, Duration.ofSeconds(4)),
                text.changes().stream().map(ScreenTextAnalyser.TextChange::time).toList(),
                "the title counts once, and again when it becomes Part 1: " + text.changes());
        assertEquals("part0", ScreenTextAnalyser.letters(List.of("Part -", "0!")));
    }

    @Test
    void aTickingClockOrTimecodeIsNotNewText() {
        // auto-editor's example.mp4: a burned-in timecode on a plain background, read by PaddleOCR every few seconds
        List<List<String>> readings = List.of(List.of("01:00:01:14"), List.of("01:00:03;02"), List.of("01:00:05:13"),
                List.of("Lesson 2", "10:42"), List.of("Lesson 2", "10:43"), List.of("Lesson 3", "10:43"));
        int[] next = {0};
        ScreenTextAnalyser text = new ScreenTextAnalyser(frame -> readings.get(next[0]++), new SceneCutAnalyser(),
                Duration.ofSeconds(1));
        for (int i = 0; i < readings.size() * 25; i++) {
            text.onFrame(grain(Synth.solid(i, 25, 90, 90, 90)));
        }
        assertEquals(List.of(Duration.ofSeconds(3), Duration.ofSeconds(5)),
                text.changes().stream().map(ScreenTextAnalyser.TextChange::time).toList(),
                "the lesson titles count, the clock and the timecode do not: " + text.changes());
        assertEquals(java.util.Set.of("python", "3", "12"), ScreenTextAnalyser.words(List.of("Python 3.12")),
                "a version number is not a clock");
    }

    @Test
    void blocksDecideWhetherTwoFramesLookTheSame() {
        VideoFrame a = grain(0, 120, 120, 120);
        VideoFrame noisy = copy(a);
        Random random = new Random(7);
        for (int i = 0; i < noisy.rgb().length; i++) {
            noisy.rgb()[i] = (byte) Math.max(0, Math.min(255, (noisy.rgb()[i] & 0xff) + random.nextInt(5) - 2));
        }
        assertTrue(ScreenTextAnalyser.looksTheSame(a, noisy), "coding noise of ±2 levels is the same picture");
        VideoFrame word = copy(a);
        paint(word, 17, 2, 4, 2, 255); // 8 pixels of 576, inside one 16×16 block
        assertFalse(ScreenTextAnalyser.looksTheSame(a, word), "8 changed pixels in one block are a change");
        VideoFrame edge = copy(a);
        paint(edge, 31, 17, 1, 1, 0); // the last pixel, in a partial 16×2 block
        paint(edge, 30, 16, 1, 1, 0);
        assertFalse(ScreenTextAnalyser.looksTheSame(a, edge), "the partial blocks at the edges count too");
    }

    @Test
    void aReadersFailureStopsThePass() {
        IllegalStateException broken = new IllegalStateException("model broke");
        List<Long> read = Collections.synchronizedList(new ArrayList<>());
        ScreenTextAnalyser text = new ScreenTextAnalyser(frame -> {
            read.add(frame.index());
            throw broken;
        }, new SceneCutAnalyser(), Duration.ofSeconds(1));
        RuntimeException thrown = assertThrows(RuntimeException.class, () -> {
            for (int i = 0; i < 500; i++) {
                text.onFrame(grain(i, 100, 100, 100));
            }
            text.finish(Duration.ofSeconds(20));
        });
        assertSame(broken, thrown);
        assertEquals(1, read.size(), "the first failure stops the pass: " + read);
    }

    /** A 32×18 frame of colour ({@code r},{@code g},{@code b}) with coarse grain that differs from frame to frame. */
    private static VideoFrame grain(long index, int r, int g, int b) {
        return grain(Synth.solid(index, 25, r, g, b));
    }

    private static VideoFrame grain(VideoFrame frame) {
        Random random = new Random(frame.index());
        byte[] rgb = frame.rgb();
        for (int i = 0; i < rgb.length; i++) {
            rgb[i] = (byte) Math.max(0, Math.min(255, (rgb[i] & 0xff) + random.nextInt(41) - 20));
        }
        return frame;
    }

    private static VideoFrame copy(VideoFrame f) {
        return new VideoFrame(f.index(), f.time(), f.width(), f.height(), f.rgb().clone());
    }

    private static void paint(VideoFrame frame, int x0, int y0, int w, int h, int grey) {
        for (int y = y0; y < y0 + h; y++) {
            for (int x = x0; x < x0 + w; x++) {
                int i = (y * frame.width() + x) * 3;
                frame.rgb()[i] = (byte) grey;
                frame.rgb()[i + 1] = (byte) grey;
                frame.rgb()[i + 2] = (byte) grey;
            }
        }
    }
}
