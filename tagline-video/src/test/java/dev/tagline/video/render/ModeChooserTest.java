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
