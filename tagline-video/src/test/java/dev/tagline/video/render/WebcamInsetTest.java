package dev.tagline.video.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The webcam inset round a small face, and what the screencast stack and the screen's activity make of it. */
class WebcamInsetTest {
    static final int W = 320;
    static final int H = 180;

    /** A flat dark editor, with text lines (bright bars) at x 20–{@code textTo} every 12 px. */
    static byte[] editor(int textTo) {
        byte[] rgb = new byte[W * H * 3];
        java.util.Arrays.fill(rgb, (byte) 30);
        for (int y = 10; y < 170; y += 12) {
            fill(rgb, 20, y, textTo - 20, 5, 210);
        }
        return rgb;
    }

    static void fill(byte[] rgb, int x0, int y0, int w, int h, int luma) {
        for (int y = y0; y < y0 + h; y++) {
            for (int x = x0; x < x0 + w; x++) {
                int i = (y * W + x) * 3;
                rgb[i] = rgb[i + 1] = rgb[i + 2] = (byte) luma;
            }
        }
    }

    /** A camera picture over {@code box}: noise, with a band of vertical stripes (a curtain: flat along a column). */
    static void photo(byte[] rgb, Rect box, long seed) {
        Random random = new Random(seed);
        for (int y = box.y(); y < box.y() + box.height(); y++) {
            for (int x = box.x(); x < box.x() + box.width(); x++) {
                int stripe = x - box.x() < 12 ? (x % 4 < 2 ? 90 : 150) : 40 + random.nextInt(160);
                int i = (y * W + x) * 3;
                rgb[i] = rgb[i + 1] = rgb[i + 2] = (byte) stripe;
            }
        }
    }

    @Test
    void aFacesInsetReachesToItsBorderAtTheScreenOrTheFramesEdge() {
        byte[] rgb = editor(230);
        Rect inset = new Rect(250, 10, 60, 72);
        photo(rgb, inset, 1);
        Rect found = WebcamInset.find(rgb, W, H, new Rect(270, 20, 18, 18));
        assertNotNull(found);
        assertEquals(inset.x(), found.x(), 1, found.toString());
        assertEquals(inset.y(), found.y(), 1, found.toString());
        assertEquals(inset.x() + inset.width(), found.x() + found.width(), 1, found.toString());
        assertEquals(inset.y() + inset.height(), found.y() + found.height(), 1, found.toString());

        byte[] corner = editor(230);
        photo(corner, new Rect(262, 0, 58, 70), 2);
        Rect atEdge = WebcamInset.find(corner, W, H, new Rect(280, 12, 18, 18));
        assertEquals(new Rect(262, 0, 58, 70), atEdge, "an inset flush with the frame's corner");
    }

    @Test
    void aFaceInACameraPictureOrAmidTextHasNoInset() {
        byte[] camera = new byte[W * H * 3];
        photo(camera, new Rect(0, 0, W, H), 3);
        assertNull(WebcamInset.find(camera, W, H, new Rect(150, 60, 24, 24)), "texture all the way: a camera shot");
        byte[] text = editor(300);
        assertNull(WebcamInset.find(text, W, H, new Rect(100, 70, 18, 18)),
                "lettering taken for a face: the text runs on past the reach");
    }

    static final ModeChooser CHOOSER = new ModeChooser(1280, 720, Aspect.PORTRAIT, 30);
    static final Rect FACE = new Rect(1140, 40, 60, 60);

    /** The inset at {@code ms}: 200×240, drifting over x 1052–1068 and y 11–21 (found 4 px large each side). */
    static Rect inset(int ms) {
        double t = ms / 1000.0;
        return new Rect((int) Math.round(1056 + 8 * Math.sin(t * 1.3)), (int) Math.round(12 + 5 * Math.cos(t * 0.9)),
                208, 248);
    }

