package dev.tagline.video.render;

import dev.tagline.video.ffmpeg.Ffmpeg;
import dev.tagline.video.ffmpeg.FfmpegCommand;
import dev.tagline.video.signal.SceneCutAnalyser;
import dev.tagline.video.signal.VideoFrame;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.DataInputStream;
import java.io.EOFException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The reframing analysis of one clip: one FFmpeg pass decodes the clip's span at {@value #FPS} fps, downscaled to at
 * most {@value #MAX_WIDTH} pixels wide (video.md §11.2: OpenShorts {@code ANALYSIS_MAX_WIDTH=640}; pain point #11),
 * feeds every frame, halved (PySceneDetect itself works at ≈ 256 px, video.md §9), to PySceneDetect's content
 * detector for scene cuts, and every second one (5 fps, AutoFlip's cadence) to the face finder (full analysis size)
 * and the screen-content measure (halved), and compared with the sample before it for the screen's activity
 * ({@link ScreenActivity}, at the analysis size, inside the content box). Then {@link ModeChooser} decides each scene's
 * mode.
 */
public final class ClipAnalyser {
    static final int FPS = 10;
    static final int FACE_EVERY = 2;
    static final int MAX_WIDTH = 640;
    /** At 10 fps: 0.4 s, OpenShorts' minimum scene (video.md §9, TransNetV2 row). */
    static final int MIN_SCENE_FRAMES = 4;

    private final Ffmpeg ffmpeg;
    private final FaceFinder faces;

    public ClipAnalyser(Ffmpeg ffmpeg, FaceFinder faces) {
        this.ffmpeg = ffmpeg;
        this.faces = faces;
    }

    /** Scenes of {@code job}'s span, each with its reframe mode; {@code forced} null decides per scene. */
    public List<Scene> scenes(RenderJob job, ReframeMode forced) {
        if (forced == ReframeMode.CENTER || forced == ReframeMode.FIT || forced == ReframeMode.BLUR_PAD) {
            return List.of(Scene.of(Duration.ZERO, job.length(), forced));
        }
        int aw = Math.min(MAX_WIDTH, job.sourceWidth()) & ~3;
        int ah = Math.max(4, (int) Math.round((double) job.sourceHeight() * aw / job.sourceWidth()) & ~3);
        double scale = (double) job.sourceWidth() / aw;
        SceneCutAnalyser cuts = new SceneCutAnalyser(SceneCutAnalyser.DEFAULT_THRESHOLD, MIN_SCENE_FRAMES);
        List<FrameSample> samples = new ArrayList<>();
        List<String> args = FfmpegCommand.ffmpeg(ffmpeg.tools().ffmpeg()).seek(job.start()).input(job.source())
                .duration(job.length()).option("-map", "0:v:0", "-an", "-sn", "-vf", "fps=" + FPS + ",scale=" + aw
                        + ":" + ah, "-pix_fmt", "rgb24", "-f", "rawvideo").output("pipe:1").build();
        ffmpeg.stream(args, job.source(), "analysing faces and scenes of", in -> {
            DataInputStream data = new DataInputStream(in);
            Look previous = null;
            for (int i = 0; ; i++) {
                byte[] rgb = new byte[aw * ah * 3];
                try {
                    data.readFully(rgb);
                } catch (EOFException e) {
                    return;
                }
                Duration at = Duration.ofMillis(i * 1000L / FPS);
                byte[] half = halve(rgb, aw, ah);
                cuts.onFrame(new VideoFrame(i, at, aw / 2, ah / 2, half));
                if (i % FACE_EVERY == 0) {
                    Look look = look(rgb, half, aw, ah);
                    samples.add(sample(at, look, previous, aw, ah, scale));
                    previous = look;
                }
            }
        });
        return new ModeChooser(job.sourceWidth(), job.sourceHeight(), job.aspect(), job.encode().fps())
                .choose(samples, cuts.cuts(), job.length(), forced);
    }

    /**
     * One sampled frame at the analysis size: its faces, the webcam inset round each small one, the people's and the
     * insets' pixels (left out of the screen's activity) and the content box (at half size), null when dark.
     */
    private record Look(byte[] rgb, boolean dark, List<Rect> faces, List<Rect> insets, List<Rect> people,
                        Rect halfContent) {
    }

    private Look look(byte[] rgb, byte[] half, int w, int h) {
        boolean dark = ScreenContent.meanLuma(half) < 16;
        List<Rect> found = dark ? List.of() : faces.find(image(rgb, w, h));
        List<Rect> insets = new ArrayList<>();
        List<Rect> people = new ArrayList<>();
        for (Rect f : found) {
            Rect inset = f.width() < ModeChooser.INSET_FACE_WIDTH * w ? WebcamInset.find(rgb, w, h, f) : null;
            insets.add(inset);
            people.add(ScreenContent.zone(f));
            if (inset != null) {
                people.add(inset);
            }
        }
        Rect content = dark ? null : ScreenContent.find(half, w / 2, h / 2,
                found.stream().map(r -> scaled(r, 0.5)).toList(),
                insets.stream().filter(java.util.Objects::nonNull).map(r -> scaled(r, 0.5)).toList());
        return new Look(rgb, dark, found, insets, people, content);
    }

    private static FrameSample sample(Duration at, Look look, Look previous, int w, int h, double scale) {
        Rect content = look.halfContent();
        Rect activity = null;
        if (content != null && previous != null) {
            List<Rect> ignore = new ArrayList<>(look.people());
            ignore.addAll(previous.people());
            activity = ScreenActivity.changed(previous.rgb(), look.rgb(), w, h, scaled(content, 2), ignore);
        }
        Rect inset = look.insets().isEmpty() || look.insets().get(0) == null ? null
                : scaled(look.insets().get(0), scale);
        return new FrameSample(at, look.faces().stream().map(r -> scaled(r, scale)).toList(),
                content == null ? null : scaled(content, scale * 2), look.dark(),
                activity == null ? null : scaled(activity, scale), inset);
    }

    /** The frame at half size, each pixel the mean of a 2×2 block. */
    static byte[] halve(byte[] rgb, int w, int h) {
        int hw = w / 2;
        int hh = h / 2;
        byte[] out = new byte[hw * hh * 3];
        for (int y = 0; y < hh; y++) {
            for (int x = 0; x < hw; x++) {
                int a = ((2 * y) * w + 2 * x) * 3;
                int b = a + w * 3;
                for (int c = 0; c < 3; c++) {
                    out[(y * hw + x) * 3 + c] = (byte) (((rgb[a + c] & 0xff) + (rgb[a + 3 + c] & 0xff)
                            + (rgb[b + c] & 0xff) + (rgb[b + 3 + c] & 0xff) + 2) >> 2);
                }
            }
        }
        return out;
    }

    private static Rect scaled(Rect r, double s) {
        return new Rect((int) Math.round(r.x() * s), (int) Math.round(r.y() * s),
                Math.max(1, (int) Math.round(r.width() * s)), Math.max(1, (int) Math.round(r.height() * s)));
    }

    /** Packed RGB → a BGR BufferedImage sharing nothing with the buffer (the detector may keep it). */
    static BufferedImage image(byte[] rgb, int w, int h) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_3BYTE_BGR);
        byte[] bgr = ((DataBufferByte) img.getRaster().getDataBuffer()).getData();
        for (int i = 0; i < rgb.length; i += 3) {
            bgr[i] = rgb[i + 2];
            bgr[i + 1] = rgb[i + 1];
            bgr[i + 2] = rgb[i];
        }
        return img;
    }
}
