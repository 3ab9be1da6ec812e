package dev.tagline.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tagline.publish.auth.Credential;
import dev.tagline.publish.store.Channel;
import dev.tagline.testkit.platform.FakeTikTok;
import dev.tagline.testkit.platform.FakeYouTube;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #9 point 6 through {@code tagline serve}: connect a channel with the authorization-code flow and PKCE against
 * the platform fakes, whose token endpoints enforce single-use codes, the redirect URI and the S256 verifier.
 */
class ChannelConnectIT {
    @TempDir
    Path dir;
    WebFixture web;
    WebFixture.Login login;
    FakeYouTube google;

    @BeforeEach
    void start() {
        web = WebFixture.start(dir);
        google = new FakeYouTube(web.clock, "cid", "csecret");
        login = web.login();
    }

    @AfterEach
    void stop() {
        google.close();
        web.close();
    }

    private Channel channel(String name, String platform, String base, String tokenPath) {
        return web.publishing.channels().add(name, platform, name + "-account", java.time.ZoneId.of("UTC"),
                Map.of("authorize-url", base + "/authorize", "token-url", base + tokenPath));
    }

    /** Posts the connect form and returns the authorize URL's query the page links to. */
    private Map<String, String> connect(Channel c, String clientId, String secret) {
        HttpResponse<String> page = web.send(web.form("/channels/" + c.id() + "/connect", login.cookie(),
                Map.of("_csrf", login.csrf(), "client_id", clientId, "client_secret", secret)));
        assertEquals(200, page.statusCode(), page.body());
        Matcher m = Pattern.compile("id=\"authorize\" class=\"button\" href=\"([^\"]+)\"").matcher(page.body());
        assertTrue(m.find(), page.body());
        URI authorize = URI.create(m.group(1).replace("&amp;", "&"));
        Map<String, String> q = new HashMap<>();
        for (String pair : authorize.getRawQuery().split("&")) {
            String[] kv = pair.split("=", 2);
            q.put(kv[0], URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
        }
        q.put("_path", authorize.getPath());
        return q;
    }

    /** The browser coming back from the platform: a cross-site navigation, so no session cookie. */
    private HttpResponse<String> callback(String query) {
        return web.send(web.get("/oauth/callback?" + query));
    }

    @Test
    void connectingAYouTubeChannelStoresSealedTokensAndClearsNeedsReconnect() {
        Channel yt = channel("yt", "youtube", google.baseUrl(), "/token");
        web.publishing.channels().setState(yt.id(), Channel.State.NEEDS_RECONNECT, "refresh token revoked");
        Map<String, String> q = connect(yt, "cid", "csecret");
        assertEquals("/authorize", q.get("_path"));
        assertEquals("S256", q.get("code_challenge_method"));
        assertEquals("offline", q.get("access_type"));
        assertEquals(web.base() + "/oauth/callback", q.get("redirect_uri"));
        assertEquals("cid", q.get("client_id"));
        String code = google.oauth().approve(q.get("redirect_uri"), q.get("code_challenge"));
        HttpResponse<String> done = callback("code=" + code + "&state=" + q.get("state"));
        assertEquals(200, done.statusCode(), done.body());
        assertTrue(done.body().contains("Channel &#39;yt&#39; (youtube) is connected")
                || done.body().contains("Channel &#x27;yt&#x27; (youtube) is connected"), done.body());
        Credential stored = web.publishing.credentials(web.env).get(yt).orElseThrow();
        assertTrue(stored.accessToken().startsWith("at-"));
        assertTrue(stored.refreshToken().startsWith("rt-"));
        assertEquals(Channel.State.ACTIVE, web.publishing.channels().byId(yt.id()).state());
        HttpResponse<String> again = callback("code=" + code + "&state=" + q.get("state"));
        assertEquals(400, again.statusCode(), "the state is single-use");
    }

    @Test
    void aForgedStateAWrongSecretAndADeniedConsentConnectNothingAndShowWhyEscaped() {
        Channel yt = channel("yt", "youtube", google.baseUrl(), "/token");
        Map<String, String> q = connect(yt, "cid", "csecret");
        String code = google.oauth().approve(q.get("redirect_uri"), q.get("code_challenge"));
        assertEquals(400, callback("code=" + code + "&state=forged").statusCode());
        Map<String, String> wrong = connect(yt, "cid", "not-the-secret");
        String code2 = google.oauth().approve(wrong.get("redirect_uri"), wrong.get("code_challenge"));
        HttpResponse<String> refused = callback("code=" + code2 + "&state=" + wrong.get("state"));
        assertEquals(400, refused.statusCode());
        assertTrue(refused.body().contains("refused the code"), refused.body());
        Map<String, String> denied = connect(yt, "cid", "csecret");
        HttpResponse<String> no = callback("error=%3Cscript%3Ealert(1)%3C%2Fscript%3E&state=" + denied.get("state"));
        assertEquals(400, no.statusCode());
        assertTrue(no.body().contains("&lt;script&gt;alert(1)&lt;/script&gt;"), no.body());
        assertFalse(no.body().contains("<script>alert"));
        assertTrue(web.publishing.credentials(web.env).get(yt).isEmpty());
    }

    @Test
    void tiktokUsesClientKeyAndConnectNeedsLoginAndCsrf() {
        FakeTikTok tiktok = new FakeTikTok(web.clock, "ckey", "csecret");
        try {
            Channel tt = channel("tt", "tiktok", tiktok.baseUrl(), "/v2/oauth/token/");
            Map<String, String> q = connect(tt, "ckey", "csecret");
            assertEquals("ckey", q.get("client_key"));
            String code = tiktok.oauth().approve(q.get("redirect_uri"), q.get("code_challenge"));
            assertEquals(200, callback("code=" + code + "&state=" + q.get("state")).statusCode());
            assertTrue(web.publishing.credentials(web.env).get(tt).isPresent());
            assertEquals(403, web.send(web.form("/channels/" + tt.id() + "/connect", login.cookie(),
                    Map.of("client_id", "ckey", "client_secret", "csecret"))).statusCode(), "no CSRF token");
            assertEquals(401, web.send(web.form("/channels/" + tt.id() + "/connect", null,
                    Map.of("client_id", "ckey", "client_secret", "csecret"))).statusCode(), "not logged in");
            HttpResponse<String> page = web.send(web.get("/channels").header("Cookie", login.cookie()));
            assertTrue(page.body().contains("Reconnect"), page.body());
        } finally {
            tiktok.close();
        }
    }
    /**
     * Dogfood round 8 K4: a channel added without a refresh token ('channels add' with only the app's client id and
     * secret) shows as needs connect with a Connect button that knows the client id; Connect with the stored secret
     * gets the tokens and makes it active.
     */
    @Test
    void aChannelAddedWithoutARefreshTokenShowsNeedsConnectAndConnectMakesItActive() {
        Channel yt = web.publishing.channels().add("yt", "youtube", "yt", java.time.ZoneId.of("UTC"),
                Map.of("authorize-url", google.baseUrl() + "/authorize", "token-url", google.baseUrl() + "/token"),
                Channel.State.NEEDS_CONNECT, "not connected yet");
        web.publishing.credentials(web.env).put(yt, new Credential("cid", "csecret", null, null, null, null));
        HttpResponse<String> page = web.send(web.get("/channels").header("Cookie", login.cookie()));
        assertTrue(page.body().contains("needs connect"), page.body());
        assertTrue(page.body().contains("value=\"cid\""), page.body());
        assertTrue(page.body().contains(">Connect</button>") && !page.body().contains(">Reconnect</button>"),
                page.body());
        Map<String, String> q = connect(yt, "cid", "");
        String code = google.oauth().approve(q.get("redirect_uri"), q.get("code_challenge"));
        assertEquals(200, callback("code=" + code + "&state=" + q.get("state")).statusCode());
        assertEquals(Channel.State.ACTIVE, web.publishing.channels().byId(yt.id()).state());
        assertTrue(web.publishing.credentials(web.env).get(yt).orElseThrow().refreshToken().startsWith("rt-"));
        page = web.send(web.get("/channels").header("Cookie", login.cookie()));
        assertTrue(page.body().contains(">Reconnect</button>"), page.body());
    }
    /**
     * Dogfood round 8 K4: the Channels page had no way to add a channel. Its form now adds a YouTube, TikTok, X or
     * LinkedIn channel as needs connect, whose row's Connect then signs it in; a refused one is shown again with the
     * reason and the fields as typed, and the form needs the CSRF token.
     */
    @Test
    void theChannelsPageCouldNotAddAChannel_nowItsFormAddsOneThatNeedsConnect() {
        HttpResponse<String> r = web.send(web.form("/channels", login.cookie(), Map.of("_csrf", login.csrf(), "name",
                "yt", "platform", "youtube", "zone", "Europe/Berlin")));
        assertEquals(302, r.statusCode(), r.body());
        Channel yt = web.publishing.channels().byName("yt");
        assertEquals(Channel.State.NEEDS_CONNECT, yt.state());
        assertEquals("Europe/Berlin", yt.zone().getId());
        assertEquals("/channels?added=" + yt.id(), r.headers().firstValue("Location").orElseThrow());
        HttpResponse<String> page = web.send(web.get("/channels?added=" + yt.id()).header("Cookie", login.cookie()));
        assertTrue(page.body().contains("id=\"channel-added\">Channel 'yt' added: click Connect on its row"),
                page.body());
        assertTrue(page.body().contains("needs connect"), page.body());
        HttpResponse<String> bad = web.send(web.form("/channels", login.cookie(), Map.of("_csrf", login.csrf(), "name",
                "tt", "platform", "tiktok", "zone", "Mars/Base")));
        assertEquals(400, bad.statusCode());
        assertTrue(bad.body().contains("id=\"add-error\">Not added: A TikTok channel needs a privacy level. Give SELF_ONLY"),
                bad.body());
        assertTrue(bad.body().contains("value=\"Mars/Base\""), "the fields as typed: " + bad.body());
        assertEquals(400, web.send(web.form("/channels", login.cookie(), Map.of("_csrf", login.csrf(), "name", "tt",
                "platform", "tiktok", "zone", "Mars/Base", "privacy_level", "SELF_ONLY"))).statusCode());
        assertEquals(400, web.send(web.form("/channels", login.cookie(), Map.of("_csrf", login.csrf(), "name", "f",
                "platform", "folder", "zone", "UTC"))).statusCode(), "a folder needs a path: the command line");
        assertEquals(403, web.send(web.form("/channels", login.cookie(), Map.of("name", "x1", "platform", "x",
                "zone", "UTC"))).statusCode(), "no CSRF token");
        assertTrue(web.publishing.channels().find("tt").isEmpty() && web.publishing.channels().find("x1").isEmpty());
    }
    /**
     * Dogfood round 9 L4: the form's free-text privacy level turned {@code public} into the invalid {@code PUBLIC}, and
     * the channel was added. The form now offers TikTok's four values (none chosen at first), and any other text is
     * refused with the message a missing value gets.
     */
    @Test
    void theAddFormTurnedPublicIntoPUBLIC_nowItOffersTikToksFourPrivacyLevels() {
        HttpResponse<String> page = web.send(web.get("/channels").header("Cookie", login.cookie()));
        assertTrue(page.body().contains("<select name=\"privacy_level\"><option value=\"\">(TikTok only: choose)"
                + "</option><option value=\"SELF_ONLY\">SELF_ONLY</option>"), page.body());
        assertTrue(page.body().contains("<option value=\"PUBLIC_TO_EVERYONE\">PUBLIC_TO_EVERYONE</option></select>"),
                page.body());
        HttpResponse<String> bad = web.send(web.form("/channels", login.cookie(), Map.of("_csrf", login.csrf(), "name",
                "tk", "platform", "tiktok", "zone", "UTC", "privacy_level", "public")));
        assertEquals(400, bad.statusCode());
        assertTrue(bad.body().contains("Not added: TikTok privacy level &#39;public&#39; is not one TikTok accepts."
                + " Give the privacy the creator chose"), bad.body());
        assertTrue(web.publishing.channels().find("tk").isEmpty());
        HttpResponse<String> ok = web.send(web.form("/channels", login.cookie(), Map.of("_csrf", login.csrf(), "name",
                "tk", "platform", "tiktok", "zone", "UTC", "privacy_level", "FOLLOWER_OF_CREATOR")));
        assertEquals(302, ok.statusCode(), ok.body());
        assertEquals("FOLLOWER_OF_CREATOR", web.publishing.channels().byName("tk").option("privacy-level", null));
    }
    /**
     * Dogfood round 9 L8: a channel added on the command line showed on the Channels page as "needs connect — not
     * connected yet: open Channels in 'tagline serve' and click Connect", though the user was there. The page now says
     * what it offers, whatever was stored when the channel was added.
     */
    @Test
    void aChannelAddedOnTheCommandLineToldThePageToOpenChannels_nowItSaysClickConnect() {
        web.publishing.channels().add("yt", "youtube", "yt", java.time.ZoneId.of("UTC"), Map.of(),
                Channel.State.NEEDS_CONNECT, "not connected yet: open Channels in 'tagline serve' and click Connect");
        HttpResponse<String> page = web.send(web.get("/channels").header("Cookie", login.cookie()));
        assertTrue(page.body().contains("needs connect — not connected yet: click Connect</td>"), page.body());
        assertTrue(!page.body().contains("open Channels in"), page.body());
    }
}
