package dev.tagline.video.bench;

import dev.tagline.inference.BuiltinModels;
import dev.tagline.inference.TestModels;
import dev.tagline.video.highlight.FinderModels;
import dev.tagline.video.highlight.SentenceEmbedder;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Topic segmentation on Choi's test set (folders 1-3, 700 documents) with the finder's TextTiling over MiniLM,
 * printed as a Markdown table beside Choi's published Pk (data/choi/Table.txt, codes 27 and 26). Run by hand
 * (docs/benchmarks.md, "Issue 7"):
 * {@code ChoiBenchmark [CHOI_DIR] [--every N]}; {@code --every N} keeps documents 0, N, 2N … of each subset in file
 * order. Without the data it says so and does nothing.
 */
public final class ChoiBenchmark {
    /** Choi's Table.txt, block "Accuracy", columns 3-5, 6-8, 9-11, 3-11. */
    static final List<Published> PUBLISHED = List.of(
            new Published("TextTiling (Hearst's implementation, defaults; code 27)", 0.44, 0.43, 0.48, 0.46),
            new Published("C99, unknown number of boundaries (code 26)", 0.18, 0.10, 0.10, 0.13),
            new Published("no boundaries (code 1)", 0.47, 0.47, 0.47, 0.46),
            new Published("a boundary after every sentence (code 2)", 0.53, 0.53, 0.53, 0.54));

    /** One row of Choi's table: Pk on 3-5, 6-8, 9-11 and 3-11. */
    record Published(String method, double pk35, double pk68, double pk911, double pk311) {
    }

    private ChoiBenchmark() {
    }

    public static void main(String[] args) {
        PrintStream out = System.out;
        int every = 1;
        Path choi = null;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--every")) {
                every = Integer.parseInt(args[++i]);
            } else {
                choi = Path.of(args[i]);
            }
        }
        if (choi == null) {
            choi = find(Path.of("").toAbsolutePath());
        }
        if (choi == null || !Files.isDirectory(choi.resolve("1"))) {
            out.println("skipped: the Choi set ../shared/data/segmentation/data/choi is absent (only on the team's"
                    + " machines); give its folder as the first argument");
            return;
        }
        try (FinderModels models = FinderModels.builtin(TestModels.builtins(BuiltinModels.EMBEDDINGS))) {
            SentenceEmbedder embedder = models.embedder().orElseThrow();
            ChoiEvaluation eval = new ChoiEvaluation(embedder, ChoiEvaluation.SEGMENTERS);
            long started = System.nanoTime();
            int docs = 0;
            int sentences = 0;
            List<Path> chosen = chosen(choi, every);
            for (Path file : chosen) {
                ChoiCorpus.Document doc = ChoiCorpus.read(choi, file);
                eval.add(doc);
                docs++;
                sentences += doc.sentences().size();
                if (docs % 25 == 0 || docs == chosen.size()) {
                    double s = (System.nanoTime() - started) / 1e9;
                    out.printf(Locale.ROOT, "%d of %d documents, %d sentences, %.1f s (%.0f ms/document)%n", docs,
                            chosen.size(), sentences, s, 1000 * s / docs);
                }
                if (docs % 100 == 0 && docs < chosen.size()) {
                    print(out, eval);
                }
            }
            double s = (System.nanoTime() - started) / 1e9;
            out.printf(Locale.ROOT, "%nDone: %d documents (every %d of folders 1-3), %d sentences in %.1f s,"
                    + " %.0f ms/document%n%n", docs, every, sentences, s, 1000 * s / docs);
            print(out, eval);
        }
    }

    /**
     * Every {@code every}-th document of each subset, in file order, taken round-robin over the subsets (the i-th of
     * 3-5, of 6-8, of 9-11, of 3-11, then the next), so a run stopped early still covers every subset evenly.
     */
    static List<Path> chosen(Path choi, int every) {
        List<List<Path>> bySubset = new ArrayList<>();
        for (String subset : ChoiCorpus.SUBSETS) {
            List<Path> files = ChoiCorpus.files(choi, subset);
            List<Path> kept = new ArrayList<>();
            for (int i = 0; i < files.size(); i += every) {
                kept.add(files.get(i));
            }
            bySubset.add(kept);
        }
        List<Path> out = new ArrayList<>();
        for (int i = 0; out.size() < bySubset.stream().mapToInt(List::size).sum(); i++) {
            for (List<Path> kept : bySubset) {
                if (i < kept.size()) {
                    out.add(kept.get(i));
                }
            }
        }
        return out;
    }

    static void print(PrintStream out, ChoiEvaluation eval) {
        out.println("| method | 3-5 | 6-8 | 9-11 | 3-11 |");
        out.println("|---|---|---|---|---|");
        for (ChoiEvaluation.Segmenter s : eval.segmenters()) {
            List<String> cells = new ArrayList<>();
            for (String subset : ChoiCorpus.SUBSETS) {
                ChoiEvaluation.Score score = eval.score(subset, s);
                cells.add(score == null ? "—" : String.format(Locale.ROOT, "%.3f / %.3f (%d docs, %.1f found)",
                        score.meanPk(), score.meanWindowDiff(), score.docs, score.meanBoundaries()));
            }
            out.println("| " + s.name() + " (Pk / WindowDiff) | " + String.join(" | ", cells) + " |");
        }
        PUBLISHED.forEach(p -> out.printf(Locale.ROOT, "| published: %s (Pk) | %.2f | %.2f | %.2f | %.2f |%n",
                p.method(), p.pk35(), p.pk68(), p.pk911(), p.pk311()));
    }

    private static Path find(Path dir) {
        for (Path d = dir; d != null; d = d.getParent()) {
            Path candidate = d.resolve("shared/data/segmentation/data/choi");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        return null;
    }
}
