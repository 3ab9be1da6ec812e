package dev.tagline.web;

import static dev.tagline.web.Html.esc;

import dev.tagline.core.TaglineException;
import dev.tagline.publish.auth.OAuthClients;
import dev.tagline.publish.platform.Platforms;
import dev.tagline.publish.store.Channel;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /channels}: adds a YouTube, TikTok, X or LinkedIn channel from the Channels page (dogfood round 8 K4),
 * in the {@code needs connect} state its row's Connect form then ends; the app's client id and secret are typed
 * there. Other platforms take a secret or a folder, which stay on the command line ({@code tagline publish channels
 * add}), where secrets come from environment variables. A refused form is shown again with the error and the fields
 * as typed.
 */
final class ChannelAddRoutes {
    static final List<String> PLATFORMS = List.of("youtube", "tiktok", "x", "linkedin");
    /** How the Channels page describes a channel in {@code needs connect}, wherever it was added. */
    static final String NOT_CONNECTED = "not connected yet: click Connect";
    private final WebContext web;
    private final ChannelRoutes pages;

    /** A refused add: the message and the fields as typed. */
    record Refused(String message, Map<String, String> typed) {
    }

    ChannelAddRoutes(WebContext web, ChannelRoutes pages) {
        this.web = web;
        this.pages = pages;
    }

    void register(RoutesConfig r) {
        r.post("/channels", this::add);
    }

    static String form(String csrf, Refused refused) {
        Map<String, String> v = refused == null ? Map.of() : refused.typed();
        StringBuilder platforms = new StringBuilder();
        for (String p : PLATFORMS) {
            platforms.append("<option value=\"").append(p).append('"')
                    .append(p.equals(v.get("platform")) ? " selected" : "").append('>').append(p).append("</option>");
        }
        return "<h2>Add a channel</h2>" + (refused == null ? "" : "<p class=\"error\" role=\"alert\" id=\"add-error\">"
                + "Not added: " + esc(refused.message()) + "</p>")
                + "<form method=\"post\" action=\"/channels\" class=\"add-channel\" id=\"add-channel\">"
                + "<input type=\"hidden\" name=\"_csrf\" value=\"" + esc(csrf) + "\">"
                + "<label>Name <input name=\"name\" required value=\"" + esc(v.getOrDefault("name", ""))
                + "\" placeholder=\"yt-main\"></label>"
                + "<label>Platform <select name=\"platform\">" + platforms + "</select></label>"
                + "<label>Time zone <input name=\"zone\" value=\"" + esc(v.getOrDefault("zone",
                        ZoneId.systemDefault().getId())) + "\" placeholder=\"Europe/Berlin\"></label>"
                + "<label>TikTok privacy level <select name=\"privacy_level\">" + privacyLevels(v.get("privacy_level"))
                + "</select></label>"
                + "<button type=\"submit\">Add channel</button></form><p>Then click Connect on its row and give the"
                + " app's client id and secret. Other platforms (folder, webhook, Instagram, Facebook, Bluesky) are"
                + " added on the command line: <code>tagline publish channels add NAME --platform P …</code>"
                + " (docs/publish.md).</p>";
    }

    /**
     * TikTok's four privacy levels, none chosen at first: TikTok's UX rules allow no default (dogfood round 9 L4: a
     * free-text box took {@code public} and stored the invalid {@code PUBLIC}).
     */
    private static String privacyLevels(String chosen) {
        StringBuilder out = new StringBuilder("<option value=\"\">(TikTok only: choose)</option>");
        for (String level : Platforms.TIKTOK_PRIVACY_LEVELS) {
            out.append("<option value=\"").append(level).append('"').append(level.equals(chosen) ? " selected" : "")
                    .append('>').append(level).append("</option>");
        }
        return out.toString();
    }

    private void add(Context ctx) {
        Map<String, String> typed = new LinkedHashMap<>();
        for (String k : List.of("name", "platform", "zone", "privacy_level")) {
            String value = ctx.formParam(k);
            typed.put(k, value == null ? "" : value.strip());
        }
        try {
            String platform = Platforms.require(typed.get("platform").isEmpty() ? "?" : typed.get("platform"));
            if (!OAuthClients.supports(platform)) {
                throw new TaglineException("A " + platform + " channel is added on the command line",
                        "Run 'tagline publish channels add NAME --platform " + platform + " …' (docs/publish.md).");
            }
            Map<String, String> options = new LinkedHashMap<>();
            if (platform.equals("tiktok") && typed.get("privacy_level").isEmpty()) {
                throw new TaglineException("A TikTok channel needs a privacy level", "Give SELF_ONLY,"
                        + " MUTUAL_FOLLOW_FRIENDS, FOLLOWER_OF_CREATOR or PUBLIC_TO_EVERYONE (TikTok allows no default;"
                        + " unaudited apps may only post SELF_ONLY).");
            }
            if (platform.equals("tiktok")) {
                options.put("privacy-level", typed.get("privacy_level"));
            }
            Platforms.validateOptions(platform, options);
            Channel c = web.publishing().channels().add(typed.get("name"), platform, typed.get("name"),
                    zone(typed.get("zone")), Platforms.normalized(platform, options), Channel.State.NEEDS_CONNECT,
                    Channel.NOT_CONNECTED);
            ctx.redirect("/channels?added=" + c.id());
        } catch (TaglineException e) {
            ctx.status(400);
            String hint = e.hint() == null || e.hint().isBlank() ? "" : " " + e.hint();
            pages.page(ctx, null, new Refused(e.getMessage() + (e.getMessage().matches("(?s).*[.!?]$") ? "" : ".")
                    + hint, typed));
        }
    }

    private static ZoneId zone(String text) {
        try {
            return text.isEmpty() ? ZoneId.systemDefault() : ZoneId.of(text);
        } catch (DateTimeException e) {
            throw new TaglineException("Unknown time zone '" + text + "'",
                    "Use an IANA name such as Europe/Berlin, America/New_York or Etc/UTC.", e);
        }
    }
}
