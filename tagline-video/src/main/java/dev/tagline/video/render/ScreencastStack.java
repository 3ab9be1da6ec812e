package dev.tagline.video.render;

import java.util.List;

/**
 * The {@link ReframeMode#SCREENCAST} stack's layout of one scene: which part of the screen goes on top, and which part
 * of the frame shows the speaker below. Pure.
 */
final class ScreencastStack {
    /** The speaker's box below the content: this many face widths around the face, head and shoulders. */
    static final double SPEAKER_BOX = 2.5;
    /**
     * A content box seen on only this many samples (0.4 s at 5 per second) is left out of a stack's panel, as is an
     * inset found too small on as many (Tagline's rule): one odd measure must not resize the whole scene's layout.
     */
    static final int STRAY_SAMPLES = 2;
    /**
     * The speaker's crop keeps this share of the webcam inset's size off each of its sides (Tagline's rule): the inset
     * is found at the analysis size (2 px of a 1280-wide source per pixel), its border blurred by the scaling, and an
     * inset's rim often holds a frame line or rounded corners.
     */
    static final double INSET_RIM = 0.03;

    private ScreencastStack() {
    }

    /**
     * The stack's layout, or null when content or a face is missing: on top, all the content the scene shows (every
     * sample's box outside the people and the inset, as a still slide's window holds every slide: a terminal opened
     * halfway through the scene is the payoff, and the box of the median sample cut it off; dogfood round 5, G1), a
     * box seen on only {@link #STRAY_SAMPLES} samples aside; below, the webcam inset (the part every sample's inset
     * shares, so a drifting inset's edge and the screen round it never show), or, where no inset was found on half the
     * samples with a face, {@link #SPEAKER_BOX} face sizes round the median face. The panel keeps
     * {@link ModeChooser#STILL_MARGIN} of the width round the content where the frame allows, short of the inset (the
     * content is measured at a quarter of the analysis size, and a long line flush with the panel's edge read as cut).
     */
    static ScreenLayout layout(List<FrameSample> in, int srcW, int srcH) {
        List<FrameSample> lit = in.stream().filter(s -> !s.dark()).toList();
        List<Rect> contents = lit.stream().map(FrameSample::content).filter(java.util.Objects::nonNull).toList();
        List<Rect> faces = lit.stream().filter(s -> !s.faces().isEmpty()).map(s -> s.faces().get(0)).toList();
        if (contents.isEmpty() || faces.isEmpty()) {
            return null;
        }
        Rect f = faces.get(faces.size() / 2);
        List<Rect> insets = lit.stream().map(FrameSample::inset).filter(java.util.Objects::nonNull).toList();
        Rect c = margin(Rect.spanning(contents, Math.min(STRAY_SAMPLES, contents.size() / 10)),
                Rect.spanning(insets, 0), srcW, srcH);
        Rect inset = 2 * insets.size() >= faces.size()
                ? Rect.within(insets, Math.min(STRAY_SAMPLES, insets.size() / 10)) : null;
        if (inset != null && inset.x() <= f.centreX() && f.centreX() < inset.x() + inset.width()
                && inset.y() <= f.centreY() && f.centreY() < inset.y() + inset.height()) {
            int rx = (int) Math.ceil(INSET_RIM * inset.width());
            int ry = (int) Math.ceil(INSET_RIM * inset.height());
            return new ScreenLayout(c, new Rect(inset.x() + rx, inset.y() + ry, inset.width() - 2 * rx,
                    inset.height() - 2 * ry), f);
        }
        int side = (int) Math.round(SPEAKER_BOX * Math.max(f.width(), f.height()));
        int x = (int) Math.max(0, Math.min(srcW - side, f.centreX() - side / 2.0));
        int y = (int) Math.max(0, Math.min(srcH - side, f.centreY() - side / 2.0));
        return new ScreenLayout(c, new Rect(x, y, Math.min(side, srcW), Math.min(side, srcH)), f);
    }

    /**
     * {@code c} and {@link ModeChooser#STILL_MARGIN} of the width round it, within the frame; content clear of
     * {@code inset} (the box its drift covers; null for none) stays clear of it: a side the margin pushes into it stops
     * at its edge.
     */
    private static Rect margin(Rect c, Rect inset, int srcW, int srcH) {
        int m = (int) Math.round(ModeChooser.STILL_MARGIN * srcW);
        int x0 = Math.max(0, c.x() - m);
        int y0 = Math.max(0, c.y() - m);
        int x1 = Math.min(srcW, c.x() + c.width() + m);
        int y1 = Math.min(srcH, c.y() + c.height() + m);
        Rect grown = new Rect(x0, y0, x1 - x0, y1 - y0);
        if (inset != null && overlap(grown, inset) && !overlap(c, inset)) {
            x1 = c.x() + c.width() <= inset.x() ? Math.min(x1, inset.x()) : x1;
            x0 = c.x() >= inset.x() + inset.width() ? Math.max(x0, inset.x() + inset.width()) : x0;
            y1 = c.y() + c.height() <= inset.y() ? Math.min(y1, inset.y()) : y1;
            y0 = c.y() >= inset.y() + inset.height() ? Math.max(y0, inset.y() + inset.height()) : y0;
        }
        return new Rect(x0, y0, x1 - x0, y1 - y0);
    }

    private static boolean overlap(Rect a, Rect b) {
        return a.x() < b.x() + b.width() && b.x() < a.x() + a.width() && a.y() < b.y() + b.height()
                && b.y() < a.y() + a.height();
    }
}
