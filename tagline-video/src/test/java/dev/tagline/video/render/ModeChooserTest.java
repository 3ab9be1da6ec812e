package dev.tagline.video.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

class ModeChooserTest {
    static final ModeChooser CHOOSER = new ModeChooser(1920, 1080, Aspect.PORTRAIT, 30);

    /** Samples at 5 fps over {@code [from, to)} seconds. */
    static List<FrameSample> samples(double from, double to, IntFunction<FrameSample> at) {
        List<FrameSample> out = new ArrayList<>();
        for (int ms = (int) (from * 1000); ms < to * 1000; ms += 200) {
            out.add(at.apply(ms));
        }
        return out;
    }

    static FrameSample face(int ms, Rect face, Rect content) {
        return new FrameSample(Duration.ofMillis(ms), face == null ? List.of() : List.of(face), content, false);
    }

    static final Rect TALKING_HEAD = new Rect(800, 300, 300, 340);
    static final Rect INSET_FACE = new Rect(1650, 800, 120, 140);

    @Test
    void oneFaceIsTrackedWithACropPath() {
        List<Scene> scenes = CHOOSER.choose(samples(0, 5, ms -> face(ms, TALKING_HEAD, null)), List.of(),
                Duration.ofSeconds(5), null);
        assertEquals(1, scenes.size());
        assertEquals(ReframeMode.TRACK, scenes.get(0).mode());
        assertEquals(950 - 304, scenes.get(0).cropPath().xAt(Duration.ofSeconds(2)), 1);
    }

    @Test
    void groupsAndEmptyFramesArePadded() {
        List<FrameSample> two = samples(0, 4, ms -> new FrameSample(Duration.ofMillis(ms),
                List.of(TALKING_HEAD, new Rect(200, 300, 300, 340)), null, false));
        assertEquals(ReframeMode.BLUR_PAD, CHOOSER.decide(two));
        assertEquals(ReframeMode.BLUR_PAD, CHOOSER.decide(samples(0, 4, ms -> face(ms, null, null))));
    }

    @Test
    void screenContentWithAWebcamInsetIsStacked() {
        Rect slide = new Rect(40, 60, 1350, 900);
        List<Scene> scenes = CHOOSER.choose(samples(0, 4, ms -> face(ms, INSET_FACE, slide)), List.of(),
                Duration.ofSeconds(4), null);
        assertEquals(ReframeMode.SCREENCAST, scenes.get(0).mode());
        ScreenLayout layout = scenes.get(0).layout();
        assertNotNull(layout);
        assertEquals(slide, layout.content());
        assertTrue(layout.speaker().x() <= INSET_FACE.x() && layout.speaker().x() + layout.speaker().width()
                >= INSET_FACE.x() + INSET_FACE.width(), "the speaker box holds the face: " + layout.speaker());
    }

    @Test
    void aSmallFaceAmidTheContentIsLetteringNotAWebcam() {
        // a dark slide, 1280x720: BlazeFace took the title's "t" for a 72x104 face, inside the slide's text
        ModeChooser chooser = new ModeChooser(1280, 720, Aspect.PORTRAIT, 30);
        Rect slide = new Rect(120, 90, 900, 520);
        Rect letter = new Rect(178, 110, 72, 104);
        assertEquals(ReframeMode.BLUR_PAD, chooser.decide(samples(0, 4, ms -> face(ms, letter, slide))),
                "padded, not a screencast stack of a letter blown up 15 times");
        // the same "face" in a few frames only, beside the content: not a webcam either
        Rect beside = new Rect(1150, 600, 72, 104);
        assertEquals(ReframeMode.BLUR_PAD, chooser.decide(samples(0, 4, ms -> face(ms, ms < 1000 ? beside : null,
                slide))), "an inset is there all along");
        assertEquals(ReframeMode.SCREENCAST, chooser.decide(samples(0, 4, ms -> face(ms, beside, slide))));
    }

    @Test
    void fullWidthContentIsPaddedNotStacked() {
        assertEquals(ReframeMode.BLUR_PAD, CHOOSER.decide(samples(0, 4, ms -> face(ms, INSET_FACE,
                new Rect(0, 0, 1900, 1000)))));
    }

    @Test
    void scenesFollowCutsAndAShortSceneBetweenAgreeingNeighboursJoinsThem() {
        List<FrameSample> s = new ArrayList<>(samples(0, 4, ms -> face(ms, TALKING_HEAD, null)));
        s.addAll(samples(4, 5, ms -> face(ms, null, null)));
        s.addAll(samples(5, 9, ms -> face(ms, TALKING_HEAD, null)));
        List<Scene> scenes = CHOOSER.choose(s, List.of(Duration.ofSeconds(4), Duration.ofSeconds(5)),
                Duration.ofSeconds(9), null);
        assertEquals(3, scenes.size());
        assertEquals(List.of(ReframeMode.TRACK, ReframeMode.TRACK, ReframeMode.TRACK),
                scenes.stream().map(Scene::mode).toList());
        assertEquals(Duration.ofSeconds(4), scenes.get(1).start());
    }

