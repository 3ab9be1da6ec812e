package dev.tagline.video.bench;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tagline.inference.BuiltinModels;
import dev.tagline.inference.TestModels;
import dev.tagline.video.TestMedia;
import dev.tagline.video.highlight.FinderModels;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The finder's TextTiling over MiniLM on six Choi documents (the first three of {@code 1/6-8} and of {@code 1/9-11}):
 * its mean Pk must be well below both trivial baselines (no boundaries, a boundary after every sentence; Choi
 * reports 0.47 and 0.53 for them). The full table is {@link ChoiBenchmark}'s. Skips when the shared data is absent.
 */
class ChoiSegmentationIT {
    @Test
    void textTilingBeatsTheTrivialBaselinesClearly() {
        Path choi = TestMedia.sharedData("segmentation/data/choi");
        ChoiEvaluation.Segmenter none = ChoiEvaluation.NO_BOUNDARIES;
        ChoiEvaluation.Segmenter all = ChoiEvaluation.EVERY_SENTENCE;
        try (FinderModels models = FinderModels.builtin(TestModels.builtins(BuiltinModels.EMBEDDINGS))) {
            ChoiEvaluation eval = new ChoiEvaluation(models.embedder().orElseThrow(),
                    List.of(ChoiEvaluation.CLIPS_FIND, none, all));
            for (String subset : List.of("6-8", "9-11")) {
                ChoiCorpus.files(choi, subset).subList(0, 3).forEach(f -> eval.add(ChoiCorpus.read(choi, f)));
            }
            for (String subset : List.of("6-8", "9-11")) {
                double tiling = eval.score(subset, ChoiEvaluation.CLIPS_FIND).meanPk();
                double noneBaseline = eval.score(subset, none).meanPk();
                double allBaseline = eval.score(subset, all).meanPk();
                String seen = subset + ": TextTiling Pk " + tiling + ", no boundaries " + noneBaseline
                        + ", every sentence " + allBaseline;
                assertTrue(noneBaseline > 0.35 && allBaseline > 0.35, "the baselines look wrong; " + seen);
                assertTrue(tiling < 0.3, seen);
            }
        }
    }
}
