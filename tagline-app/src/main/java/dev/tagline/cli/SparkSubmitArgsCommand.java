package dev.tagline.cli;

import dev.tagline.core.TaglineException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code tagline spark-submit-args [options] -- JOB ARGS…}: prints the {@code spark-submit} command line that runs
 * Tagline's Spark application (tagline-spark, docs/spark.md) on the user's cluster. The app does not depend on that
 * module: it only knows its jar and main class, and never starts Spark.
 */
@Command(name = "spark-submit-args", mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true,
        description = {"Print a ready spark-submit command line for running check, tag or caption on Apache Spark.",
            "See docs/spark.md. Everything after -- goes to the application, e.g.",
            "  -- tag --input hdfs:///data/set --output hdfs:///data/set.tagline.parquet"},
        footer = {"", "Exit codes: 0 printed; 2 usage error or the application jar is missing."})
final class SparkSubmitArgsCommand implements Callable<Integer> {
    static final String MAIN_CLASS = "dev.tagline.spark.SparkTagline";
    static final String JAR = "tagline-spark.jar";
    /** Folder an {@code --archives} entry unpacks to in each container's working directory. */
    static final String ARCHIVE_DIR = "tagline-home";
    /** The application's sub-commands (SparkTagline). */
    static final List<String> JOBS = List.of("check", "tag", "caption");
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9_./:=@%+,#\\-]+");

    private final CliContext ctx;

    @Option(names = "--master", paramLabel = "URL", defaultValue = "local[*]", description = "local[N], yarn,"
            + " spark://HOST:7077 or k8s://https://HOST:443 (default: ${DEFAULT-VALUE}).")
    String master;
    @Option(names = "--deploy-mode", paramLabel = "MODE", description = "client or cluster (Spark's default: client).")
    String deployMode;
    @Option(names = "--jar", paramLabel = "FILE", description = "The application jar (default: $TAGLINE_SPARK_JAR,"
            + " else tagline-spark.jar beside tagline.jar or in the source tree's tagline-spark/target/).")
    String jar;
    @Option(names = "--models-archive", paramLabel = "FILE", description = "A .tar.gz/.zip of a TAGLINE_HOME"
            + " (models/…) shipped to every executor with --archives; the job reads models from it.")
    String modelsArchive;
    @Option(names = "--model-home", paramLabel = "DIR", description = "A TAGLINE_HOME every executor can read"
            + " (shared file system); default for tag and caption without --models-archive: this machine's"
            + " TAGLINE_HOME.")
    String modelHome;
    @Option(names = "--executor-memory", paramLabel = "SIZE", description = "e.g. 8g.")
    String executorMemory;
    @Option(names = "--executor-cores", paramLabel = "N", description = "Cores (tasks) per executor.")
    Integer executorCores;
    @Option(names = "--num-executors", paramLabel = "N", description = "YARN and Kubernetes: how many executors.")
    Integer numExecutors;
    @Option(names = "--conf", paramLabel = "KEY=VALUE", description = "Extra Spark settings, repeatable.")
    List<String> confs = new ArrayList<>();
    @Parameters(paramLabel = "JOB ARGS", arity = "1..*", description = "The application's arguments: check, tag or"
            + " caption,"
            + " then --input DIR or --shards TARS, --output TABLE, … (tagline-spark --help).")
    List<String> app;

    SparkSubmitArgsCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        String job = app.get(0);
        if (!JOBS.contains(job)) {
            throw new TaglineException("Unknown Spark job '" + job + "'", "Write check, tag or caption after --, e.g."
                    + " -- check --input DIR --output TABLE.");
        }
        if (modelsArchive != null && modelHome != null) {
            throw new TaglineException("--models-archive and --model-home exclude each other",
                    "Ship the models with the job (--models-archive) or name a shared store (--model-home).");
        }
        List<String> line = new ArrayList<>(List.of("spark-submit", "--master", master));
        if (deployMode != null) {
            line.addAll(List.of("--deploy-mode", deployMode));
        }
        line.addAll(List.of("--class", MAIN_CLASS));
        if (master.startsWith("local")) {
            // stack.md §2.8: otherwise Spark binds the driver to a non-loopback interface
            line.addAll(List.of("--conf", "spark.driver.bindAddress=127.0.0.1", "--conf",
                    "spark.driver.host=127.0.0.1"));
        }
        if (executorMemory != null) {
            line.addAll(List.of("--executor-memory", executorMemory));
        }
        if (executorCores != null) {
            line.addAll(List.of("--executor-cores", executorCores.toString()));
        }
        if (numExecutors != null) {
            line.addAll(List.of("--num-executors", numExecutors.toString()));
        }
        if (modelsArchive != null) {
            line.addAll(List.of("--archives", modelsArchive + "#" + ARCHIVE_DIR));
        }
        confs.forEach(c -> line.addAll(List.of("--conf", c)));
        line.add(jar().toString());
        line.addAll(app);
        if (!job.equals("check") && !app.contains("--model-home")) {
            line.addAll(List.of("--model-home", modelsArchive != null ? ARCHIVE_DIR
                    : modelHome != null ? modelHome : ctx.home().dir().toString()));
        }
        ctx.out().println(String.join(" ", line.stream().map(SparkSubmitArgsCommand::quote).toList()));
        return ExitCode.OK;
    }

    private Path jar() {
        List<Path> candidates = new ArrayList<>();
        if (jar != null) {
            candidates.add(ctx.resolve(Path.of(jar)));
        } else if (ctx.env().get("TAGLINE_SPARK_JAR") != null) {
            candidates.add(ctx.resolve(Path.of(ctx.env().get("TAGLINE_SPARK_JAR"))));
        } else {
            Path app = appJar();
            if (app != null) {
                candidates.add(app.resolveSibling(JAR));
                candidates.add(app.getParent().resolve("../../tagline-spark/target/" + JAR).normalize());
            }
        }
        return candidates.stream().filter(Files::isRegularFile).findFirst().orElseThrow(() -> new TaglineException(
                "The Spark application jar is missing" + (candidates.isEmpty() ? "" : ": looked for "
                        + candidates.stream().map(Path::toString).toList()),
                "Build it with ./mvnw -q -DskipTests package -pl tagline-spark -am, or give --jar FILE."));
    }

    /** The running tagline.jar, or null when running from classes (tests, IDE). */
    private static Path appJar() {
        try {
            Path p = Path.of(SparkSubmitArgsCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return Files.isRegularFile(p) ? p : null;
        } catch (URISyntaxException | SecurityException | NullPointerException e) {
            return null;
        }
    }

    /** POSIX shell quoting, only where needed, so the line can be pasted as is. */
    static String quote(String arg) {
        return SAFE.matcher(arg).matches() ? arg : "'" + arg.replace("'", "'\\''") + "'";
    }
}
