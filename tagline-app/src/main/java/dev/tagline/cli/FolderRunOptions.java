package dev.tagline.cli;

import dev.tagline.core.TaglineException;
import dev.tagline.core.batch.BatchEngine;
import dev.tagline.core.batch.BatchJob;
import dev.tagline.core.batch.BatchObserver;
import dev.tagline.core.batch.BatchSettings;
import dev.tagline.core.batch.BatchSummary;
import dev.tagline.core.batch.ScanOptions;
import dev.tagline.core.batch.Shard;
import dev.tagline.core.batch.StopSignal;
import dev.tagline.images.load.ImageFormat;
import dev.tagline.inference.onnx.ThreadPriority;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * Which images of a folder a batch command ({@code tag}, {@code caption}) works on and how the run is cut up
 * ({@code @Mixin FolderRunOptions folder;}); runs a job over them on the {@link BatchEngine} with progress and Ctrl-C.
 */
final class FolderRunOptions {
    @Option(names = "--no-recursive", description = "Only the top folder.")
    boolean noRecursive;
    @Option(names = "--include", paramLabel = "GLOB", split = ",", description = "Only matching files.")
    List<String> include;
    @Option(names = "--exclude-files", paramLabel = "GLOB", split = ",", description = "Skip matching files.")
    List<String> excludeFiles;
    @Option(names = "--follow-links", description = "Follow symbolic links.")
    boolean followLinks;
    @Option(names = "--chunk", paramLabel = "N", defaultValue = "256", description = "Images per journal chunk (default"
            + " ${DEFAULT-VALUE}).")
    int chunk = BatchSettings.DEFAULT_CHUNK;
    @Option(names = "--workers", paramLabel = "N", description = "Decoding threads (default: one per core).")
    Integer workers;
    @Option(names = "--worker-nice", paramLabel = "0-19", defaultValue = "19",
            description = "Nice value of the threads that decode and resize images (Linux). 19 lets the model's"
                    + " threads take their core back at once, the fastest on a machine that runs nothing else; 0"
                    + " shares the CPU evenly with other programs. Default: ${DEFAULT-VALUE}.")
    int workerNice = ThreadPriority.LOWEST;
    @Option(names = "--limit", paramLabel = "N", description = "Do at most N images in this run.")
    Long limit;
    @Option(names = "--shard", paramLabel = "i/n", description = "Do only part i of n.")
    String shard;
    @Option(names = "--restart", description = "Forget earlier runs' progress and do everything again.")
    boolean restart;

    /** {@code --worker-nice}, checked: commands call it before they load any model. */
    int workerNice() {
        if (!ThreadPriority.validNice(workerNice)) {
            throw new TaglineException("--worker-nice " + workerNice + " is out of range", "Give a nice value from 0"
                    + " (the priority of other programs) to 19 (the lowest).");
        }
        return workerNice;
    }

    /**
     * Runs {@code job} over the images under {@code root}; Ctrl-C stops it after the current chunk. {@code sidecars}:
     * the extensions the run writes, passed over like the usual sidecars even when custom ({@code --extension .c2}).
     */
    <I, R> BatchSummary run(CliContext ctx, Path root, BatchJob<I, R> job, BatchObserver observer,
                            List<String> sidecars) {
        ScanOptions scan = ScanOptions.of(ImageFormat.EXTENSIONS, ImageFormat.COMPANIONS).withSidecars(sidecars)
                .withRecursive(!noRecursive).withFollowLinks(followLinks)
                .withGlobs(include == null ? List.of() : include, excludeFiles == null ? List.of() : excludeFiles);
        BatchSettings settings = BatchSettings.defaults(scan).withChunk(chunk).withRestart(restart)
                .withLimit(limit == null ? Long.MAX_VALUE : limit)
                .withShard(shard == null ? Shard.ALL : Shard.parse(shard)).withStateFallback(ctx.home().journals());
        if (workers != null) {
            settings = settings.withWorkers(workers);
        }
        StopSignal stop = new StopSignal();
        try (CtrlC ignored = CtrlC.install(stop, ctx.err())) {
            return new BatchEngine(settings, TerminalProgress.forContext(ctx), stop, observer).run(root, job);
        }
    }
}
