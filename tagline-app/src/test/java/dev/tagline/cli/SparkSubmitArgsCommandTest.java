package dev.tagline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tagline spark-submit-args}: the printed line, per master and model distribution, and its errors. */
class SparkSubmitArgsCommandTest {
    @TempDir
    Path dir;

    private CliTestSupport cli() throws IOException {
        Files.writeString(dir.resolve("tagline-spark.jar"), "jar");
        return new CliTestSupport(dir, Map.of("TAGLINE_HOME", dir.resolve("home").toString(),
                "TAGLINE_SPARK_JAR", dir.resolve("tagline-spark.jar").toString()));
    }

    @Test
    void localMasterGetsLoopbackDriverSettingsAndTheApplicationArguments() throws IOException {
        CliTestSupport cli = cli();
        assertEquals(ExitCode.OK, cli.run("spark-submit-args", "--master", "local[2]", "--", "check", "--input",
                "/data/set one", "--output", "/data/out.parquet"));
        String line = cli.out().strip();
        assertEquals("spark-submit --master 'local[2]' --class dev.tagline.spark.SparkTagline"
                + " --conf spark.driver.bindAddress=127.0.0.1 --conf spark.driver.host=127.0.0.1 "
                + dir.resolve("tagline-spark.jar") + " check --input '/data/set one' --output /data/out.parquet",
                line);
    }

    @Test
    void yarnWithAModelsArchiveShipsItAndPointsTheTagJobAtIt() throws IOException {
        CliTestSupport cli = cli();
        assertEquals(ExitCode.OK, cli.run("spark-submit-args", "--master", "yarn", "--deploy-mode", "cluster",
                "--num-executors", "8", "--executor-cores", "4", "--executor-memory", "8g", "--models-archive",
                "hdfs:///models/tagline-home.tgz", "--conf", "spark.task.cpus=2", "--", "tag", "--input",
                "hdfs:///data/set", "--output", "hdfs:///data/set.parquet"));
        String line = cli.out().strip();
        assertTrue(line.contains("--archives hdfs:///models/tagline-home.tgz#tagline-home"), line);
        assertTrue(line.endsWith("tag --input hdfs:///data/set --output hdfs:///data/set.parquet"
                + " --model-home tagline-home"), line);
        assertTrue(line.contains("--deploy-mode cluster --class dev.tagline.spark.SparkTagline"), line);
        assertTrue(line.contains("--num-executors 8") && line.contains("--conf spark.task.cpus=2"), line);
        assertFalse(line.contains("bindAddress"), "a cluster's executors must reach the driver: " + line);
    }

    @Test
    void tagWithoutArchiveReadsThisMachinesModelStore() throws IOException {
        CliTestSupport cli = cli();
        assertEquals(ExitCode.OK, cli.run("spark-submit-args", "--", "tag", "--input", "d", "--output", "o"));
        assertTrue(cli.out().strip().endsWith("--model-home " + dir.resolve("home")), cli.out());
    }

    @Test
    void captionIsAJobAndGetsTheModelStoreButNeverAnApiKey() throws IOException {
        cli(); // writes the jar
        CliTestSupport cli = new CliTestSupport(dir, Map.of("TAGLINE_HOME", dir.resolve("home").toString(),
                "TAGLINE_SPARK_JAR", dir.resolve("tagline-spark.jar").toString(),
                "TAGLINE_OPENAI_API_KEY", "sk-secret"));
        assertEquals(ExitCode.OK, cli.run("spark-submit-args", "--master", "spark://m:7077", "--", "caption",
                "--input", "d", "--output", "o", "--captioner", "openai:llava", "--endpoint", "http://gpu:8000/v1"));
        String line = cli.out().strip();
        assertTrue(line.endsWith("caption --input d --output o --captioner openai:llava --endpoint"
                + " http://gpu:8000/v1 --model-home " + dir.resolve("home")), line);
        assertFalse(line.contains("sk-secret"), "the key stays in the executors' environment: " + line);
    }

    @Test
    void aMissingJarOrAnUnknownJobIsOneLineAndExitTwo() throws IOException {
        CliTestSupport missing = new CliTestSupport(dir, Map.of("TAGLINE_HOME", dir.resolve("home").toString()));
        assertEquals(ExitCode.USAGE, missing.run("spark-submit-args", "--jar", "nowhere.jar", "--", "check"));
        assertTrue(missing.err().contains("The Spark application jar is missing"), missing.err());
        assertTrue(missing.err().contains("-pl tagline-spark"), missing.err());

        CliTestSupport cli = cli();
        assertEquals(ExitCode.USAGE, cli.run("spark-submit-args", "--", "clip", "--input", "d"));
        assertTrue(cli.err().contains("Unknown Spark job 'clip'"), cli.err());
        assertTrue(cli.err().contains("check, tag or caption"), cli.err());
    }
}
