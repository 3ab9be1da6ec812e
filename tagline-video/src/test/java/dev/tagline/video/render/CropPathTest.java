package dev.tagline.video.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class CropPathTest {
    static CropPath.Key key(double seconds, double x) {
        return new CropPath.Key(Duration.ofMillis(Math.round(seconds * 1000)), x);
    }

    @Test
    void expressionIsAFlatSumOfClippedRamps() {
        CropPath path = new CropPath(List.of(key(0, 100), key(1, 100), key(2, 300), key(3, 300)));
        assertEquals("100+200*clip(t-1,0,1)", path.expression());
        assertEquals(100, path.xAt(Duration.ofMillis(500)), 1e-9);
        assertEquals(200, path.xAt(Duration.ofMillis(1500)), 1e-9);
        assertEquals(300, path.xAt(Duration.ofSeconds(9)), 1e-9);
    }

    @Test
    void jumpsBecomeSteps() {
        CropPath path = new CropPath(List.of(key(0, 400), key(2, 400), key(2, 100)));
        assertEquals("400-300*gte(t,2)", path.expression());
        assertEquals(100, path.xAt(Duration.ofSeconds(3)), 1e-9);
    }

    @Test
    void simplifyKeepsOnlyTheCorners() {
        CropPath path = new CropPath(List.of(key(0, 0), key(1, 10), key(2, 20), key(3, 20), key(4, 20)));
        assertEquals(List.of(key(0, 0), key(2, 20), key(4, 20)), path.simplified().keys());
        for (double t = 0; t <= 4; t += 0.25) {
            Duration d = Duration.ofMillis(Math.round(t * 1000));
            assertEquals(path.xAt(d), path.simplified().xAt(d), 1e-9);
        }
        assertTrue(CropPath.fixed(5).expression().equals("5"));
    }
}
