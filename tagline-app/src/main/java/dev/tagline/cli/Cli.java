package dev.tagline.cli;

import dev.tagline.core.TaglineException;
import dev.tagline.core.config.Settings;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Builds the {@code tagline} command tree and runs it. The one place that maps exceptions to exit codes and
 * one-line messages ({@code --verbose} adds the stack trace).
 */
public final class Cli {
    private Cli() {
    }

    /** Runs {@code tagline args} in {@code ctx} and returns the exit code; never exits the JVM. */
    public static int run(CliContext ctx, String... args) {
        boolean verbose = List.of(args).contains("--verbose");
        try {
            Settings settings = Settings.load(ctx.workDir(), ctx.env(), configFlag(args));
            CommandLine cli = build(ctx, settings);
            validateFileKeys(cli, settings);
            return cli.execute(args);
        } catch (TaglineException e) {
            return report(ctx.err(), e, verbose);
        }
    }

    /** The whole command tree, with settings as the source of defaults. Package-visible for tests. */
    static CommandLine build(CliContext ctx, Settings settings) {
        TaglineCommand root = new TaglineCommand();
        CommandLine cli = new CommandLine(root);
        cli.addSubcommand("check", new CommandLine(new CheckCommand(ctx)));
        cli.addSubcommand("tag", new CommandLine(new TagCommand(ctx)));
        cli.addSubcommand("caption", new CommandLine(new CaptionCommand(ctx)));
        CommandLine clips = new CommandLine(new ClipsCommand());
        clips.addSubcommand("find", new CommandLine(new ClipsCommand.FindCommand(ctx)));
        clips.addSubcommand("render", new CommandLine(new RenderCommand(ctx)));
        cli.addSubcommand("clips", clips);
        cli.addSubcommand("publish", new CommandLine(PublishCommand.class, new ContextFactory(ctx)));
        cli.addSubcommand("serve", new CommandLine(new ServeCommand(ctx)));
        cli.addSubcommand("models", ModelsCommand.create(ctx));
        cli.addSubcommand("runtime", new CommandLine(new RuntimeCommand(ctx)));
        cli.addSubcommand("export", new CommandLine(new ExportCommand(ctx)));
        cli.addSubcommand("spark-submit-args", new CommandLine(new SparkSubmitArgsCommand(ctx)));
        cli.setOut(ctx.out());
        cli.setErr(ctx.err());
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        SettingsDefaults defaults = new SettingsDefaults(settings);
        cli.setDefaultValueProvider(defaults);
        cli.setParameterExceptionHandler((ex, args) -> {
            CommandLine failed = ex.getCommandLine();
            // picocli says "Error: Value for option option '--media' …" for a bad map entry
            String message = ex.getMessage().strip().replaceFirst("^Error: ", "").replace("option option", "option");
            if (ex instanceof CommandLine.UnmatchedArgumentException unmatched
                    && !unmatched.getSuggestions().isEmpty()) {
                message += " (did you mean " + String.join(" or ", unmatched.getSuggestions()) + "?)";
            }
            String source = ex.getArgSpec() == null ? null : defaults.source(ex.getArgSpec());
            if (source != null && !typed(args, ex.getArgSpec())) {
                message += " (set by " + source + ")";
            }
            ctx.err().println("error: " + message + ". Run 'tagline"
                    + (SettingsDefaults.commandPath(failed.getCommandSpec()).isEmpty() ? ""
                            : " " + SettingsDefaults.commandPath(failed.getCommandSpec())) + " --help' for usage.");
            return ExitCode.USAGE;
        });
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) ->
                report(ctx.err(), ex, root.verbose));
        return cli;
    }

    /** Whether the command line itself carries the option ({@code --name}, {@code --name=…} or a short name). */
    private static boolean typed(String[] args, picocli.CommandLine.Model.ArgSpec spec) {
        if (!(spec instanceof OptionSpec option)) {
            return true;
        }
        for (String arg : args) {
            for (String name : option.names()) {
                if (arg.equals(name) || arg.startsWith(name + "=")) {
                    return true;
                }
            }
        }
        return false;
    }

    static int report(PrintWriter err, Exception e, boolean verbose) {
        if (e instanceof TaglineException te) {
            err.println("error: " + te.oneLine());
        } else {
            err.println("error: internal error: " + e + ". Re-run with --verbose and report it with the output.");
        }
        if (verbose) {
            e.printStackTrace(err);
        }
        err.flush();
        return ExitCode.USAGE;
    }

    private static Path configFlag(String[] args) {
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--config")) {
                if (i + 1 >= args.length) {
                    throw new TaglineException("--config needs a file name", "Write --config FILE.");
                }
                return Path.of(args[i + 1]);
            }
            if (args[i].startsWith("--config=")) {
                return Path.of(args[i].substring("--config=".length()));
            }
        }
        return null;
    }

    /**
     * A key in tagline.toml that no command knows is a typo; say so instead of ignoring it, with the nearest known name
     * (a setting is an option's long name without dashes; a table is a command's name).
     */
    private static void validateFileKeys(CommandLine cli, Settings settings) {
        for (String dotted : settings.fileKeys()) {
            String[] parts = dotted.split("\\.");
            CommandLine target = cli;
            int i = 0;
            while (i < parts.length - 1 && target.getSubcommands().containsKey(parts[i])) {
                target = target.getSubcommands().get(parts[i]);
                i++;
            }
            Path file = settings.file().orElseThrow();
            if (i < parts.length - 1) {
                String table = String.join(".", java.util.Arrays.copyOf(parts, i + 1));
                String near = nearest(parts[i], target.getSubcommands().keySet());
                throw new TaglineException(file + ": unknown table [" + table + "]", (near == null ? ""
                        : "Did you mean [" + (i == 0 ? "" : String.join(".", java.util.Arrays.copyOf(parts, i)) + ".")
                        + near + "]? ") + "A table is a command's name: " + String.join(", ",
                        new TreeSet<>(target.getSubcommands().keySet())) + ".");
            }
            if (!knownKeys(target).contains(parts[i])) {
                String near = nearest(parts[i], knownKeys(target));
                String scope = i == 0 ? "" : String.join(".", java.util.Arrays.copyOf(parts, i)) + ".";
                throw new TaglineException(file + ": unknown setting '" + dotted + "'", near != null
                        ? "Did you mean '" + scope + near + "'?"
                        : "A setting is an option's long name without dashes; 'tagline " + scope.replace('.', ' ')
                                + "--help' lists them.");
            }
        }
    }

    /** The name in {@code known} nearest to {@code name}, within two edits; null when none is that near. */
    static String nearest(String name, java.util.Collection<String> known) {
        String best = null;
        int bestDistance = 3;
        for (String k : new TreeSet<>(known)) {
            int d = dev.tagline.core.text.EditDistance.between(name, k);
            if (d < bestDistance) {
                best = k;
                bestDistance = d;
            }
        }
        return best;
    }

    private static TreeSet<String> knownKeys(CommandLine command) {
        TreeSet<String> keys = new TreeSet<>();
        CommandSpec spec = command.getCommandSpec();
        for (OptionSpec option : spec.options()) {
            if (!option.usageHelp() && !option.versionHelp() && !option.longestName().equals("--config")) {
                keys.add(SettingsDefaults.key(option));
            }
        }
        for (CommandLine sub : command.getSubcommands().values()) {
            keys.addAll(knownKeys(sub));
        }
        return keys;
    }
}