    @Test
    void aForcedModeAppliesToEveryScene() {
        List<Scene> scenes = CHOOSER.choose(samples(0, 4, ms -> face(ms, TALKING_HEAD, null)),
                List.of(Duration.ofSeconds(2)), Duration.ofSeconds(4), ReframeMode.SCREENCAST);
        assertEquals(List.of(ReframeMode.BLUR_PAD, ReframeMode.BLUR_PAD), scenes.stream().map(Scene::mode).toList(),
                "screencast without screen content falls back to blur-pad");
    }

    static FrameSample screen(int ms, Rect face, Rect content, Rect activity) {
        return new FrameSample(Duration.ofMillis(ms), face == null ? List.of() : List.of(face), content, false,
                activity);
    }

    static final Rect EDITOR = new Rect(20, 40, 1860, 1000);

    /** Typing at x 1200–1260 on every other sample (a keystroke burst, then a pause). */
    static FrameSample typing(int ms) {
        return screen(ms, null, EDITOR, ms % 400 == 0 ? new Rect(1200, 500, 60, 20) : null);
    }

    @Test
    void aScreenBeingWorkedOnWithoutAWebcamIsCroppedStillOverTheActivity() {
        List<Scene> scenes = CHOOSER.choose(samples(0, 6, ModeChooserTest::typing), List.of(), Duration.ofSeconds(6),
                null);
        assertEquals(ReframeMode.SCREEN_CROP, scenes.get(0).mode());
        Scene s = scenes.get(0);
        assertEquals(720, s.cropWidth(), "2/3 of the 1080 px height: 16 px code comes out 24 px tall");
        assertEquals(1, s.cropPath().keys().stream().mapToDouble(CropPath.Key::x).distinct().count(),
                "typing in one place: a still window, " + s.cropPath());
        assertEquals(1230 - 360, s.cropPath().xAt(Duration.ofSeconds(3)), 1);
    }

    @Test
    void aStillSlideIsPaddedAndAWebcamOrATalkingHeadKeepTheirModes() {
        assertEquals(ReframeMode.BLUR_PAD, CHOOSER.decide(samples(0, 4, ms -> screen(ms, null, EDITOR, null))),
                "a still slide is shown whole");
        assertEquals(ReframeMode.BLUR_PAD, CHOOSER.decide(samples(0, 4, ms -> screen(ms, null, EDITOR,
                ms == 1000 ? new Rect(900, 500, 60, 20) : null))), "one change in 4 s (a build step) is not work");
        assertEquals(ReframeMode.SCREENCAST, CHOOSER.decide(samples(0, 4, ms -> screen(ms, INSET_FACE,
                new Rect(40, 60, 1350, 900), new Rect(600, 500, 60, 20)))));
        assertEquals(ReframeMode.TRACK, CHOOSER.decide(samples(0, 4, ms -> screen(ms, TALKING_HEAD, EDITOR,
                new Rect(900, 300, 300, 340)))));
        assertEquals(ReframeMode.SCREEN_CROP, CHOOSER.decide(samples(0, 4, ms -> screen(ms, null,
                new Rect(300, 100, 560, 800), new Rect(400 + ms % 1000 / 2, 500, 20, 20)))),
                "dogfood round 3: code typed in the left half of an editor (short lines) is a screen being worked on");
        assertEquals(ReframeMode.SCREEN_CROP, CHOOSER.decide(samples(0, 4, ms -> screen(ms, null,
                new Rect(300, 100, 700, 800), null))), "still code in 36 % of the width: shown in a window, bigger");
    }

    @Test
    void theWindowCutsToTypingThatMovesAcrossTheScreenAndHoldsStillAlongALine() {
        // typing along a line on the left for 3 s (the cursor moves 400 px), then in a terminal on the far right
        List<Scene> scenes = CHOOSER.choose(samples(0, 8, ms -> screen(ms, null, EDITOR,
                ms < 3000 ? new Rect(200 + ms * 400 / 3000, 500, 20, 20) : new Rect(1600, 800, 60, 20))), List.of(),
                Duration.ofSeconds(8), null);
        CropPath path = scenes.get(0).cropPath();
        double x = path.xAt(Duration.ofMillis(200));
        assertTrue(x <= 200 && x + 720 >= 613, "the window holds the whole line typed at 200–613: " + x);
        assertEquals(x, path.xAt(Duration.ofMillis(2700)), 1, "…without swaying along it");
        assertEquals(1200, path.xAt(Duration.ofMillis(3000)), 1, "a cut, not a pan: the terminal is on screen at once");
        assertEquals(1200, path.xAt(Duration.ofMillis(7800)), 1);
        assertEquals(2, path.keys().stream().mapToDouble(CropPath.Key::x).distinct().count(), path.toString());
    }

