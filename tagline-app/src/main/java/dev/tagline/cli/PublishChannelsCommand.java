package dev.tagline.cli;

import dev.tagline.core.TaglineException;
import dev.tagline.publish.Publishing;
import dev.tagline.publish.auth.Credential;
import dev.tagline.publish.auth.OAuthClients;
import dev.tagline.publish.platform.Platforms;
import dev.tagline.publish.plan.PostingRule;
import dev.tagline.publish.store.Channel;
import dev.tagline.publish.store.ChannelStore;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code tagline publish channels add|list|remove}. */
@Command(name = "channels", mixinStandardHelpOptions = true, description = "Add, list and remove channels.",
        subcommands = {PublishChannelsCommand.Add.class, PublishChannelsCommand.List.class,
            PublishChannelsCommand.Remove.class})
final class PublishChannelsCommand extends CommandGroup {

    @Command(name = "add", mixinStandardHelpOptions = true, sortOptions = false,
            description = "Add a channel: one account on one platform.")
    static final class Add implements Callable<Integer> {
        private final CliContext ctx;
        @Mixin
        PublishOptions db;
        @Parameters(paramLabel = "NAME", description = "Channel name, e.g. yt-main.")
        String name;
        @Option(names = "--platform", required = true, description = "One of: ${COMPLETION-CANDIDATES}.",
                completionCandidates = Platforms.Names.class)
        String platform;
        @Option(names = "--account", description = "Account id or handle on the platform (default: NAME).")
        String account;
        @Option(names = "--zone", description = "IANA time zone the rules use, e.g. Europe/Berlin (default: this"
                + " machine's zone).")
        String zone;
        @Option(names = "--option", paramLabel = "KEY=VALUE", description = "Platform option, repeatable: folder"
                + " path=DIR; webhook url=URL and media-base-url=URL (the public address of 'tagline serve', where"
                + " the receiver fetches the video), idempotent=true, timeout=30s (how long the POST waits for the"
                + " receiver's answer, 1s-10m; default 30s); instagram media-base-url=URL; youtube privacy=private,"
                + " daily-uploads=N; tiktok privacy-level=SELF_ONLY|MUTUAL_FOLLOW_FRIENDS|FOLLOWER_OF_CREATOR|"
                + "PUBLIC_TO_EVERYONE (required), audited=true.")
        Map<String, String> options = new LinkedHashMap<>();
        @Option(names = "--client-id", description = "OAuth client id (YouTube: the Google Cloud OAuth client).")
        String clientId;
        @Option(names = "--client-secret-env", paramLabel = "VAR", description = "Environment variable holding the"
                + " OAuth client secret (secrets never go on the command line).")
        String clientSecretEnv;
        @Option(names = "--refresh-token-env", paramLabel = "VAR", description = "Environment variable holding the"
                + " OAuth refresh token. Without it (and without --secret-env) a YouTube, TikTok, X or LinkedIn channel"
                + " is added as 'needs connect': click Connect on the Channels page of 'tagline serve' to get one.")
        String refreshTokenEnv;
        @Option(names = "--secret-env", paramLabel = "VAR", description = "Environment variable holding the webhook"
                + " secret, Instagram/Facebook Page token, Bluesky app password, or an access token without refresh.")
        String secretEnv;
        @Option(names = "--token-expires", paramLabel = "DATE", description = "Instagram: when the long-lived token"
                + " expires (2027-01-26 or an ISO instant; default 60 days from now, a fresh one). It is renewed"
                + " ten days ahead.")
        String tokenExpires;
        @Option(names = "--reconnect", description = "Replace the credentials of an existing channel and make it"
                + " active again.")
        boolean reconnect;

