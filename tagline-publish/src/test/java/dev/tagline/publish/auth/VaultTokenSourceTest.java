package dev.tagline.publish.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tagline.publish.PublishFixture;
import dev.tagline.publish.platform.PlatformException;
import dev.tagline.publish.store.Channel;
import dev.tagline.testkit.platform.FakeYouTube;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VaultTokenSourceTest {
    @TempDir
    Path dir;
    PublishFixture f;
    FakeYouTube server;
    Channel channel;
    TokenSource tokens;
    String first;

    @BeforeEach
    void setUp() {
        f = new PublishFixture(dir);
        server = new FakeYouTube(f.clock, "cid", "csecret");
        first = server.oauth().grant("rt-1", Duration.ofHours(1));
        channel = f.channel("yt", "youtube", Map.of("token-url", server.baseUrl() + "/token"),
                new Credential("cid", "csecret", first, "rt-1", f.clock.instant().plus(Duration.ofHours(1)), null));
        tokens = f.p.tokens(f.env, f.client);
    }

    @AfterEach
    void tearDown() {
        server.close();
        f.close();
    }

    @Test
    void refreshesAheadOfExpiryNotBefore() {
        assertEquals(first, tokens.accessToken(channel));
        f.clock.advance(Duration.ofMinutes(54));
        assertEquals(first, tokens.accessToken(channel));
        f.clock.advance(Duration.ofMinutes(2));
        String second = tokens.accessToken(channel);
        assertNotEquals(first, second, "within five minutes of expiry it refreshes");
        assertEquals(1, server.oauth().refreshCount());
        assertEquals(second, f.p.credentials(f.env).get(channel).orElseThrow().accessToken(), "stored sealed");
    }

    @Test
    void aRotatedRefreshTokenIsKeptSoTheNextRefreshWorks() {
        server.oauth().rotateRefreshTokens(true);
        tokens.refresh(channel);
        String rotated = f.p.credentials(f.env).get(channel).orElseThrow().refreshToken();
        assertNotEquals("rt-1", rotated);
        tokens.refresh(channel);
        assertEquals(2, server.oauth().refreshCount());
    }

    @Test
    void aRevokedGrantNeedsReconnectButAServerErrorIsOnlyRetried() {
        server.failNext("POST", "/token", 503, null, "{}");
        PlatformException e = assertThrows(PlatformException.class, () -> tokens.refresh(channel));
        assertEquals(PlatformException.Kind.RETRYABLE, e.kind());
        server.oauth().revoke("rt-1");
        ReconnectNeededException r = assertThrows(ReconnectNeededException.class, () -> tokens.refresh(channel));
        assertTrue(r.getMessage().contains("invalid_grant"), r.getMessage());
    }

    @Test
    void aRefreshThatReachesNobodySaysWhyInWords() throws Exception {
        int closed;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            closed = s.getLocalPort(); // nothing listens there once it is closed
        }
        Channel offline = f.channel("yt2", "youtube", Map.of("token-url", "http://127.0.0.1:" + closed + "/token"),
                new Credential("cid", "csecret", first, "rt-1", f.clock.instant().plus(Duration.ofHours(1)), null));
        PlatformException e = assertThrows(PlatformException.class, () -> tokens.refresh(offline));
        assertEquals(PlatformException.Kind.RETRYABLE, e.kind());
        assertEquals("Token refresh for channel 'yt2' got no answer from 127.0.0.1: the connection was refused"
                + " (offline, or nothing listens there); it is retried", e.getMessage());
        Channel nowhere = f.channel("yt3", "youtube", Map.of("token-url", "http://no-such-host.invalid/token"),
                new Credential("cid", "csecret", first, "rt-1", f.clock.instant().plus(Duration.ofHours(1)), null));
        PlatformException dns = assertThrows(PlatformException.class, () -> tokens.refresh(nowhere));
        assertTrue(dns.getMessage().contains("the host name does not resolve (offline, or no DNS)"), dns.getMessage());
    }

    @Test
    void instagramLongLivedTokenRenewsItselfTenDaysAheadAndAnExpiredOneNeedsReconnect() {
        dev.tagline.testkit.platform.FakeInstagram ig = new dev.tagline.testkit.platform.FakeInstagram(f.clock, "1784");
        try {
            String token = ig.grant(Duration.ofDays(60));
            Channel c = f.channel("ig", "instagram", Map.of("refresh-url", ig.baseUrl() + "/refresh_access_token"),
                    new Credential(null, null, token, null, f.clock.instant().plus(Duration.ofDays(60)), null));
            assertEquals(token, tokens.accessToken(c));
            f.clock.advance(Duration.ofDays(49));
            assertEquals(token, tokens.accessToken(c), "eleven days left: not yet");
            f.clock.advance(Duration.ofDays(2));
            String renewed = tokens.accessToken(c);
            assertNotEquals(token, renewed);
            assertEquals(1, ig.refreshCount());
            Credential stored = f.p.credentials(f.env).get(c).orElseThrow();
            assertEquals(renewed, stored.accessToken());
            assertEquals(f.clock.instant().plus(Duration.ofDays(60)), stored.accessExpiresAt());
            f.clock.advance(Duration.ofDays(61));
            ReconnectNeededException e = assertThrows(ReconnectNeededException.class, () -> tokens.accessToken(c));
            assertTrue(e.getMessage().contains("expired"), e.getMessage());
        } finally {
            ig.close();
        }
    }
}
