package dev.tagline.web;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Server-side sessions keyed by a random id sent as an HttpOnly, SameSite=Strict cookie. Each carries its own CSRF
 * token. A session before login (for the login form's token) is replaced by a fresh one on login, so an id seen
 * before login is worthless after it. Thread-safe.
 */
final class Sessions {
    static final String COOKIE = "tagline_session";
    private static final SecureRandom RANDOM = new SecureRandom();
    private final Map<String, Session> byId = new ConcurrentHashMap<>();
    private final Clock clock;
    private final Duration idle;

    Sessions(Clock clock, Duration idle) {
        this.clock = clock;
        this.idle = idle;
    }

    record Session(String id, String csrf, boolean authenticated, Instant expires) {
    }

    Session create(boolean authenticated) {
        byId.values().removeIf(s -> s.expires().isBefore(clock.instant()));
        Session s = new Session(token(), token(), authenticated, clock.instant().plus(idle));
        byId.put(s.id(), s);
        return s;
    }

    /** The live session for {@code id}, its idle timer restarted. */
    Optional<Session> find(String id) {
        if (id == null) {
            return Optional.empty();
        }
        Session s = byId.get(id);
        if (s == null || s.expires().isBefore(clock.instant())) {
            byId.remove(id);
            return Optional.empty();
        }
        Session touched = new Session(s.id(), s.csrf(), s.authenticated(), clock.instant().plus(idle));
        byId.put(id, touched);
        return Optional.of(touched);
    }

    void remove(String id) {
        if (id != null) {
            byId.remove(id);
        }
    }

    static String token() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
