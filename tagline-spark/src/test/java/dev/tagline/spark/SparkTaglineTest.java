package dev.tagline.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The application's command line, up to the point where it would start Spark. */
class SparkTaglineTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return SparkTagline.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    @Test
    void helpNamesTheJobsAndTheirInputs() {
        assertEquals(0, run("tag", "--help"));
        assertTrue(out.toString().contains("--shards-per-partition"), out.toString());
        assertTrue(out.toString().contains("--model-home"), out.toString());
    }

    @Test
    void badSettingsAreOneLineAndExitTwoBeforeSparkStarts() {
        assertEquals(2, run("check", "--input", "a", "--shards", "b", "--output", "t"));
        assertTrue(err.toString().contains("Give exactly one input"), err.toString());
        assertEquals(2, run("check", "--input", "a", "--output", "t", "--partitions", "-1"));
        assertTrue(err.toString().contains("--partitions must be 0 or more"), err.toString());
        assertEquals(2, run("check", "--shards", "s", "--output", "t", "--sidecars"));
        assertTrue(err.toString().contains("--sidecars writes beside image files"), err.toString());
        assertEquals(2, run("check", "--input", "a"));
        assertTrue(err.toString().contains("--output"), err.toString());
    }

    @Test
    void captionTakesTheCliCaptionFlagsAndRejectsBadOnesBeforeSparkStarts() {
        assertEquals(0, run("caption", "--help"));
        for (String flag : List.of("--captioner", "--endpoint", "--tagger", "--ask", "--questions", "--prompt",
                "--max-tokens", "--style", "--caption-extension", "--json", "--model-home")) {
            assertTrue(out.toString().contains(flag), flag);
        }
        assertTrue(out.toString().contains("OPENAI_API_KEY"), "the key comes from the executors' environment");
        assertEquals(2, run("caption", "--input", "a", "--output", "t"));
        assertTrue(err.toString().contains("--captioner"), err.toString());
        assertEquals(2, run("caption", "--input", "a", "--output", "t", "--captioner", "tags", "--ask", "What?"));
        assertTrue(err.toString().contains("--ask and --questions need a model that can answer"), err.toString());
        assertEquals(2, run("caption", "--input", "a", "--output", "t", "--captioner", "florence-2-base",
                "--caption-extension", ".txt", "--tagger", "quality"));
        assertTrue(err.toString().contains("--caption-extension and --tags-extension are both .txt"), err.toString());
        assertEquals(2, run("caption", "--input", "a", "--output", "t", "--captioner", "openai:m", "--max-tokens",
                "0"));
        assertTrue(err.toString().contains("--max-tokens must be 1 to 4096, got 0. Give a value in that range, or"
                + " leave the option out for the captioner's default."), err.toString());
        assertTrue(!err.toString().contains("Invalid --max-tokens"), err.toString());
        assertEquals(2, run("caption", "--input", "a", "--output", "t", "--captioner", "openai:m", "--prompt",
                "{qa} Caption it."));
        assertTrue(err.toString().contains("Invalid --prompt"), err.toString());
        assertTrue(err.toString().contains("{qa} needs --ask or --questions."), "said where it applies: " + err);
    }

    /** As the CLI since "caption: allow --caption-extension .txt when no tagger runs". */
    @Test
    void captionExtensionTxtIsAllowedWithoutATagger() {
        CaptionSpec spec = new CaptionSpec(new CaptionSpec.Model("openai:m", null, null, "http://127.0.0.1:1/v1", 1, 30,
                1024, true), List.of(), null, dev.tagline.images.tag.TagRules.defaults(), new CaptionSpec.Prompt(null,
                null, dev.tagline.images.caption.Captioners.defaultGeneration("openai:m"), null, List.of(),
                dev.tagline.images.caption.CaptionCleanup.DEFAULTS, 1), new CaptionSpec.Sidecars(".txt", ".txt",
                "skip", false), null, true, "cpu");
        assertEquals(".txt", spec.checked().outputs().caption().extension());
    }

    /** As the CLI since "caption: one clear sentence and its fix for an out-of-range generation setting". */
    @Test
    void aBadPromptGetsTheQaHintOnlyWhenQaIsWhatItLacks() {
        assertEquals(2, run("caption", "--input", "a", "--output", "t", "--captioner", "openai:m", "--prompt",
                "Describe {colour}"));
        assertTrue(err.toString().contains("Invalid --prompt"), err.toString());
        assertTrue(!err.toString().contains("{qa} needs"), err.toString());
    }
}
