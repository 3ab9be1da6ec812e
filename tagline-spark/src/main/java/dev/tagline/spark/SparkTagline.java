package dev.tagline.spark;

import dev.tagline.core.TaglineException;
import dev.tagline.images.caption.CaptionCleanup;
import dev.tagline.images.caption.Captioners;
import dev.tagline.images.caption.GenerationSettings;
import dev.tagline.images.caption.OpenAiCaptioner;
import dev.tagline.images.load.LoadOptions;
import dev.tagline.images.sidecar.SidecarSettings;
import dev.tagline.images.tag.TagRules;
import dev.tagline.images.tag.Taggers;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The application's main class for {@code spark-submit}: {@code check}, {@code tag} or {@code caption} over a folder or WebDataset
 * shards into a Parquet table. The master, resources and model files come from {@code spark-submit}; see
 * docs/spark.md, and {@code tagline spark-submit-args} for a ready command line. Exit codes as the CLI's: 0 all done,
 * 1 some items failed (or, for check, were corrupt), 2 usage or configuration error.
 */
@Command(name = "tagline-spark", mixinStandardHelpOptions = true, subcommands = {SparkTagline.Check.class,
        SparkTagline.Tag.class, SparkTagline.Caption.class}, description = "Run Tagline's batch jobs on Apache Spark.")
public final class SparkTagline implements Callable<Integer> {
    @Override
    public Integer call() {
        CommandLine.usage(this, System.out);
        return 2;
    }

