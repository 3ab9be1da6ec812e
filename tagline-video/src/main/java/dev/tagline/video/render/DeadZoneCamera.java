package dev.tagline.video.render;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/**
 * A virtual camera that pans a fixed-width crop over the source to keep a target (a face centre) in view, after
 * OpenShorts' {@code SmoothedCameraman} (video.md §11.3): no move while the target stays within the dead zone
 * ({@code 0.25 × crop width} of the crop centre); outside it the camera pans back to centre the target at 3 px/frame,
 * 15 px/frame while the error exceeds half the crop width; a far-off target must be seen on
 * {@code JUMP_CONFIRM_FRAMES = 3} detections in a row before the camera goes after it, so one false detection never
 * swings the frame. Pixel speeds are OpenShorts' on a 1920-pixel-wide source and scale with the source width. Pure.
 */
public final class DeadZoneCamera {
    static final double DEAD_ZONE = 0.25;
    static final double SLOW_PX = 3;
    static final double FAST_PX = 15;
    static final double FAST_ERROR = 0.5;
    static final int JUMP_CONFIRM = 3;
    static final double REFERENCE_WIDTH = 1920;

    private final int sourceWidth;
    private final int cropWidth;
    private final int fps;

    public DeadZoneCamera(int sourceWidth, int cropWidth, int fps) {
        this.sourceWidth = sourceWidth;
        this.cropWidth = cropWidth;
        this.fps = fps;
    }

    /** A detection: at {@code at} the target's centre was {@code x} (source pixels), or nothing was seen. */
    public record Target(Duration at, OptionalDouble x) {
    }

    /**
     * The crop path for a scene of {@code length} given detections in time order (times from the scene's start). The
     * camera starts on the first target seen (centred when none is), and holds still when targets are missing.
     */
    public CropPath follow(List<Target> targets, Duration length) {
        double scale = sourceWidth / REFERENCE_WIDTH;
        double centre = targets.stream().filter(t -> t.x().isPresent()).mapToDouble(t -> t.x().getAsDouble())
                .findFirst().orElse(sourceWidth / 2.0);
        int frames = (int) Math.max(1, Math.round(CropPath.seconds(length) * fps));
        List<CropPath.Key> keys = new ArrayList<>();
        int next = 0;
        double goal = centre;
        int farStreak = 0;
        boolean chasing = false;
        for (int f = 0; f <= frames; f++) {
            Duration t = Duration.ofNanos(Math.round(f * 1e9 / fps));
            while (next < targets.size() && targets.get(next).at().compareTo(t) <= 0) {
                OptionalDouble x = targets.get(next++).x();
                if (x.isPresent()) {
                    boolean far = Math.abs(x.getAsDouble() - centre) > FAST_ERROR * cropWidth;
                    farStreak = far ? farStreak + 1 : 0;
                    if (!far || farStreak >= JUMP_CONFIRM) {
                        goal = x.getAsDouble();
                    }
                }
            }
            double error = goal - centre;
            if (!chasing && Math.abs(error) > DEAD_ZONE * cropWidth) {
                chasing = true;
            }
            if (chasing) {
                double speed = (Math.abs(error) > FAST_ERROR * cropWidth ? FAST_PX : SLOW_PX) * scale;
                centre += Math.copySign(Math.min(speed, Math.abs(error)), error);
                chasing = Math.abs(goal - centre) > 0.5;
            }
            keys.add(new CropPath.Key(t, clampLeft(centre)));
        }
        return new CropPath(keys).simplified();
    }

    private double clampLeft(double centre) {
        return Math.max(0, Math.min(sourceWidth - cropWidth, Math.round(centre - cropWidth / 2.0)));
    }
}
