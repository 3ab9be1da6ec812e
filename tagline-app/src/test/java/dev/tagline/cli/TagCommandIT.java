package dev.tagline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tagline.inference.BuiltinModels;
import dev.tagline.inference.TestModels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tagline tag} with the default {@code quality} tagger on the real built-in models, merged with a WD model. */
class TagCommandIT {
    @TempDir
    Path work;

    @Test
    void qualityIsTheDefaultAndMergesWithAModelTagger() throws Exception {
        TagCommandTest setup = new TagCommandTest();
        setup.work = work;
        setup.folder();
        // a dark, small image: quality says lowres and dark; the WD model says blue sky (blue channel)
        TagCommandTest.png(work.resolve("data/night.png"), 0x000030, 64, 64);
        Path home = TestModels.home(BuiltinModels.FACES, BuiltinModels.OCR);
        CliTestSupport cli = new CliTestSupport(work, Map.of("TAGLINE_HOME", home.toString(), "HF_HUB_OFFLINE", "1"));
        assertEquals(ExitCode.SOME_FAILED, cli.run("tag", "data", "--no-recursive"));
        assertTrue(cli.err().contains("tagger quality (built-in BlazeFace and PaddleOCR PP-OCRv4):"
                + " face_detection_back_256x256_barracuda.onnx on CPU, "), "which models ran, and where: " + cli.err());
        assertTrue(cli.err().contains("; ch_PP-OCRv4_rec_infer.onnx on CPU, "), cli.err());
        String alone = Files.readString(work.resolve("data/night.txt"));
        assertTrue(alone.contains("lowres") && alone.contains("dark"), alone);
        CliTestSupport both = new CliTestSupport(work, Map.of("TAGLINE_HOME", home.toString(), "HF_HUB_OFFLINE", "1"));
        assertEquals(ExitCode.SOME_FAILED, both.run("tag", "data", "--no-recursive", "--tagger", "my-wd,quality",
                "--model-path", "model", "--existing", "overwrite", "--general-threshold", "0.1", "--exclude",
                "red_(colour)"));
        String merged = Files.readString(work.resolve("data/night.txt"));
        assertTrue(merged.contains("lowres") && merged.contains("dark") && merged.contains("blue sky"), merged);
        assertEquals(merged.split(", ").length, new java.util.HashSet<>(java.util.List.of(merged.split(", "))).size(),
                merged);
    }
}
