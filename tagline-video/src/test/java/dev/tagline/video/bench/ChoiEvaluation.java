package dev.tagline.video.bench;

import dev.tagline.video.highlight.SentenceEmbedder;
import dev.tagline.video.highlight.TextTiler;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.IntStream;

/**
 * Scores segmenters on Choi documents: each document's sentences are embedded once, every segmenter runs on the same
 * vectors, and Pk and WindowDiff (k from the reference, {@link SegmentationMetrics#halfMeanSegment}) are averaged
 * over documents, as Choi averages Pk. Not thread-safe.
 */
final class ChoiEvaluation {
    /** A segmenter over one document's sentence embeddings: the gaps after which a segment starts. */
    record Segmenter(String name, Function<float[][], Set<Integer>> run) {
    }

    /** Running means for one segmenter on one subset. */
    static final class Score {
        int docs;
        double pk;
        double windowDiff;
        double boundaries;

        void add(double docPk, double docWindowDiff, int found) {
            docs++;
            pk += docPk;
            windowDiff += docWindowDiff;
            boundaries += found;
        }

        double meanPk() {
            return pk / docs;
        }

        double meanWindowDiff() {
            return windowDiff / docs;
        }

        double meanBoundaries() {
            return boundaries / docs;
        }
    }

    /** What {@code tagline clips find} runs (ClipFinder.topics): window 7, cutoff mean + standard deviation. */
    static final Segmenter CLIPS_FIND = tiler(TextTiler.DEFAULT_K, TextTiler.Cutoff.HIGH);

    static final Segmenter NO_BOUNDARIES = new Segmenter("baseline: no boundaries", v -> Set.of());
    static final Segmenter EVERY_SENTENCE = new Segmenter("baseline: a boundary after every sentence",
            v -> gaps(v.length));

    /** The finder's setting, two variants on the same vectors, and the trivial baselines. */
    static final List<Segmenter> SEGMENTERS = List.of(CLIPS_FIND, tiler(5, TextTiler.Cutoff.HIGH),
            tiler(TextTiler.DEFAULT_K, TextTiler.Cutoff.AVERAGE), NO_BOUNDARIES, EVERY_SENTENCE);

    private final SentenceEmbedder embedder;
    private final List<Segmenter> segmenters;
    /** subset → segmenter name → score. */
    private final Map<String, Map<String, Score>> scores = new LinkedHashMap<>();

    ChoiEvaluation(SentenceEmbedder embedder, List<Segmenter> segmenters) {
        this.embedder = embedder;
        this.segmenters = List.copyOf(segmenters);
    }

    static Segmenter tiler(int k, TextTiler.Cutoff cutoff) {
        String policy = switch (cutoff) {
            case HIGH -> "mean + std";
            case AVERAGE -> "mean";
            case LOW -> "mean - std";
        };
        return new Segmenter("TextTiler, MiniLM, window " + k + ", cutoff " + policy,
                v -> new TreeSet<>(TextTiler.boundaries(v, k, cutoff)));
    }

    /** Embeds {@code doc} and scores every segmenter on it, under its subset and under "all". */
    void add(ChoiCorpus.Document doc) {
        float[][] vectors = embedder.embed(doc.sentences());
        int n = doc.sentences().size();
        int k = SegmentationMetrics.halfMeanSegment(n, doc.boundaries());
        for (Segmenter s : segmenters) {
            Set<Integer> found = s.run().apply(vectors);
            double pk = SegmentationMetrics.pk(n, doc.boundaries(), found, k);
            double wd = SegmentationMetrics.windowDiff(n, doc.boundaries(), found, k);
            scores.computeIfAbsent(doc.subset(), x -> new LinkedHashMap<>())
                    .computeIfAbsent(s.name(), x -> new Score()).add(pk, wd, found.size());
        }
    }

    /** Scores of {@code segmenter} on {@code subset}; null when no document of it was added. */
    Score score(String subset, Segmenter segmenter) {
        Map<String, Score> bySubset = scores.get(subset);
        return bySubset == null ? null : bySubset.get(segmenter.name());
    }

    List<Segmenter> segmenters() {
        return segmenters;
    }

    private static Set<Integer> gaps(int n) {
        return new TreeSet<>(IntStream.range(0, n - 1).boxed().toList());
    }
}
