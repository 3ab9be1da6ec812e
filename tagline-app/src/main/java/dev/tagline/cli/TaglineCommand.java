package dev.tagline.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/** The top-level {@code tagline} command: global options; the work is in the subcommands. */
@Command(name = "tagline", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        sortOptions = false, usageHelpAutoWidth = true,
        description = {
            "Turns a creator's raw material into training data and social posts:",
            "  * tags and captions image folders for Stable Diffusion / LoRA training,",
            "  * finds and renders short vertical clips from long videos,",
            "  * schedules and publishes them to the platforms exactly once.",
            ""},
        footerHeading = "%nSettings%n",
        footer = {
            "Every option can also be set, from strongest to weakest, by:",
            "  1. the flag itself;",
            "  2. an environment variable TAGLINE_<COMMAND>_<OPTION> or TAGLINE_<OPTION>,",
            "     e.g. TAGLINE_TAG_GENERAL_THRESHOLD=0.4 or TAGLINE_DEVICE=cuda;",
            "  3. the config file: --config FILE, else $TAGLINE_CONFIG, else ./tagline.toml,",
            "     else $TAGLINE_HOME/tagline.toml. Top-level keys apply to every command,",
            "     a [tag] table to 'tagline tag' only;",
            "  4. the default shown in each command's --help.",
            "TAGLINE_HOME (default ~/.cache/tagline) holds models/ and Tagline's own state.",
            "",
            "Exit codes: 0 ok; 1 finished, but some items failed (each one is reported);",
            "2 usage, configuration or environment error (nothing was changed).",
            "--verbose adds the stack trace to an error."})
public final class TaglineCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--verbose", scope = ScopeType.INHERIT, description = "Show stack traces and debug detail.")
    boolean verbose;

    @Option(names = "--config", paramLabel = "FILE", scope = ScopeType.INHERIT,
            description = "Config file to use instead of ./tagline.toml or $TAGLINE_HOME/tagline.toml.")
    Path config;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCode.USAGE;
    }
}
