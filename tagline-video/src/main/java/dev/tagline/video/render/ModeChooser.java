package dev.tagline.video.render;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/**
 * Chooses each scene's reframe mode from the analysis samples (video.md §11.1, OpenShorts {@code main.py} and
 * {@code screencast_layout.py}): screen content spanning {@code MIN_WIDTH_FRACTION = 0.5} to
 * {@code STACK_MAX_WIDTH_FRACTION = 0.85} of the width with a small (webcam-inset) face beside it → SCREENCAST; wider
 * content → full-width GENERAL (blur-pad). An inset is in at least half the frames and outside the content's box: a
 * small "face" that comes and goes, or sits amid the content, is lettering or a picture on the screen (BlazeFace takes
 * a slide title's "t" for one), and a slide is padded, not cropped round it. One face on average ({@code [0.5, 1.2]}
 * faces per sample, each at least {@code MIN_FACE_WIDTH = 0.05} of the width) → TRACK. Screen content with no webcam
 * inset and no talking head, where the screen changes (typing, the cursor, scrolling) in at least
 * {@link #MIN_ACTIVE_SHARE} of the samples (or one place on it in {@link #MIN_PLACE_SHARE}), or still content (all of
 * the scene's) within {@link #NARROW_FRACTION} of the width → SCREEN_CROP: padding a 1920-pixel screen into a 1080-pixel band makes 16 px code 9 px tall, so a
 * full-height window over the activity (or the whole content) is shown instead; a wide still slide keeps the whole
 * frame, padded. Anything else → GENERAL. Scenes are split at the content detector's cuts and at slide changes
 * ({@link ScreenCuts}), and a change across a cut is no activity of the scene. A scene shorter than 2 s whose two
 * neighbours agree takes their mode. A forced mode applies to every scene (SCREENCAST falls back to blur-pad where no
 * layout is found). Pure. Over 200 lines: each mode's scene is built beside the rule that chooses it.
 */
final class ModeChooser {
    static final double MIN_WIDTH_FRACTION = 0.5;
    static final double STACK_MAX_WIDTH_FRACTION = 0.85;
    static final double MIN_FACE_WIDTH = 0.05;
    static final double MIN_AVG_FACES = 0.5;
    static final double MAX_AVG_FACES = 1.2;
    /** A face narrower than this share of the width, beside screen content, is a webcam inset (Tagline's rule). */
    static final double INSET_FACE_WIDTH = 0.12;
    static final Duration SHORT_SCENE = Duration.ofSeconds(2);
    /** A screen "is being worked on" when this share of its samples (5 per second) show a change (Tagline's rule). */
    static final double MIN_ACTIVE_SHARE = 0.2;
    /**
     * A screen is worked on, too, where one place on it changes on this share of the samples (Tagline's rule): light
     * typing in a big editor, a few characters every second or two, changes about one sample in eight, all in one
     * place, and was taken for a still screen (the whole editor shown, too small to read on a phone); a stray change or
     * two (a build step, a clock) is neither that frequent nor in one place.
     */
    static final double MIN_PLACE_SHARE = 0.1;
    /**
     * The screen-crop window's width as a share of the source height (Tagline's rule): 720 px of a 1080p screen, scaled
     * 1.5× to the 1080-pixel output width, so 16 px editor text comes out 24 px tall (blur-pad: 9 px), and the window
     * still holds about 75 columns of 16 px monospace code (9.6 px a character), PEP 8's 79-column line nearly whole.
     */
    static final double READABLE_WIDTH = 2.0 / 3;
    /**
     * Still screen content this narrow (a share of the width) is shown in a still window over it rather than padded
     * whole: code in the left half of an editor comes out at least 1.6× bigger (Tagline's rule; dogfood round 3).
     */
    static final double NARROW_FRACTION = 0.6;
    /**
     * A still window holds the content and this share of the source width on each side (Tagline's rule): the content
     * box is measured at a quarter of the analysis size (4 px of a 720p frame), so an antialiased letter edge may lie
     * just outside it, and a title flush with the frame's edge reads as cut.
     */
    static final double STILL_MARGIN = 0.02;

    private final int srcW;
    private final int srcH;
    private final Aspect aspect;
    private final int fps;

    ModeChooser(int srcW, int srcH, Aspect aspect, int fps) {
        this.srcW = srcW;
        this.srcH = srcH;
        this.aspect = aspect;
        this.fps = fps;
    }

