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
        assertEquals(new Rect(2, 22, 1426, 976), layout.content(), "the slide and 2 % of the width (38 px) round it");
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
    void lightTypingInOnePlaceOnUnderAFifthOfTheSamplesWasAStillScreen_nowTheWindowFollowsIt() {
        // a few characters every 1.4 s at x 1200–1260: 8 changes in 50 samples (16 %), all in one place
        List<FrameSample> light = samples(0, 10, ms -> screen(ms, null, EDITOR,
                ms % 1400 == 0 ? new Rect(1200 + ms / 1400 * 4, 500, 60, 20) : null));
        Scene s = CHOOSER.choose(light, List.of(), Duration.ofSeconds(10), ReframeMode.SCREEN_CROP).get(0);
        assertEquals(720, s.cropWidth(), "a window over the typing, not the whole editor: " + s);
        assertEquals(1245 - 360, s.cropPath().xAt(Duration.ofSeconds(5)), 20, s.toString());
        assertEquals(ReframeMode.SCREEN_CROP, CHOOSER.decide(light), "a screen being worked on, in the automatic mode");

        // three changes in 10 s in one place (6 %), or on under a fifth of the samples in places far apart: still
        Scene few = CHOOSER.choose(samples(0, 10, ms -> screen(ms, null, EDITOR,
                ms % 3000 == 0 && ms > 0 ? new Rect(1200, 500, 60, 20) : null)), List.of(), Duration.ofSeconds(10),
                ReframeMode.SCREEN_CROP).get(0);
        assertTrue(shownWhole(few, EDITOR, Duration.ofSeconds(5)), "a still window over all the content: " + few);
        Scene scattered = CHOOSER.choose(samples(0, 10, ms -> screen(ms, null, EDITOR,
                ms % 1400 == 0 ? new Rect(100 + ms / 1400 % 4 * 450, 500, 60, 20) : null)), List.of(),
                Duration.ofSeconds(10), ReframeMode.SCREEN_CROP).get(0);
        assertTrue(shownWhole(scattered, EDITOR, Duration.ofSeconds(5)), "changes here and there: " + scattered);
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
        assertEquals(800 + 2 * 38, scenes.get(0).cropWidth(),
                "a still window at least as wide as the content, and 2 % of the width (38 px) on each side");
        assertEquals(100 - 38, scenes.get(0).cropPath().xAt(Duration.ofSeconds(2)), 1);
    }

    /** The dogfood deck (F1): 1280×720 dark slides, a 56 px title and "Step N" centred, one sample per 0.2 s. */
    static final ModeChooser SLIDES = new ModeChooser(1280, 720, Aspect.PORTRAIT, 30);
    /** "Commit Small and Often" / "Step 3": 60 % of the width, as measured on the dogfood frames. */
    static final Rect COMMIT = new Rect(252, 196, 768, 232);
    /** "Rebase Before You Merge" / "Step 4": 64 %. */
    static final Rect REBASE = new Rect(232, 196, 816, 232);

    static FrameSample slide(int ms, int changeAt, Rect before, Rect after) {
        return screen(ms, null, ms < changeAt ? before : after, ms == changeAt ? new Rect(268, 200, 738, 226) : null);
    }

    /** Whether the screen-crop window of {@code scene} holds {@code content} whole (other modes show the frame). */
    static boolean shownWhole(Scene scene, Rect content, Duration at) {
        if (scene.mode() != ReframeMode.SCREEN_CROP) {
            return scene.mode() == ReframeMode.BLUR_PAD || scene.mode() == ReframeMode.FIT;
        }
        double x = scene.cropPath().xAt(at.minus(scene.start()));
        return x <= content.x() && x + scene.cropWidth() >= content.x() + content.width();
    }

    @Test
    void aSlideChangeCountedAsWorkOnTheScreenAndTheWindowCutTheTitles_nowItIsACutAndEachSlideIsWhole() {
        // dogfood F1: the content detector saw no cut; the one change at 12 s made the scene "worked on", so the
        // window was 2/3 of the height (480 px) over the 768 px title: "mit Small and O"
        List<FrameSample> deck = samples(0, 17, ms -> slide(ms, 12000, COMMIT, REBASE));
        List<Scene> scenes = SLIDES.choose(deck, List.of(), Duration.ofSeconds(17), null);
        assertEquals(List.of(Duration.ZERO, Duration.ofMillis(11900)), scenes.stream().map(Scene::start).toList(),
                "the slide change is a cut, halfway between the samples before and at it");
        assertEquals(ReframeMode.SCREEN_CROP, scenes.get(0).mode(), "60 % of the width: narrow still content");
        assertTrue(scenes.get(0).cropWidth() >= 768 + 2 * 26, "the whole title and a margin: "
                + scenes.get(0).cropWidth());
        assertEquals(ReframeMode.BLUR_PAD, scenes.get(1).mode(), "64 %: a wide still slide is padded whole");
        for (FrameSample s : deck) {
            Scene scene = scenes.get(s.at().compareTo(scenes.get(1).start()) < 0 ? 0 : 1);
            assertTrue(shownWhole(scene, s.content(), s.at()), "at " + s.at() + ": " + scene);
        }
    }

    @Test
    void aStillScreenCropWindowHoldsEverySlideOfItsSceneNotTheMedianOne() {
        // a slide change too close to a pointer's move to be told from work is no cut: one scene, both slides
        Rect narrow = new Rect(500, 200, 300, 300);
        Rect wider = new Rect(300, 200, 900, 300);
        List<FrameSample> s = samples(0, 8, ms -> screen(ms, null, ms < 2000 ? narrow : wider,
                ms == 2000 ? wider : ms == 2400 ? new Rect(900, 400, 20, 20) : null));
        List<Scene> scenes = CHOOSER.choose(s, List.of(), Duration.ofSeconds(8), null);
        assertEquals(1, scenes.size());
        assertEquals(ReframeMode.SCREEN_CROP, scenes.get(0).mode(), "900 px of 1920: narrow");
        assertTrue(shownWhole(scenes.get(0), wider, Duration.ofSeconds(1))
                && shownWhole(scenes.get(0), narrow, Duration.ofSeconds(1)), scenes.get(0).toString());
        assertEquals(ReframeMode.BLUR_PAD, CHOOSER.decide(samples(0, 8, ms -> screen(ms, null,
                ms < 6000 ? narrow : new Rect(100, 200, 1500, 300), null))),
                "narrow for 6 s, then a wide slide: the window would hold both, so the scene is padded");
    }

    @Test
    void slideChangesAreCutsAndTypingScrollingAndAPasteAreNot() {
        Rect change = new Rect(300, 200, 1200, 400);
        // a hard cut, and a 0.6 s dissolve, each between still slides
        ScreenCuts.Split split = ScreenCuts.split(samples(0, 12, ms -> screen(ms, null, EDITOR,
                ms == 3000 || ms >= 7000 && ms <= 7400 ? change : null)), List.of());
        assertEquals(List.of(Duration.ofMillis(2900), Duration.ofMillis(6900)), split.at());
        assertTrue(split.samples().stream().allMatch(f -> f.activity() == null),
                "a transition is no work on the screen: " + split.samples());
        assertEquals(List.of(), ScreenCuts.split(samples(0, 6, ModeChooserTest::typing), List.of()).at(), "typing");
        assertEquals(List.of(), ScreenCuts.split(samples(0, 6, ms -> screen(ms, null, EDITOR,
                ms >= 2000 && ms < 4000 ? new Rect(20, 40, 1860, 1000) : null)), List.of()).at(),
                "two seconds of scrolling is work, not a slide change");
        assertEquals(List.of(), ScreenCuts.split(samples(0, 8, ms -> screen(ms, null, EDITOR,
                ms == 4000 ? change : ms % 400 == 0 && ms < 3600 ? new Rect(1200, 500, 60, 20) : null)), List.of())
                .at(), "a line pasted 0.4 s after typing");
        assertEquals(List.of(), ScreenCuts.split(samples(0, 8, ms -> screen(ms, null, EDITOR,
                ms == 4000 ? new Rect(900, 500, 60, 20) : null)), List.of()).at(), "one word: a build step, not a slide");
        ScreenCuts.Split detected = ScreenCuts.split(samples(0, 8, ms -> screen(ms, null, EDITOR,
                ms == 4000 ? change : null)), List.of(Duration.ofMillis(3900)));
        assertEquals(List.of(Duration.ofMillis(3900)), detected.at(), "the content detector's cut is not doubled");
        assertTrue(detected.samples().stream().allMatch(f -> f.activity() == null), "the change across it is gone");
    }

    @Test
    void theChangeAcrossADetectedCutMadeTheNextSceneWorkedOn_nowItIsNoActivity() {
        // two still slides the content detector cuts between: the first sample after the cut differs from the one
        // before it, which made a 1 s narrow scene "worked on" (1 change in 5 samples) and its window 720 px
        Rect wide = new Rect(100, 100, 1100, 600);
        List<Scene> scenes = CHOOSER.choose(samples(0, 5, ms -> screen(ms, null, ms < 4000 ? EDITOR : wide,
                ms == 4000 ? new Rect(300, 200, 300, 300) : null)), List.of(Duration.ofMillis(3950)),
                Duration.ofSeconds(5), ReframeMode.SCREEN_CROP);
        assertEquals(2, scenes.size());
        assertTrue(shownWhole(scenes.get(1), wide, Duration.ofMillis(4500)), scenes.get(1).toString());
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
