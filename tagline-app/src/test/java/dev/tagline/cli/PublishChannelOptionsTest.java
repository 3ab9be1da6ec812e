package dev.tagline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tagline.core.config.TaglineHome;
import dev.tagline.publish.Publishing;
import dev.tagline.publish.store.Database;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Channel options at add time and after: {@code channels add}, {@code channels set}, {@code --reconnect}. */
class PublishChannelOptionsTest {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-27T12:00:00Z"), ZoneOffset.UTC);
    @TempDir
    Path dir;
    CliTestSupport cli;

    @BeforeEach
    void setUp() {
        cli = new CliTestSupport(dir, Map.of("TAGLINE_HOME", dir.resolve("home").toString(), "HOOK_SECRET", "s",
                "TT_TOKEN", "t"), CLOCK);
    }

    private int run(String... args) {
        cli.clear();
        return cli.run(args);
    }

    private Map<String, String> options(String channel) {
        TaglineHome home = new TaglineHome(dir.resolve("home"));
        try (Publishing p = Publishing.open(Database.defaultUrl(home), home, CLOCK)) {
            return p.channels().byName(channel).options();
        }
    }

    /**
     * Dogfood round 9 L4: {@code privacy-level=public}, {@code everyone} and {@code PRIVATE} were all taken, and TikTok
     * refused every post when it went out. Only TikTok's four values are taken now (in any case, stored in TikTok's
     * spelling), with the same one-line error as for a missing value.
     */
    @Test
    void aTikTokPrivacyLevelOutsideTikToksFourValuesWasTaken_nowItIsRefused() {
        for (String bad : new String[] {"public", "everyone", "PRIVATE"}) {
            assertEquals(ExitCode.USAGE, run("publish", "channels", "add", "tk", "--platform", "tiktok", "--zone", "UTC",
                    "--secret-env", "TT_TOKEN", "--option", "privacy-level=" + bad), bad);
            assertEquals("error: TikTok privacy level '" + bad + "' is not one TikTok accepts. Give the privacy the"
                    + " creator chose (TikTok's UX rules allow no default): SELF_ONLY, MUTUAL_FOLLOW_FRIENDS,"
                    + " FOLLOWER_OF_CREATOR or PUBLIC_TO_EVERYONE; unaudited apps may only post SELF_ONLY.",
                    cli.err().strip());
        }
        assertEquals(ExitCode.OK, run("publish", "channels", "add", "tk", "--platform", "tiktok", "--zone", "UTC",
                "--secret-env", "TT_TOKEN", "--option", "privacy-level=public_to_everyone"), cli.err());
        assertEquals("PUBLIC_TO_EVERYONE", options("tk").get("privacy-level"));
    }

    /**
     * Dogfood round 9 L6: a webhook's {@code timeout} could not be changed once the channel existed, and
     * {@code --reconnect --option timeout=2m} said "reconnected" and kept the old value. {@code channels set} now
     * changes it, checked as at add time, and {@code --reconnect} applies the options it is given.
     */
    @Test
    void aWebhookTimeoutCouldNotBeChanged_nowChannelsSetChangesItAndReconnectAppliesOptions() {
        assertEquals(ExitCode.OK, run("publish", "channels", "add", "hook", "--platform", "webhook", "--zone", "UTC",
                "--option", "url=http://127.0.0.1:9/hook", "--option", "media-base-url=http://127.0.0.1:8080",
                "--option", "timeout=90", "--secret-env", "HOOK_SECRET"), cli.err());
        assertEquals(ExitCode.OK, run("publish", "channels", "set", "hook", "--option", "timeout=2m"), cli.err());
        assertEquals("changed channel hook: timeout=2m", cli.out().strip());
        assertEquals("2m", options("hook").get("timeout"));
        assertEquals("http://127.0.0.1:9/hook", options("hook").get("url"), "the other options stay");

        assertEquals(ExitCode.USAGE, run("publish", "channels", "set", "hook", "--option", "timeout=2 hours"));
        assertTrue(cli.err().startsWith("error: --option timeout=2 hours is not a time from 1s to 10m."), cli.err());
        assertEquals(ExitCode.USAGE, run("publish", "channels", "set", "hook", "--option", "timout=3m"));
        assertTrue(cli.err().startsWith("error: A webhook channel has no option 'timout'. Did you mean 'timeout'?"),
                cli.err());
        assertEquals(ExitCode.USAGE, run("publish", "channels", "set", "hook", "--unset", "url"));
        assertTrue(cli.err().startsWith("error: A webhook channel needs --option url=…"), cli.err());
        assertEquals("2m", options("hook").get("timeout"), "a refused change stores nothing");

        assertEquals(ExitCode.OK, run("publish", "channels", "add", "hook", "--reconnect", "--platform", "webhook",
                "--secret-env", "HOOK_SECRET", "--option", "timeout=3m"), cli.err());
        assertTrue(cli.out().startsWith("reconnected channel hook: timeout=3m;"), cli.out());
        assertEquals("3m", options("hook").get("timeout"));
        assertEquals(ExitCode.USAGE, run("publish", "channels", "add", "hook", "--reconnect", "--platform", "webhook",
                "--secret-env", "HOOK_SECRET", "--option", "timeout=0s"));
        assertEquals("3m", options("hook").get("timeout"));

        assertEquals(ExitCode.OK, run("publish", "channels", "set", "hook", "--unset", "timeout"), cli.err());
        assertTrue(!options("hook").containsKey("timeout"));
    }