    /**
     * Scenes over {@code length} between the {@code detected} cuts (the content detector's) and the slide changes in
     * {@code all}, each with its mode; {@code forced} null means automatic.
     */
    List<Scene> choose(List<FrameSample> all, List<Duration> detected, Duration length, ReframeMode forced) {
        ScreenCuts.Split split = ScreenCuts.split(all, detected);
        List<FrameSample> samples = split.samples();
        List<Duration> bounds = new ArrayList<>(List.of(Duration.ZERO));
        split.at().stream().filter(c -> c.compareTo(Duration.ZERO) > 0 && c.compareTo(length) < 0).sorted()
                .forEach(bounds::add);
        bounds.add(length);
        List<ReframeMode> modes = new ArrayList<>();
        List<List<FrameSample>> parts = new ArrayList<>();
        for (int i = 0; i + 1 < bounds.size(); i++) {
            Duration a = bounds.get(i);
            Duration b = bounds.get(i + 1);
            List<FrameSample> in = samples.stream().filter(s -> s.at().compareTo(a) >= 0 && s.at().compareTo(b) < 0)
                    .toList();
            parts.add(in);
            modes.add(forced != null ? forced : decide(in));
        }
        for (int i = 1; forced == null && i + 1 < modes.size(); i++) {
            boolean isShort = bounds.get(i + 1).minus(bounds.get(i)).compareTo(SHORT_SCENE) < 0;
            if (isShort && modes.get(i - 1) == modes.get(i + 1)) {
                modes.set(i, modes.get(i - 1));
            }
        }
        List<Scene> scenes = new ArrayList<>();
        for (int i = 0; i < modes.size(); i++) {
            scenes.add(build(bounds.get(i), bounds.get(i + 1), modes.get(i), parts.get(i), parts));
        }
        return scenes;
    }

    ReframeMode decide(List<FrameSample> samples) {
        List<FrameSample> lit = samples.stream().filter(s -> !s.dark()).toList();
        if (lit.isEmpty()) {
            return ReframeMode.BLUR_PAD;
        }
        double faces = lit.stream().mapToLong(s -> s.faces().stream()
                .filter(f -> f.width() >= MIN_FACE_WIDTH * srcW).count()).average().orElse(0);
        OptionalDouble span = median(lit.stream().filter(s -> s.content() != null)
                .mapToDouble(s -> (double) s.content().width() / srcW).toArray());
        List<FrameSample> withFace = lit.stream().filter(s -> !s.faces().isEmpty()).toList();
        boolean smallFace = withFace.stream().mapToDouble(s -> s.faces().get(0).width()).average().orElse(srcW)
                < INSET_FACE_WIDTH * srcW;
        boolean wide = span.isPresent() && span.getAsDouble() >= MIN_WIDTH_FRACTION;
        boolean active = workedOn(lit);
        if (smallFace && wide) {
            long beside = withFace.stream().filter(s -> s.content() != null && !inside(s.faces().get(0),
                    s.content())).count();
            boolean inset = 2 * withFace.size() >= lit.size() && 2 * beside > withFace.size();
            if (inset) {
                return span.getAsDouble() <= STACK_MAX_WIDTH_FRACTION ? ReframeMode.SCREENCAST : ReframeMode.BLUR_PAD;
            }
            return active ? ReframeMode.SCREEN_CROP : ReframeMode.BLUR_PAD;
        }
        if (faces >= MIN_AVG_FACES && faces <= MAX_AVG_FACES) {
            return ReframeMode.TRACK;
        }
        Rect extent = extent(lit);
        boolean narrow = extent != null && extent.width() <= NARROW_FRACTION * srcW;
        return span.isPresent() && faces < MIN_AVG_FACES && (active || narrow) ? ReframeMode.SCREEN_CROP
                : ReframeMode.BLUR_PAD;
    }

