package dev.tagline.images.caption.florence;

import dev.tagline.core.TaglineException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where the parts of one Florence-2 export are: the four graphs of one precision, {@code tokenizer.json}, and when
 * present {@code generation_config.json}, {@code config.json} and {@code preprocessor_config.json}. A folder laid out
 * as the Hub repository (graphs under {@code onnx/}) or flat (as Tagline's cache holds it) both work.
 */
record FlorenceFiles(Path visionEncoder, Path embedTokens, Path encoder, Path decoder, Path tokenizer,
                     Optional<Path> generationConfig, Optional<Path> modelConfig, Optional<Path> preprocessorConfig,
                     FlorencePrecision precision) {
    static final List<String> GRAPHS = List.of("vision_encoder", "embed_tokens", "encoder_model",
            "decoder_model_merged");

    /** The files for {@code precision} in {@code dir} or {@code dir/onnx}; an error naming the first one missing. */
    static FlorenceFiles inFolder(Path dir, FlorencePrecision precision) {
        if (!Files.isDirectory(dir)) {
            throw new TaglineException("Florence-2 model folder " + dir + " does not exist or is not a folder",
                    "Point --model-path at a folder holding the export's onnx/ graphs and tokenizer.json.");
        }
        Path[] graphs = new Path[GRAPHS.size()];
        for (int i = 0; i < graphs.length; i++) {
            String name = GRAPHS.get(i) + precision.suffix() + ".onnx";
            graphs[i] = find(dir, name).orElseThrow(() -> missingGraph(dir, name, precision));
        }
        Path tokenizer = find(dir, "tokenizer.json").orElseThrow(() -> new TaglineException(
                "Florence-2 model folder " + dir + " has no tokenizer.json",
                "Copy tokenizer.json from the same Hugging Face repository (onnx-community/Florence-2-*) next to the "
                        + "graphs."));
        return new FlorenceFiles(graphs[0], graphs[1], graphs[2], graphs[3], tokenizer,
                find(dir, "generation_config.json"), find(dir, "config.json"), find(dir, "preprocessor_config.json"),
                precision);
    }

    /** The files of a model the store resolved (a flat folder, named as in the catalog). */
    static FlorenceFiles of(Map<String, Path> files, Path dir, FlorencePrecision precision) {
        Path anyGraph = files.get(GRAPHS.get(0) + precision.suffix() + ".onnx");
        return inFolder(anyGraph != null ? anyGraph.getParent() : dir, precision);
    }

    /** The graphs, in pipeline order. */
    List<Path> graphs() {
        return List.of(visionEncoder, embedTokens, encoder, decoder);
    }

    /** Bytes of the four graphs on disk (with their external data files, when any). */
    long graphBytes() {
        long total = 0;
        for (Path graph : graphs()) {
            total += size(graph) + size(graph.resolveSibling(graph.getFileName() + "_data"));
        }
        return total;
    }

    private static long size(Path file) {
        try {
            return Files.isRegularFile(file) ? Files.size(file) : 0;
        } catch (IOException e) {
            return 0;
        }
    }

    private static Optional<Path> find(Path dir, String name) {
        for (Path candidate : List.of(dir.resolve(name), dir.resolve("onnx").resolve(name))) {
            if (Files.isRegularFile(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    private static TaglineException missingGraph(Path dir, String name, FlorencePrecision precision) {
        return new TaglineException("Florence-2 model folder " + dir + " has no " + name + " (precision "
                + precision.flag() + "), neither there nor in " + dir.resolve("onnx"),
                "Download it from the same onnx-community/Florence-2-* repository, or pick a --precision whose files "
                        + "the folder has.");
    }
}