    /**
     * Dogfood round 5, G1: the stack's panel was the content box of the scene's middle sample (the terminal that
     * opened later and its output cut off), and the speaker's crop 2.5 face sizes round the face reached past the
     * inset (the screen round it showed as a dark band). Now the panel spans every sample's content, a box seen once
     * aside, and the speaker's box is the part of the inset every sample shares, less a rim.
     */
    @Test
    void theStackHeldTheMiddleSamplesContentAndCroppedPastTheInset_nowAllTheContentAndInsideTheInset() {
        Rect editor = new Rect(16, 40, 1008, 380);
        Rect withTerminal = new Rect(16, 40, 1008, 532);
        List<FrameSample> samples = ModeChooserTest.samples(0, 11, ms -> new FrameSample(Duration.ofMillis(ms),
                List.of(FACE), ms == 3000 ? new Rect(16, 40, 1250, 380) : ms < 9000 ? editor : withTerminal, false,
                null, inset(ms)));
        List<Scene> scenes = CHOOSER.choose(samples, List.of(), Duration.ofSeconds(11), null);
        assertEquals(List.of(ReframeMode.SCREENCAST), scenes.stream().map(Scene::mode).toList());
        ScreenLayout layout = scenes.get(0).layout();
        assertEquals(new Rect(0, 14, 1048, 584), layout.content(), "the terminal's output, shown for the last 2 s, is"
                + " in the panel, with 2 % of the width (26 px) round the content, short of the inset (from x 1048); the"
                + " box seen once (0.2 s) reaching into the inset is not");
        Rect s = layout.speaker();
        int left = samples.stream().mapToInt(f -> f.inset().x()).max().orElseThrow();
        int top = samples.stream().mapToInt(f -> f.inset().y()).max().orElseThrow();
        int right = samples.stream().mapToInt(f -> f.inset().x() + f.inset().width()).min().orElseThrow();
        int bottom = samples.stream().mapToInt(f -> f.inset().y() + f.inset().height()).min().orElseThrow();
        assertTrue(s.x() >= left + 5 && s.y() >= top + 6 && s.x() + s.width() <= right - 5
                && s.y() + s.height() <= bottom - 6, "inside every sample's inset, less a 3 % rim: " + s);
        assertEquals(FACE, layout.face());
    }

    /**
     * Dogfood round 5: the panel ended exactly at the content box, measured at a quarter of the analysis size, so the
     * long line's last letter touched the panel's edge and "import json" its top. The panel keeps 2 % of the width
     * round the content, as a still screen-crop window does, but never reaches into the inset beside it.
     */
    @Test
    void theLongLineFlushWithThePanelsEdgeReadAsCut_nowThePanelKeepsAMarginShortOfTheInset() {
        Rect code = new Rect(12, 40, 1012, 532);
        ScreenLayout stack = ScreencastStack.layout(ModeChooserTest.samples(0, 4, ms -> new FrameSample(
                Duration.ofMillis(ms), List.of(FACE), code, false, null, new Rect(1040, 12, 208, 248))), 1280, 720);
        assertEquals(new Rect(0, 14, 1040, 584), stack.content(), "26 px round the code, to the frame's edge on the"
                + " left and the inset's on the right");
        ScreenLayout alone = ScreencastStack.layout(ModeChooserTest.samples(0, 4, ms -> new FrameSample(
                Duration.ofMillis(ms), List.of(FACE), new Rect(100, 100, 800, 400), false)), 1280, 720);
        assertEquals(new Rect(74, 74, 852, 452), alone.content());
    }

