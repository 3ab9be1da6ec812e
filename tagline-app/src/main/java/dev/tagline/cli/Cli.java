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
        cli.setDefaultValueProvider(new SettingsDefaults(settings));
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setParameterExceptionHandler((ex, args) -> {
            CommandLine failed = ex.getCommandLine();
            ctx.err().println("error: " + ex.getMessage().strip() + ". Run 'tagline"
                    + (SettingsDefaults.commandPath(failed.getCommandSpec()).isEmpty() ? ""
                            : " " + SettingsDefaults.commandPath(failed.getCommandSpec())) + " --help' for usage.");
            return ExitCode.USAGE;
        });
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) ->
                report(ctx.err(), ex, root.verbose));
        return cli;
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

    /** A key in tagline.toml that no command knows is a typo; say so instead of ignoring it. */
    private static void validateFileKeys(CommandLine cli, Settings settings) {
        for (String dotted : settings.fileKeys()) {
            String[] parts = dotted.split("\\.");
            CommandLine target = cli;
            int i = 0;
            while (i < parts.length - 1 && target.getSubcommands().containsKey(parts[i])) {
                target = target.getSubcommands().get(parts[i]);
                i++;
            }
            if (i != parts.length - 1 || !knownKeys(target).contains(parts[i])) {
                List<String> known = new ArrayList<>(knownKeys(target));
                throw new TaglineException(settings.file().orElseThrow() + ": unknown setting '" + dotted + "'",
                        "Known settings here: " + String.join(", ", known) + ".");
            }
        }
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
