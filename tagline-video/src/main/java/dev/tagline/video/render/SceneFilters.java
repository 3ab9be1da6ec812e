package dev.tagline.video.render;

import java.util.Locale;

/**
 * The filter chain that turns one scene of a {@code srcW×srcH} source into the {@code W×H} output frame, per
 * {@link ReframeMode} (video.md §11.4). Each chain reads label {@code in} and writes label {@code out}.
 */
final class SceneFilters {
    /**
     * The padding background's blur, as sigma on the full-size background: a third of the 1080 px width. OpenShorts
     * GENERAL uses {@code gblur sigma=12} (video.md §11.1), which leaves a screen's text readable: the background
     * enlarges the frame 1.78× to cover 1080×1920, so a 72 px heading comes out 128 px tall (the dogfood's "ython").
     * σ 64 and the darkening hid such text (the 99th percentile of luma steps 24 px apart: 85 levels at σ 12, 4;
     * {@code ReframeIT.blurPadHidesTheScreensTextInTheBackground}), but a 720p slide's 150 px title comes out 400 px
     * tall with 250 px letters and stayed word-shaped blobs in a feed's thumbnail. Words merge only under a blur as wide as
     * a word: the luma range along a row of the padding at 200 px wide, on a 150 and a 160 px title, was 75/82 levels
     * at σ 64 (one pass), then with four 37/38 at σ 120, 23 at σ 180 (two blobs), 16 at σ 240 (one smudge), 11 at
     * σ 300 and 10/9 at σ 360 ({@code BlurPadIT.aLargeTitleLeavesNoWordShapesInTheBackgroundAtThumbnailSize}).
     * AutoFlip pads with a radius-200 blur (§11.3).
     */
    static final double BLUR_SIGMA = 360;
    /** The padding background's brightness after the blur, after AutoFlip's black overlay (opacity 0.6, §11.3). */
    static final double BACKGROUND_BRIGHTNESS = 0.5;
    /**
     * The background is blurred at 1/30 of the output size, 36 px on the short side (36×64 for 9:16), sigma scaled
     * alike: at σ 360 the full-size picture holds no more detail than that, and the blur costs nothing.
     */
    static final int BLUR_DOWNSCALE = 30;
    /** {@code gblur}'s passes: one (FFmpeg's default) leaves a sharp peak in the kernel, four come near a Gaussian. */
    static final int BLUR_STEPS = 4;

    private SceneFilters() {
    }

    static String chain(Scene scene, int srcW, int srcH, Aspect aspect, String in, String out) {
        int w = aspect.width();
        int h = aspect.height();
        return switch (scene.mode()) {
            case CENTER -> in + crop(srcW, srcH, w, h, null) + scale(w, h) + out;
            case TRACK -> in + crop(srcW, srcH, w, h, scene.cropPath()) + scale(w, h) + out;
            case FIT -> in + String.format(Locale.ROOT, "scale=%d:%d:force_original_aspect_ratio=decrease"
                    + ":force_divisible_by=2,pad=%d:%d:(ow-iw)/2:(oh-ih)/2:black,setsar=1", w, h, w, h) + out;
            case BLUR_PAD -> blurPad(in, out, w, h);
            case SCREENCAST -> screencast(scene.layout(), srcW, srcH, in, out, w, h);
            case SCREEN_CROP -> screenCrop(scene, srcW, srcH, in, out, w, h);
        };
    }

    /** The largest crop of the output's aspect inside the source, centred or with x from the crop path. */
    static Rect cropSize(int srcW, int srcH, int w, int h) {
        if ((long) srcW * h > (long) srcH * w) {
            return new Rect(0, 0, (int) Math.round((double) srcH * w / h), srcH).even();
        }
        return new Rect(0, 0, srcW, (int) Math.round((double) srcW * h / w)).even();
    }

    private static String crop(int srcW, int srcH, int w, int h, CropPath path) {
        Rect size = cropSize(srcW, srcH, w, h);
        String x = path == null ? String.valueOf((srcW - size.width()) / 2)
                : "'max(0,min(" + (srcW - size.width()) + "," + path.expression() + "))'";
        return String.format(Locale.ROOT, "crop=w=%d:h=%d:x=%s:y=%d,", size.width(), size.height(), x,
                (srcH - size.height()) / 2);
    }

    private static String scale(int w, int h) {
        return String.format(Locale.ROOT, "scale=%d:%d,setsar=1", w, h);
    }

    private static String blurPad(String in, String out, int w, int h) {
        return padded(in, out, w, h);
    }