        Add(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() {
            String platformId = Platforms.require(platform);
            ZoneId zoneId = zone(zone);
            boolean connectLater = OAuthClients.supports(platformId) && refreshTokenEnv == null && secretEnv == null;
            try (Publishing p = db.open(ctx)) {
                if (reconnect && connectLater) {
                    throw new TaglineException("Reconnecting " + display(platformId) + " channel '" + name
                            + "' needs --refresh-token-env VAR", "Put the refresh token in an environment"
                            + " variable and name it, e.g. --refresh-token-env " + platformId.toUpperCase(
                            java.util.Locale.ROOT) + "_REFRESH_TOKEN, or reconnect it in the browser: open "
                            + CHANNELS_PAGE + " ('tagline serve') and click Reconnect.");
                }
                Credential credential = connectLater ? appOnly() : credential(platformId);
                if (reconnect) {
                    Channel c = p.channels().byName(name);
                    p.credentials(ctx.env()).put(c, credential);
                    p.channels().setState(c.id(), Channel.State.ACTIVE, null);
                    ctx.out().println("reconnected channel " + c.name() + "; its waiting posts go out on the next run");
                    return ExitCode.OK;
                }
                Platforms.validateOptions(platformId, options, // looks Instagram's host name up
                        dev.tagline.publish.platform.PublicHostName.HostResolver.SYSTEM)
                        .forEach(w -> ctx.err().println("warning: " + w));
                Channel c = p.channels().add(name, platformId, account == null ? name : account, zoneId, options,
                        connectLater ? Channel.State.NEEDS_CONNECT : Channel.State.ACTIVE,
                        connectLater ? NOT_CONNECTED : null);
                if (credential != null) {
                    p.credentials(ctx.env()).put(c, credential);
                }
                ctx.out().println("added channel " + c.name() + " (" + c.platform() + ", " + c.zone() + ")"
                        + (connectLater ? ": needs connect (no refresh token yet; nothing is published to it until"
                        + " then)" : ""));
                if (connectLater) {
                    ctx.out().println("next: open " + CHANNELS_PAGE + " ('tagline serve') and click Connect"
                            + " (or add it with --refresh-token-env VAR)");
                }
                ctx.out().println((connectLater ? "then" : "next") + ": tagline publish rules set " + c.name()
                        + " --days mon-fri --times 09:00,18:00");
            }
            return ExitCode.OK;
        }

        /**
         * An OAuth channel added to be connected in the browser: the app's client id and secret when both were given
         * (the Connect form then needs only a click), else nothing.
         */
        private Credential appOnly() {
            if (clientId == null || clientSecretEnv == null) {
                return null;
            }
            return new Credential(clientId, env(clientSecretEnv, "--client-secret-env"), null, null, null, null);
        }

        /** Reads secrets from the named environment variables; never from flags, so they stay out of history. */
        private Credential credential(String platformId) {
            switch (platformId) {
                case "instagram" -> {
                    return new Credential(null, null, env(secretEnv, "--secret-env"), null, instagramExpiry(), null);
                }
                case "webhook", "facebook", "bluesky" -> {
                    return Credential.secret(env(secretEnv, "--secret-env"));
                }
                case "folder" -> {
                    return null;
                }
                default -> {
                    if (refreshTokenEnv == null && secretEnv != null) {
                        return new Credential(clientId, null, env(secretEnv, "--secret-env"), null, null, null);
                    }
                    if (clientId == null) {
                        throw new TaglineException(article(platformId) + " " + display(platformId)
                                + " channel needs --client-id",
                                "Give the OAuth client id, with --client-secret-env and --refresh-token-env.");
                    }
                    return new Credential(clientId, env(clientSecretEnv, "--client-secret-env"), "",
                            env(refreshTokenEnv, "--refresh-token-env"), java.time.Instant.EPOCH, null);
                }
            }
        }

        /** A long-lived Instagram token lasts 60 days (publishing.md §4); without the date, assume a fresh one. */
        private java.time.Instant instagramExpiry() {
            if (tokenExpires == null) {
                return ctx.clock().instant().plus(java.time.Duration.ofDays(60));
            }
            try {
                return tokenExpires.length() == 10 ? java.time.LocalDate.parse(tokenExpires)
                        .atStartOfDay(java.time.ZoneOffset.UTC).toInstant() : java.time.Instant.parse(tokenExpires);
            } catch (java.time.format.DateTimeParseException e) {
                throw new TaglineException("--token-expires " + tokenExpires + " is not a date",
                        "Write it as 2027-01-26 or 2027-01-26T10:00:00Z.");
            }
        }

        /** "An" before a vowel sound: An Instagram, An X (said "ex"), A YouTube, A webhook. */
        static String article(String platformId) {
            return platformId.equals("x") || "aeiou".indexOf(Character.toLowerCase(platformId.charAt(0))) >= 0
                    ? "An" : "A";
        }

        /** The platform as its owner writes it. */
        static String display(String platformId) {
            return switch (platformId) {
                case "youtube" -> "YouTube";
                case "tiktok" -> "TikTok";
                case "x" -> "X";
                case "linkedin" -> "LinkedIn";
                case "instagram" -> "Instagram";
                case "facebook" -> "Facebook";
                case "bluesky" -> "Bluesky";
                default -> platformId;
            };
        }

        private String env(String var, String flag) {
            if (var == null) {
                String id = Platforms.require(platform);
                String example = id.toUpperCase(java.util.Locale.ROOT).replaceAll("[^A-Z0-9]", "")
                        + (flag.equals("--refresh-token-env") ? "_REFRESH_TOKEN" : "_SECRET");
                throw new TaglineException(article(id) + " " + display(id) + " channel needs " + flag + " VAR",
                        "Put the secret in an environment variable and name it, e.g. " + flag + " " + example + ".");
            }
            String value = ctx.env().get(var);
            if (value == null || value.isBlank()) {
                throw new TaglineException("Environment variable " + var + " (from " + flag + ") is not set", "Export it"
                        + " before running the command.");
            }
            return value;
        }

        private ZoneId zone(String text) {
            if (text == null || text.isBlank()) {
                return ZoneId.systemDefault();
            }
            try {
                return ZoneId.of(text.strip());
            } catch (DateTimeException e) {
                throw new TaglineException("Unknown time zone '" + text + "'",
                        "Use an IANA name such as Europe/Berlin, America/New_York or Etc/UTC.", e);
            }
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List channels, their rules and state.")
    static final class List implements Callable<Integer> {
        private final CliContext ctx;
        @Mixin
        PublishOptions db;

        List(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() {
            try (Publishing p = db.open(ctx)) {
                java.util.List<Channel> all = p.channels().list();
                if (all.isEmpty()) {
                    ctx.out().println("no channels yet: tagline publish channels add NAME --platform folder"
                            + " --option path=DIR");
                }
                String row = "%-16s %-10s %-20s %-16s %s%s%n";
                if (!all.isEmpty()) {
                    ctx.out().printf(row, "CHANNEL", "PLATFORM", "ZONE", "STATE", "POSTING RULE", "");
                }
                for (Channel c : all) {
                    String rule = p.rules().find(c.id()).map(PublishChannelsCommand::describe)
                            .orElse("no rule (auto-schedule passes it over; set one with 'publish rules set')");
                    ctx.out().printf(row, c.name(), c.platform(), c.zone(),
                            c.state().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '), rule,
                            c.stateReason() == null ? "" : "  (" + c.stateReason() + ")");
                }
            }
            return ExitCode.OK;
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true,
            description = "Remove a channel with its rule and unpublished posts; published posts stay on record.")
    static final class Remove implements Callable<Integer> {
        private final CliContext ctx;
        @Mixin
        PublishOptions db;
        @Parameters(paramLabel = "NAME")
        String name;
        @Option(names = "--yes", description = "Remove it without asking, even when it has unpublished posts.")
        boolean yes;

        Remove(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() {
            try (Publishing p = db.open(ctx)) {
                long unpublished = p.posts().ofChannel(p.channels().byName(name).id()).stream()
                        .filter(post -> post.state() != dev.tagline.publish.store.PostState.PUBLISHED).count();
                if (unpublished > 0 && !yes && !confirmed(unpublished)) {
                    return ExitCode.USAGE;
                }
                ChannelStore.Removal done = p.channels().remove(name);
                java.util.List<String> what = new ArrayList<>();
                if (done.deletedUnpublished() > 0) {
                    what.add("deleted its " + Counts.of(done.deletedUnpublished(), "unpublished post")
                            + " (queued, scheduled or failed)");
                }
                if (done.keptPublished() > 0) {
                    what.add("kept its " + Counts.of(done.keptPublished(), "published post") + " and its history");
                }
                ctx.out().println("removed channel " + name + (what.isEmpty() ? "" : "; " + String.join("; ", what)));
            }
            return ExitCode.OK;
        }

        /** Asks on a terminal; elsewhere says to add --yes. A typo must not drop a channel's whole queue. */
        private boolean confirmed(long unpublished) {
            String what = "Channel '" + name + "' has " + Counts.of(unpublished, "unpublished post")
                    + " (queued, scheduled or failed) that removing it deletes";
            java.io.Console console = System.console();
            if (ctx.interactive() && console != null) {
                String answer = console.readLine(what + ". Remove it? [y/N] ");
                if (answer != null && answer.strip().toLowerCase(java.util.Locale.ROOT).startsWith("y")) {
                    return true;
                }
                ctx.err().println("kept channel " + name);
                return false;
            }
            ctx.err().println("error: " + what + ". Nothing removed: add --yes to remove it.");
            return false;
        }
    }

    /** Where a channel is connected in the browser, at 'tagline serve''s default address. */
    static final String CHANNELS_PAGE = "http://127.0.0.1:8080/channels";
    /** The state reason of a channel added to be connected in the browser. */
    static final String NOT_CONNECTED = "not connected yet: open Channels in 'tagline serve' and click Connect";

    static String describe(PostingRule r) {
        return r.daysText() + " " + r.timesText() + ", " + r.perDay() + "/day, " + r.perWeek() + "/week, spacing "
                + r.minSpacing().toMinutes() + " min" + (r.blackouts().isEmpty() ? "" : ", blackouts "
                + r.blackoutsText());
    }
}
