package dev.tagline.web;

import static dev.tagline.web.Html.esc;

import dev.tagline.core.TaglineException;
import dev.tagline.publish.auth.Credential;
import dev.tagline.publish.auth.CredentialStore;
import dev.tagline.publish.auth.OAuthClients;
import dev.tagline.publish.auth.OAuthFlow;
import dev.tagline.publish.store.Channel;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Connecting a channel to its account (issue #9 point 6): {@code /channels} lists the channels; {@code POST
 * /channels/{id}/connect} (logged in, CSRF-checked) takes the app's client id and secret, starts the OAuth 2.0
 * authorization-code flow with PKCE and links to the platform's consent page; {@code GET /oauth/callback} checks the
 * single-use {@code state}, exchanges the code with the verifier, seals the tokens in the vault and shows the result.
 * The callback needs no session: the platform's redirect is a cross-site navigation, which a SameSite=Strict cookie
 * does not ride on, so the unguessable state (kept here ten minutes, used once) is what binds it to the request.
 */
final class ChannelRoutes {
    static final Duration PENDING_FOR = Duration.ofMinutes(10);
    private final WebContext web;
    private final CredentialStore credentials;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final Map<String, Connect> pending = new ConcurrentHashMap<>();

    private record Connect(long channelId, OAuthFlow.OAuthClient client, OAuthFlow.Pending flow, Instant until) {
    }

    ChannelRoutes(WebContext web, CredentialStore credentials) {
        this.web = web;
        this.credentials = credentials;
    }

    void register(RoutesConfig r) {
        r.get("/channels", this::page);
        r.post("/channels/{id}/connect", this::connect);
        r.get("/oauth/callback", this::callback);
    }

    private void page(Context ctx) {
        page(ctx, null, null);
    }

    void page(Context ctx, ChannelRuleRoutes.Refused refused) {
        page(ctx, refused, null);
    }

    /**
     * The page; with {@code refused}, that channel's rule form shows the error beside it and keeps what was typed
     * (dogfood round 3 #8: a bare 400 page lost the input).
     */
    /**
     * The state text shown for {@code c}: for {@code needs connect} the Connect button beside it, whatever was stored
     * when it was added (the command line stored "open Channels in 'tagline serve'"; dogfood round 9 L8).
     */
    private static String stateReason(Channel c) {
        return c.state() == Channel.State.NEEDS_CONNECT ? ChannelAddRoutes.NOT_CONNECTED : c.stateReason();
    }

    void page(Context ctx, ChannelRuleRoutes.Refused refused, ChannelAddRoutes.Refused addRefused) {
        String csrf = Guard.session(ctx).csrf();
        StringBuilder b = new StringBuilder("<section class=\"channels\"><h1>Channels</h1>").append(saved(ctx))
                .append("<table><thead><tr><th>Name</th><th>Platform</th><th>Account</th><th>State</th><th>Connect</th>"
                        + "<th>Posting rule (channel clock; Auto-schedule fills it)</th></tr></thead><tbody>");
        for (Channel c : web.publishing().channels().list()) {
            b.append("<tr data-channel=\"").append(esc(c.name())).append("\"><td data-label=\"Name\">")
                    .append(esc(c.name())).append("</td><td data-label=\"Platform\">").append(esc(c.platform()))
                    .append("</td><td data-label=\"Account\">")
                    .append(c.account() == null || c.account().equals(c.name()) ? "—" : esc(c.account()))
                    .append("</td><td data-label=\"State\">")
                    .append(esc(c.state().name().toLowerCase(Locale.ROOT).replace('_', ' ')))
                    .append(stateReason(c) == null ? "" : " — " + esc(stateReason(c)))
                    .append("</td><td data-label=\"Connect\">");
            b.append(connectCell(c, csrf));
            b.append("</td><td data-label=\"Posting rule\" class=\"rule-cell\">").append(ChannelRuleRoutes.form(c,
                    web.publishing().rules().find(c.id()).orElse(null), csrf,
                    refused != null && refused.channelId() == c.id() ? refused : null)).append("</td></tr>");
        }
        if (web.publishing().channels().list().isEmpty()) {
            b.append("<tr class=\"empty\"><td colspan=\"6\" id=\"no-channels\">No channel yet. Add a YouTube, TikTok, X or"
                    + " LinkedIn channel with the form below; any channel is added on the command line (the web app"
                    + " sets their posting rules and connects them): <code>tagline publish"
                    + " channels add NAME --platform folder --option path=DIR</code> for a folder, or another platform"
                    + " as in docs/publish.md (Channels); then reload this page.</td></tr>");
        }
        b.append("</tbody></table>").append(ChannelAddRoutes.form(csrf, addRefused)).append("<p>Register <code>")
                .append(esc(redirectUri(ctx)))
                .append("</code> as the redirect URI of your app on each platform.</p></section>");
        ctx.html(Html.page("Channels", csrf, "/channels", b.toString()));
    }