    /**
     * The picture at {@code in} fitted into the {@code w×h} frame over a blurred, darkened copy of itself that covers
     * the frame (computed at 1/{@value #BLUR_DOWNSCALE} size).
     */
    private static String padded(String in, String out, int w, int h) {
        String tag = out.substring(1, out.length() - 1);
        int bw = even(w / BLUR_DOWNSCALE);
        int bh = even(h / BLUR_DOWNSCALE);
        String dim = fmt(BACKGROUND_BRIGHTNESS);
        return String.format(Locale.ROOT, "%ssplit=2[%s_bg][%s_fg];"
                + "[%s_bg]scale=%d:%d:force_original_aspect_ratio=increase,crop=%d:%d,gblur=sigma=%s:steps=%d,"
                + "colorchannelmixer=rr=%s:gg=%s:bb=%s,scale=%d:%d[%s_b];"
                + "[%s_fg]scale=%d:%d:force_original_aspect_ratio=decrease:force_divisible_by=2[%s_f];"
                + "[%s_b][%s_f]overlay=(W-w)/2:(H-h)/2,setsar=1%s",
                in, tag, tag, tag, bw, bh, bw, bh, fmt(BLUR_SIGMA / BLUR_DOWNSCALE), BLUR_STEPS, dim, dim, dim, w, h,
                tag, tag, w, h, tag, tag, tag, out);
    }

    /**
     * A full-height window of {@code scene.cropWidth()} pixels whose left edge follows the crop path, scaled to the
     * output width and padded above and below like blur-pad (over its own blurred, darkened copy).
     */
    private static String screenCrop(Scene scene, int srcW, int srcH, String in, String out, int w, int h) {
        int cw = Math.min(srcW, scene.cropWidth()) & ~1;
        int ch = srcH & ~1;
        String crop = String.format(Locale.ROOT, "crop=w=%d:h=%d:x='max(0,min(%d,%s))':y=0,", cw, ch, srcW - cw,
                scene.cropPath().expression());
        return padded(in + crop, out, w, h);
    }

    /**
     * Content scaled to the full width on top; the speaker below, cropped to the aspect of the space left, inside the
     * speaker's box and centred on the face as far as the box allows (video.md §11.4 SCREENCAST: {@code vstack}, each
     * part's height even). A crop reaching past the webcam inset showed the screen round it as a dark band between the
     * panel and the face (dogfood round 5, G1).
     */
    private static String screencast(ScreenLayout layout, int srcW, int srcH, String in, String out, int w, int h) {
        String tag = out.substring(1, out.length() - 1);
        Rect c = layout.content().even();
        int topH = Math.min(h - h / 4, even((int) Math.round((double) c.height() * w / c.width())));
        int bottomH = h - topH;
        Rect s = layout.speaker();
        double want = (double) w / bottomH;
        int sw = s.width();
        int sh = s.height();
        if ((double) sw / sh > want) {
            sw = (int) Math.round(sh * want);
        } else {
            sh = (int) Math.round(sw / want);
        }
        sw = Math.max(2, Math.min(sw, srcW) & ~1);
        sh = Math.max(2, Math.min(sh, srcH) & ~1);
        Rect f = layout.face();
        Rect face = new Rect(inside(s.x(), s.width(), sw, f.centreX(), srcW),
                inside(s.y(), s.height(), sh, f.centreY(), srcH), sw, sh);
        return String.format(Locale.ROOT, "%ssplit=2[%s_c][%s_s];"
                + "[%s_c]crop=%d:%d:%d:%d,scale=%d:%d,setsar=1[%s_top];"
                + "[%s_s]crop=%d:%d:%d:%d,scale=%d:%d,setsar=1[%s_bot];"
                + "[%s_top][%s_bot]vstack=inputs=2%s",
                in, tag, tag, tag, c.width(), c.height(), c.x(), c.y(), w, topH, tag,
                tag, face.width(), face.height(), face.x(), face.y(), w, bottomH, tag,
                tag, tag, out);
    }

    /**
     * The even start of a span {@code size} long centred on {@code centre} as far as {@code [from, from + length)}
     * allows (yuv420p crops start on even pixels; rounded into the span, not out of it), within {@code [0, limit)}.
     */
    private static int inside(int from, int length, int size, double centre, int limit) {
        int lo = Math.max(0, (from + 1) & ~1);
        int hi = Math.min(limit, from + length) - size;
        int start = (int) Math.round(centre - size / 2.0) & ~1;
        return hi < lo ? Math.max(0, Math.min(limit - size, from) & ~1) : Math.max(lo, Math.min(hi & ~1, start));
    }

    private static int even(int v) {
        return Math.max(2, v & ~1);
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.2f", v).replaceAll("0+$", "").replaceAll("\\.$", "");
    }
}
