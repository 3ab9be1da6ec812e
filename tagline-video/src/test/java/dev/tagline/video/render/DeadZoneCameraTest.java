package dev.tagline.video.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;

class DeadZoneCameraTest {
    static final int SRC = 1920;
    static final int CROP = 608;

    /** Detections at 5 fps of a target whose centre is {@code x(t)}. */
    static List<DeadZoneCamera.Target> at5fps(double seconds, DoubleUnaryOperator x) {
        List<DeadZoneCamera.Target> out = new ArrayList<>();
        for (int i = 0; i <= seconds * 5; i++) {
            out.add(new DeadZoneCamera.Target(Duration.ofMillis(i * 200L), OptionalDouble.of(x.applyAsDouble(i / 5.0))));
        }
        return out;
    }

    static double centreAt(CropPath path, double t) {
        return path.xAt(Duration.ofMillis(Math.round(t * 1000))) + CROP / 2.0;
    }

    @Test
    void smallMovesInsideTheDeadZoneDoNotMoveTheCamera() {
        CropPath path = new DeadZoneCamera(SRC, CROP, 30).follow(at5fps(10, t -> 960 + 100 * Math.sin(t * 3)),
                Duration.ofSeconds(10));
        assertTrue(still(path), "a still camera: " + path.keys());
    }

    @Test
    void aWalkingSubjectStaysInsideTheSafeZone() {
        CropPath path = new DeadZoneCamera(SRC, CROP, 30).follow(at5fps(10, t -> 400 + 90 * t),
                Duration.ofSeconds(10));
        for (double t = 0; t <= 10; t += 0.1) {
            double error = Math.abs(400 + 90 * t - centreAt(path, t));
            assertTrue(error <= DeadZoneCamera.DEAD_ZONE * CROP + 10, "t=" + t + " error " + error);
        }
    }

    @Test
    void oneStrayDetectionFarAwayIsIgnoredButThreeInARowAreFollowed() {
        List<DeadZoneCamera.Target> targets = new ArrayList<>(at5fps(6, t -> 500));
        targets.set(10, new DeadZoneCamera.Target(Duration.ofMillis(2000), OptionalDouble.of(1500)));
        CropPath stray = new DeadZoneCamera(SRC, CROP, 30).follow(targets, Duration.ofSeconds(6));
        assertTrue(still(stray), stray.keys().toString());
        List<DeadZoneCamera.Target> moved = at5fps(9, t -> t < 2 ? 500 : 1500);
        CropPath follow = new DeadZoneCamera(SRC, CROP, 30).follow(moved, Duration.ofSeconds(9));
        assertEquals(500, centreAt(follow, 2.3), 1, "no move before the third detection");
        assertEquals(1500, centreAt(follow, 8.9), 1, "then it pans there: fast, then slow");
        assertTrue(centreAt(follow, 3.5) > 900, "fast while far off");
    }

    static boolean still(CropPath path) {
        return path.keys().stream().allMatch(k -> k.x() == path.keys().get(0).x());
    }

    @Test
    void theCropNeverLeavesTheFrame() {
        CropPath path = new DeadZoneCamera(SRC, CROP, 30).follow(at5fps(5, t -> 1900), Duration.ofSeconds(5));
        for (CropPath.Key k : path.keys()) {
            assertTrue(k.x() >= 0 && k.x() <= SRC - CROP, k.toString());
        }
    }
}
