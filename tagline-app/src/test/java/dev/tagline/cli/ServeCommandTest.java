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
    void aMediaFolderHoldingTaglineHomeIsRefused() throws Exception {
        java.nio.file.Files.createDirectories(dir.resolve("home"));
        CliTestSupport cli = new CliTestSupport(dir, Map.of("TAGLINE_HOME", dir.resolve("home").toString()));
        assertEquals(ExitCode.USAGE, cli.run("serve", "--port", "0", "--media", "clips=" + dir));
        assertTrue(cli.err().contains("Media root 'clips' (" + dir + ") holds TAGLINE_HOME"), cli.err());
        // below a hidden folder (the default ~/.cache/tagline) it is never served: no refusal
        dev.tagline.web.WebSettings.requireHomeNotServed(Map.of("all", dir), dir.resolve(".cache/tagline"));
        org.junit.jupiter.api.Assertions.assertThrows(dev.tagline.core.TaglineException.class, () -> dev.tagline.web
                .WebSettings.requireHomeNotServed(Map.of("clips", dir.resolve("home")), dir.resolve("home")));
        java.nio.file.Files.createDirectories(dir.resolve("media"));
        CliTestSupport db = new CliTestSupport(dir, Map.of("TAGLINE_HOME", dir.resolve("home").toString()));
        assertEquals(ExitCode.USAGE, db.run("serve", "--port", "0", "--media", "clips=" + dir.resolve("media"),
                "--db", "jdbc:sqlite:" + dir.resolve("media/publish.db")));
        assertTrue(db.err().contains("holds the publish database (" + dir.resolve("media/publish.db") + ")"),
                db.err());
    }

    @Test
    void aBusyPortOrAShortPasswordFromTheEnvironmentIsOneLineNamingTheFix() throws Exception {
        try (java.net.ServerSocket busy = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            CliTestSupport cli = new CliTestSupport(dir, Map.of("TAGLINE_HOME", dir.resolve("home").toString()));
            assertEquals(ExitCode.USAGE, cli.run("serve", "--port", Integer.toString(busy.getLocalPort())));
            assertEquals("error: Cannot listen on 127.0.0.1:" + busy.getLocalPort() + ": the port is in use. Pick"
                    + " another --port, or stop the program using it.", cli.err().strip());
        }
        CliTestSupport shortPassword = new CliTestSupport(dir, Map.of("TAGLINE_HOME", dir.resolve("home").toString(),
                "TAGLINE_ADMIN_PASSWORD", "abc"));
        assertEquals(ExitCode.USAGE, shortPassword.run("serve", "--port", "0"));
        assertTrue(shortPassword.err().startsWith("error: TAGLINE_ADMIN_PASSWORD is too short (3 characters). Set it"
                + " to at least 10 characters"), shortPassword.err());
    }

    @Test
    void everyAddressGivesAnAddressToOpenAndAWarningWithoutSecureCookies() {
        assertEquals(java.util.List.of("Tagline web app on http://127.0.0.1:8080/ (Ctrl-C stops it)"),
                ServeCommand.startLines("127.0.0.1", 8080, false));
        java.util.List<String> any = ServeCommand.startLines("0.0.0.0", 8080, false);
        assertEquals("Tagline web app on http://127.0.0.1:8080/ and on every other address of this machine (Ctrl-C"
                + " stops it)", any.get(0));
        assertTrue(any.get(1).startsWith("warning: --host 0.0.0.0 exposes the login page"), any.toString());
        assertEquals(1, ServeCommand.startLines("0.0.0.0", 8080, true).size(), "behind TLS: no warning");
    }

    @Test
    void listensOnLoopbackPort8080ByDefault() {
        CommandLine cli = new CommandLine(new ServeCommand(CliContext.system()));
        assertEquals("127.0.0.1", cli.getCommandSpec().findOption("--host").defaultValue());
        assertEquals("8080", cli.getCommandSpec().findOption("--port").defaultValue());
    }

    /** dogfooding H4: serve had no setting for where a folder's captions live; a wrong one is a usage error. */
    @Test
    void aCaptionExtensionForNoMediaFolderOrAnImageExtensionIsAUsageErrorNamingTheFix() throws Exception {
        java.nio.file.Files.createDirectories(dir.resolve("tg"));
        CliTestSupport unknown = new CliTestSupport(dir, Map.of("TAGLINE_HOME", dir.resolve("home").toString()));
        assertEquals(ExitCode.USAGE, unknown.run("serve", "--port", "0", "--media", "tg=" + dir.resolve("tg"),
                "--caption-extension", "taggui=.txt"));
        assertTrue(unknown.err().contains("--caption-extension taggui=.txt names no media folder. Give --media"
                + " taggui=FOLDER too, or use one of the --media names: tg."), unknown.err());
        CliTestSupport image = new CliTestSupport(dir, Map.of("TAGLINE_HOME", dir.resolve("home").toString()));
        assertEquals(ExitCode.USAGE, image.run("serve", "--port", "0", "--media", "tg=" + dir.resolve("tg"),
                "--tags-extension", "tg=.png"));
        assertTrue(image.err().contains("--tags-extension tg=.png is an image extension"), image.err());
    }
}