    private Scene build(Duration a, Duration b, ReframeMode mode, List<FrameSample> in, List<List<FrameSample>> all) {
        Duration length = b.minus(a);
        return switch (mode) {
            case TRACK -> {
                Rect crop = SceneFilters.cropSize(srcW, srcH, aspect.width(), aspect.height());
                List<DeadZoneCamera.Target> targets = in.stream().map(s -> new DeadZoneCamera.Target(
                        s.at().minus(a), s.faces().isEmpty() ? OptionalDouble.empty()
                                : OptionalDouble.of(s.faces().get(0).centreX()))).toList();
                yield new Scene(a, b, mode, new DeadZoneCamera(srcW, crop.width(), fps).follow(targets, length), null);
            }
            case SCREENCAST -> {
                ScreenLayout layout = ScreencastStack.layout(in, srcW, srcH);
                for (int i = 0; layout == null && i < all.size(); i++) {
                    layout = ScreencastStack.layout(all.get(i), srcW, srcH);
                }
                yield layout == null ? Scene.of(a, b, ReframeMode.BLUR_PAD) : new Scene(a, b, mode, null, layout);
            }
            case SCREEN_CROP -> screenCrop(a, b, in);
            default -> Scene.of(a, b, mode);
        };
    }

    /**
     * A screen being worked on ({@link #workedOn}): a full-height window over its activity (measured inside the
     * content box), {@link ScreenCamera#width} wide and placed by {@link ScreenCamera#path}: still while the work stays
     * in it, a cut when it moves. Otherwise (narrow still content, a forced mode on a still screen, a stray change or
     * two): a still window over all the content the scene shows, with {@link #STILL_MARGIN} on each side, at least
     * {@link #baseWidth()} wide (over the frame's centre without content): no letter of it is ever cut.
     */
    Scene screenCrop(Duration a, Duration b, List<FrameSample> in) {
        List<FrameSample> lit = in.stream().filter(s -> !s.dark()).toList();
        if (!workedOn(lit)) {
            Rect window = ScreenCamera.still(extent(lit), baseWidth(), (int) Math.round(STILL_MARGIN * srcW), srcW,
                    srcH);
            return new Scene(a, b, ReframeMode.SCREEN_CROP, CropPath.fixed(window.x()), null, window.width());
        }
        Rect content = medianBox(lit.stream().map(FrameSample::content).filter(java.util.Objects::nonNull).toList());
        Rect box = content == null ? new Rect(0, 0, srcW, srcH) : content;
        int width = ScreenCamera.width(lit, baseWidth(), srcW);
        return new Scene(a, b, ReframeMode.SCREEN_CROP, ScreenCamera.path(lit, width, srcW, box, a), null, width);
    }

    /**
     * Whether the screen is being worked on: it changes on at least {@link #MIN_ACTIVE_SHARE} of the (lit) samples, and
     * at all, or one place on it changes again and again, on at least {@link #MIN_PLACE_SHARE} of them (and
     * {@link ScreenCamera#CONFIRM} times).
     */
    private boolean workedOn(List<FrameSample> lit) {
        long changed = lit.stream().filter(s -> s.activity() != null).count();
        if (changed > 0 && changed >= MIN_ACTIVE_SHARE * lit.size()) {
            return true;
        }
        return ScreenCamera.places(lit, baseWidth(), srcW).stream()
                .anyMatch(p -> p.boxes() >= MIN_PLACE_SHARE * lit.size());
    }

    /** The box around every content box of {@code lit} (every slide of a scene), or null when there is none. */
    private static Rect extent(List<FrameSample> lit) {
        return Rect.around(lit.stream().map(FrameSample::content).filter(java.util.Objects::nonNull).toList());
    }

    /**
     * The narrowest window: {@link #READABLE_WIDTH} of the source height, at least the output aspect's full-height
     * crop (so a square or landscape output is filled).
     */
    double baseWidth() {
        return Math.max(READABLE_WIDTH * srcH, (double) srcH * aspect.width() / aspect.height());
    }

    /** The box of median width among {@code boxes}, or null when there are none. */
    private static Rect medianBox(List<Rect> boxes) {
        if (boxes.isEmpty()) {
            return null;
        }
        List<Rect> sorted = boxes.stream().sorted(java.util.Comparator.comparingInt(Rect::width)).toList();
        return sorted.get(sorted.size() / 2);
    }

    /** Whether the face's centre lies in the content's box. */
    private static boolean inside(Rect face, Rect content) {
        return face.centreX() >= content.x() && face.centreX() < content.x() + content.width()
                && face.centreY() >= content.y() && face.centreY() < content.y() + content.height();
    }

    private static OptionalDouble median(double[] values) {
        if (values.length == 0) {
            return OptionalDouble.empty();
        }
        java.util.Arrays.sort(values);
        return OptionalDouble.of(values[values.length / 2]);
    }
}
