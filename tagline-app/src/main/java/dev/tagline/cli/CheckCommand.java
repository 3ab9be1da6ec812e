package dev.tagline.cli;

import dev.tagline.core.batch.BatchEngine;
import dev.tagline.core.batch.BatchSettings;
import dev.tagline.core.batch.BatchSummary;
import dev.tagline.core.batch.ScanOptions;
import dev.tagline.core.batch.Shard;
import dev.tagline.core.batch.StopSignal;
import dev.tagline.images.check.CheckActions;
import dev.tagline.images.check.CheckJob;
import dev.tagline.images.check.CheckPolicy;
import dev.tagline.images.check.CheckSummary;
import dev.tagline.images.load.ImageFormat;
import dev.tagline.images.load.ImageLoader;
import dev.tagline.images.load.LoadOptions;
import dev.tagline.images.sidecar.SidecarSettings;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code tagline check DIR}: verify every image, report, and optionally set bad files aside. Wiring only. */
@Command(name = "check", mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true,
        description = "Verify an image folder: decode every file the way the taggers do, report each verdict"
            + " (ok, converted, corrupt, unsupported, too-large, too-small, duplicate), and optionally quarantine or"
            + " delete bad files. Resumable: a stopped run continues where it left off.",
        footer = {"", "Exit codes: 0 all files usable; 1 some files corrupt, too large or unreadable, no image in"
            + " DIR, or the run was stopped; 2 usage error."})
final class CheckCommand implements Callable<Integer> {
    private final CliContext ctx;

    @Parameters(index = "0", paramLabel = "DIR", description = "Folder of images.")
    Path dir;
    @Option(names = "--no-recursive", description = "Only the top folder.")
    boolean noRecursive;
    @Option(names = "--include", paramLabel = "GLOB", split = ",", description = "Only matching files, e.g. '*.png'.")
    List<String> include;
    @Option(names = {"--exclude", "--exclude-files"}, paramLabel = "GLOB", split = ",",
            description = "Skip matching files or folders (--exclude-files, as tag and caption call it).")
    List<String> exclude;
    @Option(names = "--follow-links", description = "Follow symbolic links (off by default).")
    boolean followLinks;
    @Option(names = "--max-pixels", paramLabel = "N", defaultValue = "178956970",
            description = "Refuse images with more pixels, before decoding (default: ${DEFAULT-VALUE}).")
    long maxPixels;
    @Option(names = "--min-side", paramLabel = "PX", defaultValue = "256",
            description = "Flag images whose shorter side is smaller (default: ${DEFAULT-VALUE}; 0 = off).")
    int minSide;
    @Option(names = "--background", paramLabel = "COLOUR", defaultValue = "white",
            description = "Colour transparency is composited on: white, black, gray or #RRGGBB (default: white).")
    String background;
    @Option(names = "--sidecar-ext", paramLabel = "EXT", split = ",", converter = SidecarExtConverter.class,
            description = "Other tools' sidecar"
            + " extensions, e.g. .tags,.wd14: such files beside an image are its sidecars (not listed as unsupported,"
            + " moved and deleted with it), besides .txt, .caption, .cap, .json, .npz and .tags.")
    List<String> sidecarExt;
    @Option(names = "--quarantine", paramLabel = "DIR", description = "Move bad files and their sidecars here.")
    Path quarantine;
    @Option(names = "--delete-corrupt", description = "Delete corrupt files and their sidecars (asks first).")
    boolean deleteCorrupt;
    @Option(names = "--yes", description = "Do not ask before deleting.")
    boolean yes;
    @Option(names = "--dry-run", description = "Show what would be moved, deleted or rewritten; change nothing.")
    boolean dryRun;
    @Option(names = "--rewrite-rgb", description = "Re-save converted images as plain sRGB in place; originals go"
            + " to DIR/.tagline/originals/.")
    boolean rewriteRgb;
    @Option(names = "--report", paramLabel = "FILE", description = "Write one JSON line per file (e.g. check.jsonl).")
    Path report;
    @Option(names = "--chunk", paramLabel = "N", defaultValue = "256",
            description = "Files per journal chunk (default: ${DEFAULT-VALUE}).")
    int chunk;
    @Option(names = "--workers", paramLabel = "N", description = "Decoding threads (default: one per CPU core).")
    Integer workers;
    @Option(names = "--limit", paramLabel = "N", description = "Check at most N files in this run.")
    Long limit;
    @Option(names = "--shard", paramLabel = "i/n", description = "Check only part i of n (e.g. 2/4), for"
            + " splitting a folder across machines.")
    String shard;
    @Option(names = "--restart", description = "Forget earlier runs' progress and check everything again.")
    boolean restart;

    /** The start of a same-name warning line ({@code warning     same.png: would share the sidecar …}). */
    private static final String WARNING = "warning     ";

    CheckCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        Path root = BatchEngine.requireFolder(ctx.resolve(dir));
        List<String> sidecars = sidecarExt == null ? List.of() : sidecarExt.stream().distinct().toList();
        LoadOptions load = new LoadOptions(maxPixels, minSide, LoadOptions.parseColour(background));
        Path quarantineDir = quarantine == null ? null : ctx.resolve(quarantine);
        CheckPolicy policy = new CheckPolicy(quarantineDir, deleteCorrupt, dryRun, rewriteRgb, sidecars);
        ScanOptions scan = ScanOptions.of(ImageFormat.EXTENSIONS, ImageFormat.COMPANIONS).withSidecars(sidecars)
                .withRecursive(!noRecursive)
                .withFollowLinks(followLinks)
                .withGlobs(include == null ? List.of() : include, exclude == null ? List.of() : exclude)
                .withExcludedDirs(quarantineDir == null ? Set.of() : Set.of(quarantineDir));
        BatchSettings settings = BatchSettings.defaults(scan).withChunk(chunk).withRestart(restart)
                .withLimit(limit == null ? Long.MAX_VALUE : limit)
                .withShard(shard == null ? Shard.ALL : Shard.parse(shard)).withStateFallback(ctx.home().journals());
        if (report != null) {
            requireWritable(ctx.resolve(report), "--report");
        }
        if (workers != null) {
            settings = settings.withWorkers(workers);
        }
        CheckActions actions = new CheckActions(root, policy, new ImageLoader(load), ctx.out()::println);
        PrintWriter err = ctx.err();
        err.println("jpeg decoder " + ImageLoader.jpegDecoder());
        StopSignal stop = new StopSignal();
        Set<String> named = ConcurrentHashMap.newKeySet();
        // a run that moves or deletes files may resolve a same-name clash (one of the pair set aside): its warnings
        // wait for the verdicts and the moves, and only those that still hold are printed
        boolean movesFiles = !dryRun && (quarantineDir != null || deleteCorrupt);
        CheckJob job = new CheckJob(load, r -> {
            named.add(r.file());
            err.println(CheckReport.problemLine(r));
        }, warning -> {
            if (!movesFiles) {
                err.println(WARNING + warning);
            }
        });
        BatchSummary batch;
        try (CtrlC ignored = CtrlC.install(stop, err)) {
            batch = new BatchEngine(settings, TerminalProgress.forContext(ctx), stop, TagReport.observer(err)).run(root, job);
        }
        CheckActions.Deletion deletion = yes || dryRun || !deleteCorrupt ? CheckActions.Deletion.CONFIRMED
                : DeleteConfirmation.ask(ctx, actions, batch.journal());
        CheckSummary summary = actions.apply(batch.journal(), report == null ? null : ctx.resolve(report), deletion,
                job.warnings());
        if (movesFiles) {
            summary.warned().forEach(warning -> err.println(WARNING + warning));
        }
        CheckReport.earlierProblems(err, summary, named);
        CheckReport.print(ctx.out(), summary, batch, report == null ? null : ctx.resolve(report));
        boolean none = FolderNotes.print(ctx.out(), batch, root, "check");
        job.kohyaNotes(summary).forEach(ctx.out()::println);
        return none || batch.stopped() || batch.failed() > 0 || summary.failures() > 0 ? ExitCode.SOME_FAILED
                : ExitCode.OK;
    }

    /**
     * Each {@code --sidecar-ext}, checked by the rule tag and caption check theirs by, with a dot; a bad one is a usage
     * error, so a value from tagline.toml or the environment names where it came from.
     */
    static final class SidecarExtConverter implements picocli.CommandLine.ITypeConverter<String> {
        @Override
        public String convert(String value) {
            try {
                return SidecarSettings.companionExtension(value, "--sidecar-ext");
            } catch (dev.tagline.core.TaglineException e) {
                throw new picocli.CommandLine.TypeConversionException(e.oneLine().replaceFirst("\\.$", ""));
            }
        }
    }

    /**
     * Refuses an output file that cannot be written, before the run: found only at the end, it cost the whole check
     * and left a journal behind although exit code 2 means nothing changed. The file is written by temp file and
     * rename, so what counts is its folder (the nearest existing one, as missing folders are created).
     */
    static void requireWritable(Path file, String option) {
        Path target = file.toAbsolutePath().normalize();
        if (java.nio.file.Files.isDirectory(target)) {
            throw new dev.tagline.core.TaglineException(option + " " + target + " is a folder",
                    "Give a file name, e.g. " + option + " " + target.resolve("check.jsonl") + ".");
        }
        Path dir = target.getParent();
        while (dir != null && !java.nio.file.Files.exists(dir)) {
            dir = dir.getParent();
        }
        if (dir == null || !java.nio.file.Files.isDirectory(dir)) {
            throw new dev.tagline.core.TaglineException("Cannot write " + option + " " + target + ": " + dir
                    + " is a file, not a folder", "Give a path in a folder, e.g. " + option + " check.jsonl.");
        }
        if (!java.nio.file.Files.isWritable(dir)) {
            throw new dev.tagline.core.TaglineException("Cannot write " + option + " " + target + ": the folder "
                    + dir + " is not writable", "Give a path in a writable folder, e.g. " + option + " "
                    + Path.of(System.getProperty("java.io.tmpdir"), "check.jsonl") + ".");
        }
    }
}
