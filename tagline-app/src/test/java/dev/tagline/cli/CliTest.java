package dev.tagline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliTest {
    @TempDir
    Path dir;

    private CliTestSupport cli() {
        return new CliTestSupport(dir, Map.of("TAGLINE_HOME", dir.resolve("home").toString()));
    }

    @Test
    void helpListsEverySubcommandAndTheSettingsOrder() {
        CliTestSupport cli = cli();
        assertEquals(ExitCode.OK, cli.run("--help"));
        for (String sub : new String[] {"check", "tag", "caption", "clips", "publish", "serve", "models"}) {
            assertTrue(cli.out().contains("  " + sub + " "), "help lists " + sub + ":\n" + cli.out());
        }
        assertTrue(cli.out().contains("TAGLINE_<COMMAND>_<OPTION>"), cli.out());
        assertTrue(cli.out().contains("Exit codes"), cli.out());
    }

    /** Dogfood round 6, H13: the help named neither webhook's required media-base-url nor TikTok's privacy-level. */
    @Test
    void channelsAddHelpLeftOutRequiredOptions_nowItNamesThem() {
        CliTestSupport cli = cli();
        assertEquals(ExitCode.OK, cli.run("publish", "channels", "add", "--help"));
        String help = cli.out().replaceAll("\\s+", " ");
        assertTrue(help.contains("webhook url=URL and media-base-url=URL"), help);
        assertTrue(help.contains("instagram media-base-url=URL"), help);
        assertTrue(help.contains("tiktok privacy-level=SELF_ONLY"), help);
    }

    @Test
    void theDatasetCommandsSayTheirExitCodes() {
        for (String command : new String[] {"check", "tag", "caption", "export"}) {
            CliTestSupport cli = cli();
            assertEquals(ExitCode.OK, cli.run(command, "--help"));
            assertTrue(cli.out().contains("Exit codes: 0 "), command + ":\n" + cli.out());
        }
    }

    @Test
    void aBadGlobIsOneLine() {
        CliTestSupport cli = cli();
        assertEquals(ExitCode.USAGE, cli.run("check", ".", "--include", "["));
        String error = cli.err().lines().filter(l -> l.startsWith("error:")).findFirst().orElse("");
        assertTrue(error.startsWith("error: Invalid glob '[': Missing"), cli.err());
        assertTrue(error.endsWith("Use patterns such as '*.png' or 'raw/**'."), "the hint on the same line: " + cli.err());
        assertFalse(cli.err().lines().anyMatch(l -> l.strip().equals("^") || l.strip().equals("[")),
                "no pattern-and-caret lines: " + cli.err());
    }

    /** Every command of the CLI, the root first, then each one's subcommands. */
    private java.util.List<picocli.CommandLine> commandTree() {
        java.util.List<picocli.CommandLine> all = new java.util.ArrayList<>();
        java.util.ArrayDeque<picocli.CommandLine> todo = new java.util.ArrayDeque<>();
        todo.add(Cli.build(cli().ctx, dev.tagline.core.config.Settings.ofEnvironment(Map.of())));
        while (!todo.isEmpty()) {
            picocli.CommandLine c = todo.pop();
            all.add(c);
            todo.addAll(c.getSubcommands().values());
        }
        return all;
    }

    @Test
    void everyCommandListedInAHelpHasAWholeSentenceAsItsSummary() {
        // a parent's help lists each subcommand with the first line of its description only
        java.util.List<String> cut = new java.util.ArrayList<>();
        for (picocli.CommandLine c : commandTree()) {
            picocli.CommandLine.Model.UsageMessageSpec usage = c.getCommandSpec().usageMessage();
            String[] summary = usage.header().length > 0 ? usage.header() : usage.description();
            if (c.getParent() != null && summary.length > 0 && !summary[0].strip().matches("(?s).*[.!?)]$")) {
                cut.add(c.getCommandSpec().qualifiedName() + ": " + summary[0]);
            }
        }
        assertTrue(cut.isEmpty(), "summaries cut off mid-sentence:\n" + String.join("\n", cut));
    }

    @Test
    void everyDescriptionLineOfEveryCommandAndOptionEndsAPhrase() {
        // picocli prints each element of a description array on a line of its own, and wraps long ones itself: an
        // element that stops mid-sentence shows as a broken line ("copy per" / "platform and clip.json.")
        java.util.List<String> broken = new java.util.ArrayList<>();
        for (picocli.CommandLine c : commandTree()) {
            java.util.Map<String, String[]> texts = new java.util.LinkedHashMap<>();
            texts.put(c.getCommandSpec().qualifiedName(), c.getCommandSpec().usageMessage().description());
            for (picocli.CommandLine.Model.OptionSpec o : c.getCommandSpec().options()) {
                texts.put(c.getCommandSpec().qualifiedName() + " " + o.longestName(), o.description());
            }
            texts.forEach((where, lines) -> {
                for (int i = 0; i < lines.length - 1; i++) {
                    boolean indented = lines[i].startsWith(" "); // list items and example commands
                    if (!indented && !lines[i].isBlank() && !lines[i].strip().matches("(?s).*[.!?:)]$")) {
                        broken.add(where + ": " + lines[i]);
                    }
                }
            });
        }
        assertTrue(broken.isEmpty(), "description lines broken mid-sentence:\n" + String.join("\n", broken));
    }

    @Test
    void versionNamesTheBuild() {
        CliTestSupport cli = cli();
        assertEquals(ExitCode.OK, cli.run("--version"));
        assertTrue(cli.out().matches("(?s)tagline \\d+\\.\\d+\\.\\d+.*"), cli.out());
    }

    @Test
    void unknownFlagIsOneLineAndExitsTwo() {
        CliTestSupport cli = cli();
        assertEquals(ExitCode.USAGE, cli.run("--bogus"));
        assertEquals(1, cli.err().strip().lines().count(), cli.err());
        assertTrue(cli.err().startsWith("error: Unknown option: '--bogus'"), cli.err());
        assertTrue(cli.err().contains("tagline --help"), cli.err());
    }

    @Test
    void missingConfigFileNamesTheFileAndExitsTwo() {
        CliTestSupport cli = cli();
        assertEquals(ExitCode.USAGE, cli.run("--config", "nope.toml", "--version"));
        assertTrue(cli.err().contains(dir.resolve("nope.toml").toString()), cli.err());
        assertTrue(cli.err().contains("does not exist"), cli.err());
        assertFalse(cli.err().contains("\tat "), "no stack trace without --verbose");
    }

    @Test
    void brokenConfigFileNamesFileAndLine() throws Exception {
        Files.writeString(dir.resolve("tagline.toml"), "verbose = true\nthis is not toml\n");
        CliTestSupport cli = cli();
        assertEquals(ExitCode.USAGE, cli.run("--version"));
        assertTrue(cli.err().contains("tagline.toml (line 2)"), cli.err());
        assertEquals(1, cli.err().strip().lines().count(), cli.err());
    }

    @Test
    void unknownConfigKeyIsATypoNotIgnored() throws Exception {
        Files.writeString(dir.resolve("tagline.toml"), "[models]\nverbse = true\n");
        CliTestSupport cli = cli();
        assertEquals(ExitCode.USAGE, cli.run("--version"));
        assertTrue(cli.err().contains("unknown setting 'models.verbse'"), cli.err());
        assertTrue(cli.err().contains("Did you mean 'models.verbose'?"), cli.err());
    }

    @Test
    void aMisspeltTableIsNamedWithTheNearestCommand() throws Exception {
        Files.writeString(dir.resolve("tagline.toml"), "[tagg]\nmax-tags = 5\n");
        CliTestSupport cli = cli();
        assertEquals(ExitCode.USAGE, cli.run("--version"));
        assertTrue(cli.err().startsWith("error: " + dir.resolve("tagline.toml") + ": unknown table [tagg]. Did you"
                + " mean [tag]? A table is a command's name: caption, check, clips,"), cli.err());
        assertEquals(1, cli.err().strip().lines().count(), cli.err());
        assertTrue(cli.err().length() < 300, "not every setting of every command: " + cli.err());
    }

    @Test
    void aBadValueFromTheFileOrTheEnvironmentNamesWhereItWasSet() throws Exception {
        Files.writeString(dir.resolve("tagline.toml"), "[tag]\nmax-tags = \"lots\"\n");
        CliTestSupport cli = cli();
        assertEquals(ExitCode.USAGE, cli.run("tag", "."));
        assertTrue(cli.err().contains("'lots' is not an int (set by " + dir.resolve("tagline.toml")
                + " key tag.max-tags)"), cli.err());
        CliTestSupport env = new CliTestSupport(dir, Map.of("TAGLINE_HOME", dir.resolve("home").toString(),
                "TAGLINE_TAG_MAX_TAGS", "abc"));
        assertEquals(ExitCode.USAGE, env.run("tag", "."));
        assertTrue(env.err().contains("'abc' is not an int (set by environment variable TAGLINE_TAG_MAX_TAGS)"),
                env.err());
        CliTestSupport typed = cli();
        assertEquals(ExitCode.USAGE, typed.run("tag", ".", "--max-tags", "many"));
        assertFalse(typed.err().contains("set by"), "a typed value is the user's own: " + typed.err());
    }

    @Test
    void aBadLengthPresetFromAParentTableNamesTheFileKey() throws Exception {
        Files.writeString(dir.resolve("tagline.toml"), "[clips]\nlength = \"bogus\"\n");
        CliTestSupport cli = cli();
        assertEquals(ExitCode.USAGE, cli.run("clips", "find", "talk.mp4"));
        assertTrue(cli.err().startsWith("error: Invalid value for option '--length': Unknown length preset 'bogus'."
                + " Use short (15-30 s), medium (30-60 s) or long (60-90 s), or --min/--max (set by "
                + dir.resolve("tagline.toml") + " key clips.length)"), cli.err());
    }

    @Test
    void aMistypedCommandSuggestsTheNearestOne() {
        CliTestSupport cli = cli();
        assertEquals(ExitCode.USAGE, cli.run("chek", "photos"));
        assertTrue(cli.err().startsWith("error: Unmatched arguments from index 0: 'chek', 'photos' (did you mean"
                + " check?). Run 'tagline --help' for usage."), cli.err());
    }

    @Test
    void theFolderOptionsShowTheirDefaultsAndCheckTakesTagsGlobName() throws Exception {
        CliTestSupport tag = cli();
        assertEquals(ExitCode.OK, tag.run("tag", "--help"));
        assertTrue(tag.out().contains("Images per journal chunk (default 256)"), tag.out());
        Files.createDirectories(dir.resolve("photos/raw"));
        javax.imageio.ImageIO.write(new java.awt.image.BufferedImage(300, 300,
                java.awt.image.BufferedImage.TYPE_INT_RGB), "png", dir.resolve("photos/raw/a.png").toFile());
        CliTestSupport check = cli();
        // every image excluded: nothing checked, which is said and exits 1 (round 3 finding 4)
        assertEquals(ExitCode.SOME_FAILED, check.run("check", "photos", "--exclude-files", "raw"));
        assertTrue(check.out().contains("total               0"), check.out());
        assertTrue(check.out().contains("No images found in "), check.out());
    }

    @Test
    void aBadMapOptionSaysOptionOnce() {
        CliTestSupport cli = cli();
        assertEquals(ExitCode.USAGE, cli.run("serve", "--media", "foo"));
        assertTrue(cli.err().startsWith("error: Value for option '--media' (NAME=FOLDER) should be"), cli.err());
    }

    @Test
    void verboseAddsTheStackTrace() {
        CliTestSupport cli = cli();
        assertEquals(ExitCode.USAGE, cli.run("--verbose", "--config", "nope.toml", "--version"));
        assertTrue(cli.err().contains("\tat dev.tagline"), cli.err());
    }

    @Test
    void aGroupCommandAloneShowsItsUsageAndExitsTwo() {
        for (String[] group : new String[][] {{"clips"}, {"models"}, {"publish"}, {"publish", "channels"},
                {"publish", "rules"}}) {
            CliTestSupport cli = cli();
            assertEquals(ExitCode.USAGE, cli.run(group), String.join(" ", group));
            assertTrue(cli.err().startsWith("Usage: tagline " + String.join(" ", group)), cli.err());
        }
    }
}
