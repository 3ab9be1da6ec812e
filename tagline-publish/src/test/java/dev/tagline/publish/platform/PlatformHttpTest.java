package dev.tagline.publish.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.SSLSession;
import org.junit.jupiter.api.Test;

class PlatformHttpTest {
    static final HttpRequest HOOK = HttpRequest.newBuilder(URI.create("http://127.0.0.1:18201/hook?token=x")).build();

    private static PlatformException refused(int status, String body, Map<String, List<String>> headers) {
        PlatformHttp http = new PlatformHttp(HttpClient.newHttpClient(), null,
                Clock.fixed(Instant.parse("2026-06-01T10:00:00Z"), ZoneOffset.UTC), 1, "w");
        return assertThrows(PlatformException.class, () -> http.check(HOOK, new Answer(status, body, headers)));
    }

    /** Dogfood round 5 G4: a 429 with an empty body read "HTTP 429 from http://…/hook: ", ending in a colon. */
    @Test
    void anEmptyBodyLeftATrailingColon_nowTheReasonEndsWithTheUrl() {
        PlatformException e = refused(429, "", Map.of("Retry-After", List.of("3")));
        assertEquals("HTTP 429 from http://127.0.0.1:18201/hook", e.getMessage());
        assertEquals(PlatformException.Kind.RATE_LIMITED, e.kind());
        assertEquals(Duration.ofSeconds(3), e.retryAfter());
        assertEquals("HTTP 503 from http://127.0.0.1:18201/hook", refused(503, " \n ", Map.of()).getMessage());
        PlatformException withBody = refused(500, "oops!\n", Map.of());
        assertEquals("HTTP 500 from http://127.0.0.1:18201/hook: oops!", withBody.getMessage());
        assertTrue(withBody.ambiguous());
    }

    private record Answer(int statusCode, String body, Map<String, List<String>> head) implements HttpResponse<String> {
        @Override
        public HttpRequest request() {
            return HOOK;
        }

        @Override
        public Optional<HttpResponse<String>> previousResponse() {
            return Optional.empty();
        }

        @Override
        public HttpHeaders headers() {
            return HttpHeaders.of(head, (name, value) -> true);
        }

        @Override
        public Optional<SSLSession> sslSession() {
            return Optional.empty();
        }

        @Override
        public URI uri() {
            return HOOK.uri();
        }

        @Override
        public HttpClient.Version version() {
            return HttpClient.Version.HTTP_1_1;
        }
    }
}
