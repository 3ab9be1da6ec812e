package dev.tagline.inference.ocr;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class PaddleTextReaderTest {
    /** A horizontal box {@code w × h} at the origin. */
    private static DbPostprocessor.Detection box(double w, double h) {
        return new DbPostprocessor.Detection(new RotatedBox(new double[] {0, 0, w, 0, w, h, 0, h}, Math.min(w, h)),
                0.9);
    }

    @Test
    void aLineLowerThanTheMinimumIsNotRecognisedAndNoMinimumKeepsAll() {
        List<DbPostprocessor.Detection> boxes = List.of(box(400, 18), box(300, 24), box(20, 60));
        assertEquals(List.of(boxes.get(1)), PaddleTextReader.tallEnough(boxes, 21),
                "the 18 px line goes; a tall narrow box (vertical text) counts by its shorter side");
        assertEquals(boxes, PaddleTextReader.tallEnough(boxes, 0));
    }
}