    @Test
    void theSpeakersCropStaysInsideItsBoxCentredOnTheFace() {
        Rect speaker = new Rect(1070, 20, 180, 230);
        Scene scene = new Scene(Duration.ZERO, Duration.ofSeconds(5), ReframeMode.SCREENCAST, null,
                new ScreenLayout(new Rect(16, 40, 1008, 532), speaker, new Rect(1140, 30, 60, 60)));
        String chain = SceneFilters.chain(scene, 1280, 720, Aspect.PORTRAIT, "[in]", "[out]");
        Matcher m = Pattern.compile("\\[out_s]crop=(\\d+):(\\d+):(\\d+):(\\d+)").matcher(chain);
        assertTrue(m.find(), chain);
        int cw = Integer.parseInt(m.group(1));
        int ch = Integer.parseInt(m.group(2));
        int cx = Integer.parseInt(m.group(3));
        int cy = Integer.parseInt(m.group(4));
        assertTrue(cx >= speaker.x() && cy >= speaker.y() && cx + cw <= speaker.x() + speaker.width()
                && cy + ch <= speaker.y() + speaker.height(), "the crop " + cw + "x" + ch + "+" + cx + "+" + cy
                + " lies in the speaker's box " + speaker);
        assertEquals(0, cx % 2 + cy % 2, "even, for yuv420p");
        // a wide space below (a short panel): the crop is a band of the box, round the face near its top
        Scene wide = new Scene(Duration.ZERO, Duration.ofSeconds(5), ReframeMode.SCREENCAST, null,
                new ScreenLayout(new Rect(16, 40, 1008, 1000), speaker, new Rect(1140, 30, 60, 60)));
        Matcher w = Pattern.compile("\\[out_s]crop=(\\d+):(\\d+):(\\d+):(\\d+)").matcher(SceneFilters.chain(wide,
                1280, 720, Aspect.PORTRAIT, "[in]", "[out]"));
        assertTrue(w.find());
        assertEquals(speaker.y(), Integer.parseInt(w.group(4)), "the band starts at the box's top, over the face");
    }

    /**
     * Dogfood round 5, G2: a drifting inset (or a person moving) changed pixels inside the content's box on every
     * sample, and the screen-crop window took it for the work on the screen. Changes on the people's and insets'
     * pixels are now left out of the activity.
     */
    @Test
    void aChangeOnTheInsetWasTheScreensActivity_nowItIsLeftOut() {
        byte[] before = editor(230);
        photo(before, new Rect(250, 10, 60, 72), 4);
        byte[] after = editor(230);
        photo(after, new Rect(252, 11, 60, 72), 4); // the inset drifted 2 px right and 1 down
        Rect all = new Rect(0, 0, W, H);
        List<Rect> insets = List.of(new Rect(249, 9, 62, 74), new Rect(251, 10, 62, 74));
        assertEquals(null, ScreenActivity.changed(before, after, W, H, all, insets), "only the inset moved");
        Rect drift = ScreenActivity.changed(before, after, W, H, all);
        assertNotNull(drift);
        assertTrue(drift.x() >= 240, "without the insets left out, the drift is the activity: " + drift);
        fill(after, 100, 100, 30, 8, 240); // a word typed at x 100–129
        Rect typed = ScreenActivity.changed(before, after, W, H, all, insets);
        assertNotNull(typed);
        assertTrue(typed.x() >= 98 && typed.x() + typed.width() <= 132, "the typing alone: " + typed);
        Rect zone = ScreenContent.zone(new Rect(270, 20, 18, 18));
        assertTrue(zone.x() <= 250 && zone.x() + zone.width() >= 308 && zone.y() + zone.height() >= 20 + 9 + 63,
                "the person's pixels: 1.6 face sizes round the face, 3.5 face heights below it: " + zone);
    }

    /**
     * Dogfood round 5, G2: {@code clips render --mode screen-crop} ran without the face model, so no inset was ever
     * found and its drift was the screen's activity. A forced screen-crop now needs the faces too.
     */
    @Test
    void aForcedScreenCropRanWithoutTheFaceModel_nowItLooksForFacesAndInsets() {
        assertTrue(ReframeMode.SCREEN_CROP.needsFaces());
        assertTrue(ReframeMode.TRACK.needsFaces() && ReframeMode.SCREENCAST.needsFaces());
        assertTrue(!ReframeMode.BLUR_PAD.needsFaces() && !ReframeMode.FIT.needsFaces()
                && !ReframeMode.CENTER.needsFaces(), "the modes that need no analysis load no model");
    }
}
