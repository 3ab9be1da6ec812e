package dev.tagline.publish.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tagline.core.TaglineException;
import dev.tagline.testkit.platform.FakeYouTube;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OAuthFlowTest {
    FakeYouTube google;
    OAuthFlow flow;

    @BeforeEach
    void setUp() {
        google = new FakeYouTube(Clock.systemUTC(), "cid", "csecret");
        OAuthFlow.OAuthClient c = OAuthFlow.OAuthClient.youtube("cid", "csecret");
        flow = new OAuthFlow(new OAuthFlow.OAuthClient(google.baseUrl() + "/auth", google.baseUrl() + "/token",
                c.clientId(), c.clientSecret(), c.scope(), c.clientIdParam(), c.extra()), HttpClient.newHttpClient(),
                Clock.systemUTC());
    }

    @AfterEach
    void tearDown() {
        google.close();
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> q = new HashMap<>();
        for (String pair : raw.split("&")) {
            String[] kv = pair.split("=", 2);
            q.put(kv[0], URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
        }
        return q;
    }

    @Test
    void pkceChallengeIsRfc7636AppendixB() {
        assertEquals("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM",
                OAuthFlow.challenge("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"));
    }

    @Test
    void theCodeIsExchangedWithTheVerifierForOfflineTokens() {
        OAuthFlow.Pending pending = flow.start("http://127.0.0.1:8765/oauth/callback");
        Map<String, String> q = query(pending.authorizeUri().getRawQuery());
        assertEquals("S256", q.get("code_challenge_method"));
        assertEquals("offline", q.get("access_type"));
        assertEquals("consent", q.get("prompt"));
        String code = google.oauth().approve(q.get("redirect_uri"), q.get("code_challenge"));
        Credential c = flow.finish(pending, Map.of("code", code, "state", q.get("state")));
        assertNotNull(c.refreshToken());
        assertNotNull(c.accessExpiresAt());
        TaglineException reused = assertThrows(TaglineException.class,
                () -> flow.finish(pending, Map.of("code", code, "state", q.get("state"))));
        assertTrue(reused.getMessage().contains("invalid_grant"), "codes are single-use: " + reused.getMessage());
    }

    @Test
    void aForeignStateOrADeniedConsentIsRefused() {
        OAuthFlow.Pending pending = flow.start("http://127.0.0.1:8765/cb");
        assertTrue(assertThrows(TaglineException.class, () -> flow.finish(pending, Map.of("code", "x", "state",
                "forged"))).getMessage().contains("possible CSRF"));
        assertTrue(assertThrows(TaglineException.class, () -> flow.finish(pending, Map.of("error", "access_denied")))
                .getMessage().contains("access_denied"));
        assertTrue(!pending.toString().contains(pending.codeVerifier()), "the verifier is never printed");
    }
}
