package dev.tagline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class ServeCommandTest {
    @Test
    void listensOnLoopbackPort8080ByDefault() {
        CommandLine cli = new CommandLine(new ServeCommand(CliContext.system()));
        assertEquals("127.0.0.1", cli.getCommandSpec().findOption("--host").defaultValue());
        assertEquals("8080", cli.getCommandSpec().findOption("--port").defaultValue());
    }
}