    @Test
    void oneStrayChangeElsewhereDoesNotMoveTheWindow() {
        CropPath path = CHOOSER.choose(samples(0, 6, ms -> screen(ms, null, EDITOR, ms == 3000
                ? new Rect(1700, 1000, 40, 20) : new Rect(400, 500, 60, 20))), List.of(), Duration.ofSeconds(6), null)
                .get(0).cropPath();
        assertEquals(List.of(70.0), path.keys().stream().map(CropPath.Key::x).distinct().toList(),
                "the clock in the status bar ticking once is not where the work is: " + path);
    }

    @Test
    void theWindowIsWideEnoughForWhatIsTypedWithinAFewSeconds() {
        java.util.function.IntFunction<FrameSample> line = ms -> screen(ms, null, EDITOR,
                new Rect(100 + ms % 5000 * 900 / 5000, 500, 20, 20)); // a line at x 100–984 typed every 5 s
        assertEquals(720, ScreenCamera.width(samples(0, 6, ms -> screen(ms, null, EDITOR,
                new Rect(300, 500, 300, 20))), CHOOSER.baseWidth(), 1920), "2/3 of the height at the least");
        int wide = ScreenCamera.width(samples(0, 20, line), CHOOSER.baseWidth(), 1920);
        assertEquals(884, wide, "a long line stays whole");
        assertEquals(720, ScreenCamera.width(samples(0, 6, ms -> screen(ms, null, EDITOR,
                new Rect(0, 0, 1900, 10))), CHOOSER.baseWidth(), 1920), "scrolling changes everything: no place");
        assertEquals(1080, ScreenCamera.width(List.of(), 1280, 1080), "never wider than the screen (a portrait one)");
        assertEquals(1080, (int) new ModeChooser(1920, 1080, Aspect.SQUARE, 30).baseWidth(),
                "a square output takes a square window");
    }

    @Test
    void aForcedScreenCropOnAStillScreenSitsOverTheContent() {
        List<Scene> scenes = CHOOSER.choose(samples(0, 4, ms -> screen(ms, null, new Rect(100, 40, 800, 1000), null)),
                List.of(), Duration.ofSeconds(4), ReframeMode.SCREEN_CROP);
        assertEquals(ReframeMode.SCREEN_CROP, scenes.get(0).mode());
        assertEquals(800, scenes.get(0).cropWidth(), "a still window at least as wide as the content");
        assertEquals(100, scenes.get(0).cropPath().xAt(Duration.ofSeconds(2)), 1);
    }

    @Test
    void activityIsWhereTheScreenChangedInsideTheContent() {
        int w = 320;
        int h = 180;
        byte[] before = new byte[w * h * 3];
        byte[] after = before.clone();
        for (int y = 100; y < 108; y++) {
            for (int x = 200; x < 230; x++) {
                int i = (y * w + x) * 3;
                after[i] = after[i + 1] = after[i + 2] = (byte) 220;
            }
        }
        after[(10 * w + 5) * 3] = (byte) 255; // one stray pixel far away: trimmed off
        Rect all = new Rect(0, 0, w, h);
        Rect a = ScreenActivity.changed(before, after, w, h, all);
        assertNotNull(a);
        assertEquals(200, a.x(), 2);
        assertEquals(229, a.x() + a.width() - 1, 2);
        assertEquals(null, ScreenActivity.changed(before, after, w, h, new Rect(0, 0, 150, 180)),
                "a change outside the content box is not the screen's activity");
        assertEquals(null, ScreenActivity.changed(null, after, w, h, all), "no frame before the first");
        byte[] noisy = before.clone();
        for (int i = 0; i < noisy.length; i += 7) {
            noisy[i] = (byte) 20;
        }
        assertEquals(null, ScreenActivity.changed(before, noisy, w, h, all), "compression-sized noise is no change");
    }

    @Test
    void screenContentIsTheDetailOutsideTheFaces() {
        int w = 320;
        int h = 180;
        byte[] rgb = new byte[w * h * 3];
        java.util.Arrays.fill(rgb, (byte) 255);
        for (int y = 20; y < 160; y += 12) {
            for (int x = 10; x < 220; x++) {
                for (int dy = 0; dy < 4; dy++) {
                    int i = ((y + dy) * w + x) * 3;
                    rgb[i] = rgb[i + 1] = rgb[i + 2] = 0;
                }
            }
        }
        Rect content = ScreenContent.find(rgb, w, h, List.of());
        assertNotNull(content);
        assertEquals(10, content.x(), 1);
        assertEquals(210, content.width(), 2);
        byte[] flat = new byte[w * h * 3];
        assertEquals(null, ScreenContent.find(flat, w, h, List.of()));
        assertEquals(null, ScreenContent.find(rgb, w, h, List.of(new Rect(60, 40, 100, 100))),
                "detail around a face is the person, not screen content");
    }
}
