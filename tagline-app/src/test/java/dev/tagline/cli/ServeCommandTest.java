package dev.tagline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ServeCommandTest {
    @TempDir
    Path dir;

    @Test
    void aBadPortOrMediaFolderIsAUsageErrorNamingTheFix() {
        CliTestSupport cli = new CliTestSupport(dir, Map.of("TAGLINE_HOME", dir.resolve("home").toString()));
        assertEquals(ExitCode.USAGE, cli.run("serve", "--port", "70000"));
        assertTrue(cli.err().contains("Port 70000 is out of range"), cli.err());
        CliTestSupport media = new CliTestSupport(dir, Map.of("TAGLINE_HOME", dir.resolve("home").toString()));
        assertEquals(ExitCode.USAGE, media.run("serve", "--port", "0", "--media", "clips=missing"));
        assertTrue(media.err().contains("Media root 'clips'"), media.err());
    }

    @Test
    void listensOnLoopbackPort8080ByDefault() {
        CommandLine cli = new CommandLine(new ServeCommand(CliContext.system()));
        assertEquals("127.0.0.1", cli.getCommandSpec().findOption("--host").defaultValue());
        assertEquals("8080", cli.getCommandSpec().findOption("--port").defaultValue());
    }
}
