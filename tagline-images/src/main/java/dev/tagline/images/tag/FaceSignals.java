package dev.tagline.images.tag;

import dev.tagline.inference.faces.Face;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** {@code solo} / {@code multiple people} from the number of clear faces; {@code portrait} / {@code close-up} from size. */
final class FaceSignals {
    private FaceSignals() {
    }

    static List<ScoredTag> tags(List<Face> faces, int width, int height, QualitySettings s) {
        double minHeight = s.minFace() * Math.min(width, height);
        List<Face> counted = faces.stream().filter(f -> f.score() >= s.faceScore() && f.height() >= minHeight)
                .sorted(Comparator.comparingDouble(Face::score).reversed()).toList();
        List<ScoredTag> out = new ArrayList<>();
        if (counted.size() == 1) {
            Face face = counted.get(0);
            out.add(new ScoredTag("solo", face.score()));
            double share = face.height() / height;
            if (share >= s.closeUpFace()) {
                out.add(new ScoredTag("close-up", Margin.above(share, s.closeUpFace(), 0.05)));
            } else if (share >= s.portraitFace()) {
                out.add(new ScoredTag("portrait", Margin.above(share, s.portraitFace(), 0.05)));
            }
        } else if (counted.size() > 1) {
            out.add(new ScoredTag("multiple people", counted.get(1).score()));
        }
        return out;
    }
}
