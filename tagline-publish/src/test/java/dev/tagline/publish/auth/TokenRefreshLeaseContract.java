package dev.tagline.publish.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tagline.core.config.TaglineHome;
import dev.tagline.publish.PublishFixture;
import dev.tagline.publish.Publishing;
import dev.tagline.publish.store.Channel;
import dev.tagline.testkit.platform.FakeYouTube;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two processes (two {@link Publishing} instances with their own connections and token sources on one database)
 * find the same access token expired at the same moment. The platform rotates refresh tokens and a spent one is
 * refused, so if both spent it one would fail and the channel would need reconnecting: the row lease makes exactly
 * one refresh happen and both use its result. One subclass per database.
 */
abstract class TokenRefreshLeaseContract {
    @TempDir
    Path dir;
    PublishFixture f;
    Publishing second;
    FakeYouTube server;
    Channel channel;
    String first;

    abstract String url(Path dir);

    @BeforeEach
    void setUp() {
        String url = url(dir);
        f = new PublishFixture(dir, url);
        second = Publishing.open(url, new TaglineHome(dir.resolve("home")), f.clock);
        server = new FakeYouTube(f.clock, "cid", "csecret");
        server.oauth().rotateRefreshTokens(true);
        first = server.oauth().grant("rt-1", Duration.ofHours(1));
        channel = f.channel("yt", "youtube", Map.of("token-url", server.baseUrl() + "/token"),
                new Credential("cid", "csecret", first, "rt-1", f.clock.instant().plus(Duration.ofHours(1)), null));
    }

    @AfterEach
    void tearDown() {
        server.close();
        second.close();
        f.close();
    }

    @Test
    void twoProcessesRefreshingOneRotatingTokenAtOnceSpendItOnceAndBothGetTheNewToken() throws Exception {
        server.oauth().refreshDelay(Duration.ofMillis(300));
        List<TokenSource> sources = List.of(f.p.tokens(f.env, f.client), second.tokens(f.env, f.client),
                f.p.tokens(f.env, f.client), second.tokens(f.env, f.client));
        f.clock.advance(Duration.ofMinutes(58));
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(sources.size());
        List<Future<String>> results = new ArrayList<>();
        for (TokenSource s : sources) {
            results.add(pool.submit(() -> {
                go.await();
                return s.accessToken(channel);
            }));
        }
        go.countDown();
        Set<String> tokens = ConcurrentHashMap.newKeySet();
        for (Future<String> r : results) {
            tokens.add(r.get());
        }
        pool.shutdown();
        assertEquals(1, tokens.size(), "every caller got the one new token: " + tokens);
        assertNotEquals(first, tokens.iterator().next());
        assertEquals(1, server.oauth().refreshCount(), "the rotating refresh token was spent once");
        Credential stored = f.p.credentials(f.env).get(channel).orElseThrow();
        assertEquals(tokens.iterator().next(), stored.accessToken());
        assertNotEquals("rt-1", stored.refreshToken(), "the rotated refresh token was kept");
        server.oauth().refreshDelay(Duration.ZERO);
        String third = second.tokens(f.env, f.client).refresh(channel);
        assertNotEquals(stored.accessToken(), third, "the kept refresh token still works");
        assertEquals(2, server.oauth().refreshCount());
    }

    @Test
    void aLeaseLeftByACrashedProcessExpiresAndAReconnectBreaksIt() {
        CredentialStore store = f.p.credentials(f.env);
        CredentialStore.Versioned v = store.read(channel).orElseThrow();
        assertTrue(store.lease(channel, v.version(), "crashed", f.clock.instant().plusSeconds(60)));
        CredentialStore other = second.credentials(f.env);
        assertEquals(false, other.lease(channel, v.version(), "w2", f.clock.instant().plusSeconds(60)), "held");
        f.clock.advance(Duration.ofSeconds(61));
        assertTrue(other.lease(channel, v.version(), "w2", f.clock.instant().plusSeconds(60)), "expired lease taken");
        assertEquals(false, store.replace(channel, v.version(), "crashed", v.credential()), "the old owner lost it");
        other.put(channel, v.credential());
        assertEquals(false, other.replace(channel, v.version(), "w2", v.credential()), "a reconnect bumps the version");
        assertEquals(v.version() + 1, other.read(channel).orElseThrow().version());
    }
}
