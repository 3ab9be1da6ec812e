package dev.tagline.cli;

import dev.tagline.core.config.Settings;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Feeds picocli the values of options not given on the command line, from {@link Settings} (environment, then
 * {@code tagline.toml}); the annotation default applies when neither has one. So: flag > env > file > default.
 */
final class SettingsDefaults implements CommandLine.IDefaultValueProvider {
    private final Settings settings;
    /** Where each value handed out came from, so that a bad one is reported with the file key or variable to fix. */
    private final java.util.Map<ArgSpec, String> sources = new java.util.concurrent.ConcurrentHashMap<>();

    SettingsDefaults(Settings settings) {
        this.settings = settings;
    }

    @Override
    public String defaultValue(ArgSpec argSpec) {
        if (!(argSpec instanceof OptionSpec option) || option.usageHelp() || option.versionHelp()) {
            return null;
        }
        Optional<Settings.Setting> found = settings.lookup(commandPath(option.command()), key(option));
        found.ifPresent(f -> sources.put(argSpec, f.source()));
        return found.map(Settings.Setting::value).orElse(null);
    }

    /** The source of the value given for {@code argSpec} ("environment variable TAGLINE_…"), or null. */
    String source(ArgSpec argSpec) {
        return sources.get(argSpec);
    }

    /** The settings key of an option: its longest name without dashes, {@code --general-threshold → general-threshold}. */
    static String key(OptionSpec option) {
        return option.longestName().replaceFirst("^-+", "");
    }

    /** {@code "models pull"} for {@code tagline models pull}; empty for the top-level command. */
    static String commandPath(CommandLine.Model.CommandSpec spec) {
        String qualified = spec.qualifiedName(" ");
        int space = qualified.indexOf(' ');
        return space < 0 ? "" : qualified.substring(space + 1);
    }
}
