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
                "--caption-extension", ".txt"));
        assertTrue(err.toString().contains("--caption-extension and --tags-extension are both .txt"), err.toString());
        assertEquals(2, run("caption", "--input", "a", "--output", "t", "--captioner", "openai:m", "--max-tokens",
                "0"));
        assertTrue(err.toString().contains("--max-tokens must be 1 to 4096"), err.toString());
        assertEquals(2, run("caption", "--input", "a", "--output", "t", "--captioner", "openai:m", "--prompt",
                "{qa} Caption it."));
        assertTrue(err.toString().contains("Invalid --prompt"), err.toString());
    }
}