    /**
     * OAuth platforms get the client id/secret form; folder and webhook channels sign in nowhere (dogfood round 3 #7:
     * "token or secret" text confused them); the rest are connected with a token from the command line.
     */
    private String connectCell(Channel c, String csrf) {
        if (OAuthClients.supports(c.platform())) {
            // a channel added without tokens may hold the app's client id and secret from 'channels add' (K4)
            Credential stored = credentials.get(c).orElse(null);
            boolean app = stored != null && stored.clientId() != null && stored.clientSecret() != null;
            boolean connected = stored != null && c.state() != Channel.State.NEEDS_CONNECT;
            return "<form method=\"post\" action=\"/channels/" + c.id() + "/connect\" class=\"connect\">"
                    + "<input type=\"hidden\" name=\"_csrf\" value=\"" + esc(csrf) + "\">"
                    + "<input name=\"client_id\" placeholder=\"client id\" required autocomplete=\"off\""
                    + (app ? " value=\"" + esc(stored.clientId()) + "\"" : "") + ">"
                    + "<input name=\"client_secret\" type=\"password\" autocomplete=\"off\" placeholder=\""
                    + (app ? "client secret (stored; type to replace)\"" : "client secret\" required")
                    + "><button type=\"submit\">" + (connected ? "Reconnect" : "Connect") + "</button></form>";
        }
        return switch (c.platform()) {
            case "folder" -> "nothing to connect: posts are written to its folder";
            case "webhook" -> "nothing to connect: posts are sent to its URL";
            default -> "token or secret from <code>tagline publish channels add</code>";
        };
    }

    /** After a rule was saved: which channel, and how many of its queued posts the re-plan placed. */
    private String saved(Context ctx) {
        String id = ctx.queryParam("saved");
        String placed = ctx.queryParam("placed");
        String added = ctx.queryParam("added");
        if (added != null && added.matches("\\d{1,12}")) {
            return web.publishing().channels().list().stream().filter(c -> c.id() == Long.parseLong(added))
                    .findFirst().map(c -> "<p class=\"notice\" role=\"status\" id=\"channel-added\">Channel '"
                            + esc(c.name()) + "' added: click Connect on its row to sign in to " + esc(c.platform())
                            + ".</p>").orElse("");
        }
        if (id == null || !id.matches("\\d{1,12}") || placed == null || !placed.matches("\\d{1,6}")) {
            return "";
        }
        return web.publishing().channels().list().stream().filter(c -> c.id() == Long.parseLong(id)).findFirst()
                .map(c -> "<p class=\"notice\" role=\"status\" id=\"rule-saved\">Posting rule of '" + esc(c.name())
                        + "' saved; " + placed + " queued post(s) placed on the Calendar.</p>").orElse("");
    }

    private void connect(Context ctx) {
        Channel channel = web.publishing().channels().byId(channelId(ctx));
        String secret = ctx.formParam("client_secret");
        if (secret == null || secret.isBlank()) { // the one 'channels add --client-secret-env' stored, if any
            secret = credentials.get(channel).map(Credential::clientSecret).orElse(null);
        }
        OAuthFlow.OAuthClient client = OAuthClients.of(channel, ctx.formParam("client_id"), secret);
        OAuthFlow.Pending flow = new OAuthFlow(client, http, web.clock()).start(redirectUri(ctx));
        Instant now = web.clock().instant();
        pending.values().removeIf(p -> p.until().isBefore(now));
        pending.put(flow.state(), new Connect(channel.id(), client, flow, now.plus(PENDING_FOR)));
        String url = flow.authorizeUri().toString();
        ctx.html(Html.page("Connect " + channel.name(), Guard.session(ctx).csrf(), "/channels",
                "<section class=\"connect\"><h1>Connect " + esc(channel.name()) + "</h1><p>Approve Tagline on "
                        + esc(channel.platform()) + "; you come back here afterwards (within "
                        + PENDING_FOR.toMinutes() + " minutes).</p><p><a id=\"authorize\" class=\"button\" href=\""
                        + esc(url) + "\" rel=\"noreferrer\">Continue to " + esc(channel.platform()) + "</a></p></section>"));
    }

    private void callback(Context ctx) {
        String state = ctx.queryParam("state");
        Connect connect = state == null ? null : pending.remove(state);
        if (connect == null || connect.until().isBefore(web.clock().instant())) {
            result(ctx, 400, "Not connected", "This sign-in link is unknown, used or expired. Start again from"
                    + " Channels.");
            return;
        }
        Channel channel = web.publishing().channels().byId(connect.channelId());
        Map<String, String> params = new java.util.HashMap<>();
        ctx.queryParamMap().forEach((k, v) -> params.put(k, v.isEmpty() ? null : v.get(0)));
        try {
            Credential credential = new OAuthFlow(connect.client(), http, web.clock()).finish(connect.flow(), params);
            credentials.put(channel, credential);
            web.publishing().channels().setState(channel.id(), Channel.State.ACTIVE, null);
            result(ctx, 200, "Connected", "Channel '" + channel.name() + "' (" + channel.platform() + ") is connected"
                    + (credential.refreshToken() == null ? "; the platform gave no refresh token, so reconnect when"
                    + " it expires." : "; its token renews itself."));
        } catch (TaglineException e) {
            result(ctx, 400, "Not connected", "Channel '" + channel.name() + "': " + e.getMessage() + " "
                    + e.hint());
        }
    }

    private static void result(Context ctx, int status, String title, String text) {
        ctx.status(status).html(Html.page(title, "", null, "<section class=\"oauth-result\"><h1>" + esc(title)
                + "</h1><p id=\"result\">" + esc(text) + "</p><p><a href=\"/channels\">Back to Channels</a></p></section>"));
    }

    private static String redirectUri(Context ctx) {
        return ctx.scheme() + "://" + ctx.host() + "/oauth/callback";
    }

    static long channelId(Context ctx) {
        try {
            return Long.parseLong(ctx.pathParam("id"));
        } catch (NumberFormatException e) {
            throw new TaglineException("Channel id '" + ctx.pathParam("id") + "' is not a number", "Use the id from /channels.");
        }
    }
}
