package dev.tagline.cli;

import dev.tagline.core.TaglineException;
import dev.tagline.publish.Publishing;
import dev.tagline.publish.auth.Credential;
import dev.tagline.publish.auth.OAuthClients;
import dev.tagline.publish.platform.Platforms;
import dev.tagline.publish.store.Channel;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code tagline publish channels add}. A YouTube, TikTok, X or LinkedIn channel without a refresh token is added as
 * {@code needs connect}, for the browser's Connect to finish (dogfood round 8 K4).
 */
@Command(name = "add", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Add a channel: one account on one platform.")
final class PublishChannelAddCommand implements Callable<Integer> {
    /** Where a channel is connected in the browser, at 'tagline serve''s default address. */
    static final String CHANNELS_PAGE = "http://127.0.0.1:8080/channels";

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
            + " active again; any --option given is changed too (as 'publish channels set' does).")
    boolean reconnect;

    PublishChannelAddCommand(CliContext ctx) {
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
                // the options given with --reconnect are applied, checked as 'channels set' does (round 9 L6)
                String changed = options.isEmpty() ? "" : PublishChannelSetCommand.apply(ctx, p, c, options,
                        java.util.List.of());
                p.credentials(ctx.env()).put(c, credential);
                p.channels().setState(c.id(), Channel.State.ACTIVE, null);
                ctx.out().println("reconnected channel " + c.name() + changed + "; its waiting posts go out on the"
                        + " next run");
                return ExitCode.OK;
            }
            Platforms.validateOptions(platformId, options, // looks Instagram's host name up
                    dev.tagline.publish.platform.PublicHostName.HostResolver.SYSTEM)
                    .forEach(w -> ctx.err().println("warning: " + w));
            Channel c = p.channels().add(name, platformId, account == null ? name : account, zoneId,
                    Platforms.normalized(platformId, options),
                    connectLater ? Channel.State.NEEDS_CONNECT : Channel.State.ACTIVE,
                    connectLater ? Channel.NOT_CONNECTED : null);
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