    public static void main(String[] args) {
        System.exit(execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs the command line; the session is the one {@code spark-submit} configured (or a test's). */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cmd = new CommandLine(new SparkTagline());
        cmd.setOut(out).setErr(err);
        cmd.setExecutionExceptionHandler((e, line, parsed) -> {
            if (e instanceof TaglineException te) {
                err.println("error: " + te.oneLine());
                return 2;
            }
            throw e;
        });
        return cmd.execute(args);
    }

    /** Input, output and partitioning, shared by the jobs. */
    static final class Io {
        @Option(names = "--input", paramLabel = "DIR", description = "Image folder: a local path, hdfs://…, s3a://…")
        String folder;
        @Option(names = "--shards", paramLabel = "TARS", description = "WebDataset .tar shards: a folder, a glob or"
                + " one file.")
        String shards;
        @Option(names = "--output", paramLabel = "TABLE", required = true, description = "Parquet table to append"
                + " to; a rerun with the same table skips images already in it.")
        String output;
        @Option(names = "--partitions", paramLabel = "N", defaultValue = "0", description = "Folder: spread the files"
                + " over N partitions (default: as Spark splits the listing).")
        int partitions;
        @Option(names = "--shards-per-partition", paramLabel = "N", defaultValue = "1",
                description = "Shards: how many shards one task reads (default: ${DEFAULT-VALUE}).")
        int shardsPerPartition;
        @Option(names = "--sidecars", description = "Also write sidecars beside the source images (folders).")
        boolean sidecars;
        @Option(names = "--shards-out", paramLabel = "DIR", description = "Shards: write each shard again here with"
                + " the results added as members.")
        String shardsOut;
        @Option(names = "--restart", description = "Replace the table instead of resuming it.")
        boolean restart;
        @Option(names = "--log-level", paramLabel = "LEVEL", defaultValue = "WARN", description = "Log level on the"
                + " driver (default: ${DEFAULT-VALUE}; Spark's own default, INFO, prints a page per stage).")
        String logLevel;

        RunSettings settings() {
            return new RunSettings(folder, shards, output, partitions, shardsPerPartition, sidecars, shardsOut,
                    restart);
        }
    }

    static int run(RunSettings settings, JobSpec spec, PrintWriter out, String logLevel) {
        // stack.md §2.8: Spark 4's log4j2 default logs INFO to stderr; set before the session logs its start
        org.apache.logging.log4j.core.config.Configurator.setRootLevel(org.apache.logging.log4j.Level.toLevel(
                logLevel, org.apache.logging.log4j.Level.WARN));
        SparkSession spark = SparkSession.builder().appName("tagline " + spec.name()).getOrCreate();
        spark.sparkContext().setLogLevel(logLevel); // Spark re-applies its default profile when its context starts
        RunSummary summary = new SparkRun(spark, settings).run(spec);
        summary.perVerdict().forEach((verdict, n) -> out.printf("%-12s %d%n", verdict, n));
        out.printf("%s: %d rows in %.1f s (run %s); %d done by earlier runs%n", spec.name(), summary.rows(),
                summary.elapsed().toMillis() / 1000.0, summary.runId(), summary.earlier());
        if (summary.warned() > 0) {
            out.println(dev.tagline.images.check.LastCheck.sharedSidecars(summary.warned(),
                    "the table's warning column"));
        }
        long failed = summary.count("failed") + summary.count("corrupt") + summary.count("too-large")
                + summary.count("error");
        return failed > 0 ? 1 : 0;
    }

    @Command(name = "check", mixinStandardHelpOptions = true, description = "Verify every image (tagline check).")
    static final class Check implements Callable<Integer> {
        @Mixin
        Io io;
        @Option(names = "--max-pixels", paramLabel = "N", defaultValue = "178956970", description = "Refuse images"
                + " with more pixels, before decoding.")
        long maxPixels;
        @Option(names = "--min-side", paramLabel = "PX", defaultValue = "256", description = "Flag images whose"
                + " shorter side is smaller (0 = off).")
        int minSide;
        @Option(names = "--background", paramLabel = "COLOUR", defaultValue = "white",
                description = "Colour transparency is composited on.")
        String background;
        @CommandLine.Spec
        CommandLine.Model.CommandSpec command;

        @Override
        public Integer call() {
            JobSpec spec = new CheckSpec(new LoadOptions(maxPixels, minSide, LoadOptions.parseColour(background)));
            return run(io.settings(), spec, command.commandLine().getOut(), io.logLevel);
        }
    }

    /** Where the executors find models, and on which device they run. */
    static final class Models {
        @Option(names = "--model-home", paramLabel = "DIR", description = "TAGLINE_HOME on the executors: a shared"
                + " model store, or the folder an --archives entry unpacks to (e.g. tagline-home).")
        String modelHome;
        @Option(names = "--allow-downloads", description = "Let executors download missing models (off: each"
                + " machine gets them with the job or from the shared store).")
        boolean allowDownloads;
        @Option(names = "--device", paramLabel = "DEVICE", defaultValue = "cpu", description = "cpu or cuda:N.")
        String device;
    }

    /** Which tags are written and how, as {@code tagline tag}'s flags. */
    static final class RuleFlags {
        @Option(names = "--general-threshold", paramLabel = "P", defaultValue = "0.35")
        double general;
        @Option(names = "--character-threshold", paramLabel = "P", defaultValue = "0.85")
        double character;
        @Option(names = "--trigger", paramLabel = "WORD", defaultValue = "", description = "Write WORD first.")
        String trigger;
        @Option(names = "--exclude", paramLabel = "TAGS", defaultValue = "", description = "Comma list never written.")
        String exclude;
        @Option(names = "--replace", paramLabel = "A,B;C,D", defaultValue = "", description = "Replace tag A by B.")
        String replace;
        @Option(names = "--with-scores", description = "Write tag:0.93 instead of tag.")
        boolean withScores;
        @Option(names = "--separator", paramLabel = "TEXT", defaultValue = ", ")
        String separator;

        TagRules rules() {
            return TagRules.defaults().withThresholds(general, character)
                    .withEdits(trigger, TagRules.parseList(exclude), TagRules.parseReplace(replace))
                    .withText(false, false, withScores, separator);
        }
    }

    @Command(name = "tag", mixinStandardHelpOptions = true, description = "Tag every image (tagline tag).")
    static final class Tag implements Callable<Integer> {
        @Mixin
        Io io;
        @Option(names = "--tagger", paramLabel = "ID", split = ",", defaultValue = Taggers.QUALITY,
                description = "Taggers to run (default: ${DEFAULT-VALUE}).")
        List<String> taggers;
        @Option(names = "--model-path", paramLabel = "DIR", description = "Model folder, the same path on every"
                + " machine, for the one model tagger.")
        String modelPath;
        @Mixin
        Models models;
        @Option(names = "--batch", paramLabel = "N", defaultValue = "8", description = "Images per model call.")
        int batch;
        @Option(names = "--threshold", paramLabel = "P", description = "RAM++: one threshold for every tag.")
        Double ramThreshold;
        @Mixin
        RuleFlags rules;
        @Option(names = "--extension", paramLabel = "EXT", defaultValue = SidecarSettings.TAGS_EXTENSION)
        String extension;
        @Option(names = "--existing", paramLabel = "POLICY", defaultValue = "skip",
                description = "When a sidecar exists: skip, overwrite, append or prepend.")
        String existing;
        @CommandLine.Spec
        CommandLine.Model.CommandSpec command;

        @Override
        public Integer call() {
            JobSpec spec = new TagSpec(taggers, modelPath, models.modelHome, !models.allowDownloads, models.device,
                    batch, ramThreshold, rules.rules(), extension, existing);
            return run(io.settings(), spec, command.commandLine().getOut(), io.logLevel);
        }
    }

    @Command(name = "caption", mixinStandardHelpOptions = true, sortOptions = false, description = "Caption every"
            + " image, optionally after tagging it and asking short questions (tagline caption). The key of an"
            + " openai: captioner comes from each executor's TAGLINE_OPENAI_API_KEY or OPENAI_API_KEY.")
    static final class Caption implements Callable<Integer> {
        @Mixin
        Io io;
        @Option(names = "--captioner", paramLabel = "ID", required = true, description = "florence-2-base (and the"
                + " other Florence-2 ids) in process, openai:MODEL at --endpoint, or tags (composed from the tags).")
        String captioner;
        @Option(names = "--model-path", paramLabel = "DIR", description = "In-process captioners: this export"
                + " folder, the same path on every machine, instead of the model store.")
        String modelPath;
        @Option(names = "--precision", paramLabel = "fp32|fp16|int8|q4", description = "In-process captioners: the"
                + " model variant to load.")
        String precision;
        @Option(names = "--endpoint", paramLabel = "URL", description = "Base URL of the OpenAI-compatible server,"
                + " reachable from every executor.")
        String endpoint;
        @Option(names = "--concurrency", paramLabel = "N", defaultValue = "" + OpenAiCaptioner.DEFAULT_CONCURRENCY,
                description = "Requests in flight at"
                + " most per executor (default: ${DEFAULT-VALUE}).")
        int concurrency;
        @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "120")
        int timeoutSeconds;
        @Option(names = "--max-side", paramLabel = "PX", defaultValue = "" + OpenAiCaptioner.DEFAULT_MAX_SIDE,
                description = "Scale images down to"
                + " this longest side before sending (default: ${DEFAULT-VALUE}).")
        int maxSide;
        @Option(names = "--no-image", description = "Send the prompt alone (a text LLM writing from {tags}).")
        boolean noImage;
        @Option(names = "--tagger", paramLabel = "ID", split = ",", description = "Tag first with these taggers;"
                + " the tags go to the .txt sidecar, the table and the prompt's {tags}.")
        List<String> taggers;
        @Option(names = "--tagger-model-path", paramLabel = "DIR", description = "Model folder for the (one) model"
                + " tagger, the same path on every machine.")
        String taggerModelPath;
        @Mixin
        Models models;
        @Mixin
        RuleFlags rules;
        @Option(names = "--prompt", paramLabel = "TEXT", description = "The prompt; {tags}, {name}, {folder}, {qa}"
                + " as in tagline caption (default: the captioner's).")
        String prompt;
        @Option(names = "--system", paramLabel = "TEXT", description = "System prompt for chat servers.")
        String system;
        @Option(names = "--max-tokens", paramLabel = "N")
        Integer maxTokens;
        @Option(names = "--beams", paramLabel = "N")
        Integer beams;
        @Option(names = "--temperature", paramLabel = "T")
        Double temperature;
        @Option(names = "--top-p", paramLabel = "P")
        Double topP;
        @Option(names = "--repetition-penalty", paramLabel = "X")
        Double repetitionPenalty;
        @Option(names = "--no-repeat-ngram", paramLabel = "N")
        Integer noRepeatNgram;
        @Option(names = "--ask", paramLabel = "QUESTIONS", description = "Ask these short questions first; the"
                + " answers go to the table's qa column and NAME.json.")
        String ask;
        @Option(names = "--questions", paramLabel = "FILE", description = "As --ask, one question per line (a file"
                + " on the driver).")
        java.nio.file.Path questionsFile;
        @Option(names = "--style", paramLabel = "sentence|concise", defaultValue = "sentence")
        String style;
        @Option(names = "--max-length", paramLabel = "CHARS", defaultValue = "0")
        int maxLength;
        @Option(names = "--prefix", paramLabel = "TEXT")
        String prefix;
        @Option(names = "--tag-retries", paramLabel = "N", defaultValue = "1")
        int tagRetries;
        @Option(names = "--caption-extension", paramLabel = "EXT", defaultValue = SidecarSettings.CAPTION_EXTENSION)
        String captionExtension;
        @Option(names = "--tags-extension", paramLabel = "EXT", defaultValue = SidecarSettings.TAGS_EXTENSION)
        String tagsExtension;
        @Option(names = "--existing", paramLabel = "POLICY", defaultValue = "skip",
                description = "When a sidecar exists: skip (the image is passed over when all of its sidecars"
                        + " exist), overwrite, append or prepend.")
        String existing;
        @Option(names = "--json", description = "Also write NAME.json (always with --ask or --questions).")
        boolean json;
        @CommandLine.Spec
        CommandLine.Model.CommandSpec command;

        @Override
        public Integer call() {
            JobSpec spec = new CaptionSpec(new CaptionSpec.Model(captioner, modelPath, precision, endpoint,
                    concurrency, timeoutSeconds, maxSide, !noImage), taggers == null ? List.of() : taggers,
                    taggerModelPath, rules.rules(), new CaptionSpec.Prompt(prompt, system, generation(),
                    ask, questionLines(), new CaptionCleanup(CaptionCleanup.Style.parse(style), maxLength, prefix),
                    tagRetries), new CaptionSpec.Sidecars(captionExtension, tagsExtension, existing, json),
                    models.modelHome, !models.allowDownloads, models.device).checked();
            return run(io.settings(), spec, command.commandLine().getOut(), io.logLevel);
        }

        private GenerationSettings generation() {
            if (tagRetries < 0 || tagRetries > 5) {
                throw new TaglineException("--tag-retries must be 0 to 5, got " + tagRetries, "");
            }
            if (timeoutSeconds < 1) {
                throw new TaglineException("--timeout must be at least 1 second, got " + timeoutSeconds, "");
            }
            GenerationSettings d = Captioners.defaultGeneration(captioner);
            try {
                return new GenerationSettings(or(maxTokens, d.maxTokens()), or(beams, d.beams()),
                        or(temperature, d.temperature()), or(topP, d.topP()),
                        or(repetitionPenalty, d.repetitionPenalty()), or(noRepeatNgram, d.noRepeatNgram()));
            } catch (IllegalArgumentException e) {
                throw new TaglineException(e.getMessage(), "Give a value in that range, or leave the option out for"
                        + " the captioner's default.", e);
            }
        }

        /** The questions file's lines, read here on the driver; empty without one. */
        private List<String> questionLines() {
            if (ask != null && questionsFile != null) {
                throw new TaglineException("Give --ask or --questions, not both", "Put all questions in the file.");
            }
            if (questionsFile == null) {
                return List.of();
            }
            try {
                return java.nio.file.Files.readAllLines(questionsFile);
            } catch (java.io.IOException e) {
                throw new TaglineException("Cannot read the questions file " + questionsFile + ": " + e.getMessage(),
                        "Give a text file on the driver with one question per line.", e);
            }
        }

        private static <T> T or(T value, T fallback) {
            return value == null ? fallback : value;
        }
    }
}