    /** Dogfood round 9 L6: {@code channels set} checks an Instagram media-base-url's host as {@code add} does. */
    @Test
    void channelsSetRefusesAnInstagramMediaBaseUrlOnThisMachine() {
        cli = new CliTestSupport(dir, Map.of("TAGLINE_HOME", dir.resolve("home").toString(), "IG", "t"), CLOCK);
        assertEquals(ExitCode.OK, run("publish", "channels", "add", "ig", "--platform", "instagram", "--zone", "UTC",
                "--secret-env", "IG", "--option", "media-base-url=https://203.0.113.7"), cli.err());
        assertEquals(ExitCode.USAGE, run("publish", "channels", "set", "ig", "--option",
                "media-base-url=http://127.0.0.1:8080"));
        assertTrue(cli.err().startsWith("error: --option media-base-url=http://127.0.0.1:8080 "), cli.err());
        assertEquals("https://203.0.113.7", options("ig").get("media-base-url"));
    }

    /**
     * Dogfood round 9 L8: a folder channel took {@code --option bogus=1} and the webhook-only {@code timeout=5s}
     * without a word. A key the platform does not read is refused, with a did-you-mean and the keys it has.
     */
    @Test
    void aFolderChannelTookAnyOption_nowAKeyItDoesNotReadIsRefused() {
        assertEquals(ExitCode.USAGE, run("publish", "channels", "add", "f", "--platform", "folder", "--option",
                "path=" + dir.resolve("out"), "--option", "timeout=5s"));
        assertEquals("error: A folder channel has no option 'timeout'. Its options: path, concurrency"
                + " (docs/publish.md).", cli.err().strip());
        assertEquals(ExitCode.USAGE, run("publish", "channels", "add", "f", "--platform", "folder", "--option",
                "path=" + dir.resolve("out"), "--option", "paht=x"));
        assertTrue(cli.err().contains("has no option 'paht'. Did you mean 'path'?"), cli.err());
        assertEquals(ExitCode.OK, run("publish", "channels", "add", "f", "--platform", "folder", "--option",
                "path=" + dir.resolve("out")), cli.err());
    }
    /**
     * Dogfood round 9 L8: a channel added on the Channels page was listed by 'channels list' as "(not connected yet:
     * click Connect)", with no word of where. The command line now says where, whatever was stored at add time; and
     * 'channels list' shows each channel's options, so the timeout in force can be seen (L6).
     */
    @Test
    void aChannelAddedInTheBrowserWasListedAsClickConnect_nowTheListSaysWhereAndShowsTheOptions() {
        assertEquals(ExitCode.OK, run("publish", "channels", "add", "hook", "--platform", "webhook", "--zone", "UTC",
                "--option", "url=http://127.0.0.1:9/hook", "--option", "media-base-url=http://127.0.0.1:8080",
                "--option", "timeout=90", "--secret-env", "HOOK_SECRET"), cli.err());
        TaglineHome home = new TaglineHome(dir.resolve("home"));
        try (Publishing p = Publishing.open(Database.defaultUrl(home), home, CLOCK)) {
            p.channels().add("tk", "tiktok", "tk", java.time.ZoneId.of("UTC"), Map.of("privacy-level", "SELF_ONLY"),
                    dev.tagline.publish.store.Channel.State.NEEDS_CONNECT, "not connected yet: click Connect");
        }
        assertEquals(ExitCode.OK, run("publish", "channels", "list"), cli.err());
        assertTrue(cli.out().matches("(?s).*\\ntk +tiktok +UTC +needs connect .*\\(not connected yet: open Channels in"
                + " 'tagline serve' and click Connect\\)\\n.*"), cli.out());
        assertTrue(cli.out().contains("\n  options: media-base-url=http://127.0.0.1:8080, timeout=90,"
                + " url=http://127.0.0.1:9/hook\n"), cli.out());
    }
}
