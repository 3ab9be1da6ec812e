package dev.tagline.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
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
}
