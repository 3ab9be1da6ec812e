package dev.tagline.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tagline.publish.store.Channel;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue #10 point 2 over real HTTP: login wall, cookie flags, CSRF, CSP, escaping, rate limit, password storage. */
class WebSecurityIT {
    @TempDir
    Path dir;
    WebFixture web;

    @BeforeEach
    void start() {
        web = WebFixture.start(dir);
    }

    @AfterEach
    void stop() {
        web.close();
    }

    @Test
    void pagesRedirectToLoginAndTheApiAnswers401WithoutASession() {
        HttpResponse<String> page = web.send(web.get("/calendar"));
        assertEquals(302, page.statusCode());
        assertEquals("/login", page.headers().firstValue("Location").orElseThrow());
        HttpResponse<String> api = web.send(web.get("/api/calendar?from=2026-12-01&to=2026-12-31"));
        assertEquals(401, api.statusCode());
        assertTrue(api.headers().firstValue("Content-Type").orElseThrow().startsWith("application/problem+json"));
        assertTrue(api.body().contains("Log in first"), api.body());
    }

    @Test
    void sessionCookieIsHttpOnlyStrictAndNewAfterLogin() {
        HttpResponse<String> page = web.send(web.get("/login"));
        String before = WebFixture.cookie(page);
        HttpResponse<String> done = web.send(web.form("/login", before,
                Map.of("_csrf", WebFixture.csrf(page.body()), "password", WebFixture.PASSWORD)));
        String set = done.headers().firstValue("Set-Cookie").orElseThrow();
        assertTrue(set.contains("HttpOnly") && set.contains("SameSite=Strict"), set);
        assertFalse(set.contains("Secure"), "plain http on loopback: " + set);
        assertNotEquals(before, WebFixture.cookie(done), "session id must change on login");
        assertEquals(302, web.send(web.get("/calendar").header("Cookie", before)).statusCode(),
                "the pre-login id grants nothing");
        HttpResponse<String> viaTls = web.send(web.get("/login").header("X-Forwarded-Proto", "https"));
        assertTrue(viaTls.headers().firstValue("Set-Cookie").orElseThrow().contains("; Secure"));
    }

    @Test
    void aStateChangeWithoutTheCsrfTokenIs403() {
        WebFixture.Login login = web.login();
        HttpRequest.Builder noToken = HttpRequest.newBuilder(java.net.URI.create(web.base() + "/api/auto-schedule"))
                .header("Cookie", login.cookie()).POST(HttpRequest.BodyPublishers.noBody());
        HttpResponse<String> refused = web.send(noToken);
        assertEquals(403, refused.statusCode());
        assertTrue(refused.body().contains("CSRF"), refused.body());
        HttpResponse<String> wrong = web.send(HttpRequest.newBuilder(java.net.URI.create(web.base() + "/api/auto-schedule"))
                .header("Cookie", login.cookie()).header("X-CSRF-Token", "x" + login.csrf())
                .POST(HttpRequest.BodyPublishers.noBody()));
        assertEquals(403, wrong.statusCode());
        HttpResponse<String> ok = web.send(HttpRequest.newBuilder(java.net.URI.create(web.base() + "/api/auto-schedule"))
                .header("Cookie", login.cookie()).header("X-CSRF-Token", login.csrf())
                .POST(HttpRequest.BodyPublishers.noBody()));
        assertEquals(200, ok.statusCode(), ok.body());
        assertEquals(403, web.send(web.form("/logout", login.cookie(), Map.of())).statusCode());
    }

    @Test
    void pagesSendAStrictCspAndCarryNoInlineScript() {
        WebFixture.Login login = web.login();
        HttpResponse<String> page = web.send(web.get("/calendar").header("Cookie", login.cookie()));
        String csp = page.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertTrue(csp.contains("script-src 'self';"), csp);
        assertTrue(csp.contains("frame-ancestors 'none'"), csp);
        assertFalse(Pattern.compile("<script(?![^>]*\\bsrc=)[^>]*>").matcher(page.body()).find(),
                "inline <script> in the page");
        assertEquals(200, web.send(web.get(Html.HTMX)).statusCode(), "htmx webjar served");
        assertEquals(200, web.send(web.get(Html.FULLCALENDAR)).statusCode(), "fullcalendar webjar served");
    }

    @Test
    void aCaptionWithAScriptTagIsRenderedAsText() {
        Channel yt = web.channel("yt", "youtube", "Europe/Berlin");
        web.post(yt, "Evil <b>title</b>", "<script>alert('x')</script> & more", null);
        WebFixture.Login login = web.login();
        String html = web.send(web.get("/calendar").header("Cookie", login.cookie())).body();
        assertTrue(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; more"), html);
        assertTrue(html.contains("Evil &lt;b&gt;title&lt;/b&gt;"));
        assertFalse(html.contains("<script>alert"));
    }

    @Test
    void loginAttemptsAreRateLimitedPerClient() {
        HttpResponse<String> page = web.send(web.get("/login"));
        String anon = WebFixture.cookie(page);
        String csrf = WebFixture.csrf(page.body());
        for (int i = 0; i < FailureThrottle.LOGIN_FAILURES; i++) {
            HttpResponse<String> wrong = web.send(web.form("/login", anon, Map.of("_csrf", csrf, "password", "nope-" + i)));
            assertEquals("/login?error=1", wrong.headers().firstValue("Location").orElseThrow());
        }
        HttpResponse<String> limited = web.send(web.form("/login", anon,
                Map.of("_csrf", csrf, "password", WebFixture.PASSWORD)));
        assertEquals(429, limited.statusCode(), "even the right password waits");
        assertTrue(Long.parseLong(limited.headers().firstValue("Retry-After").orElseThrow()) > 0);
    }

    @Test
    void thePasswordIsStoredAsASlowHashReadableOnlyByTheOwner() throws Exception {
        Path file = dir.resolve("admin.pbkdf2");
        String stored = Files.readString(file);
        assertTrue(stored.startsWith("pbkdf2-sha256$100000$"), stored);
        assertFalse(stored.contains(WebFixture.PASSWORD));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    }

    @Test
    void firstStartAsksForTheSetupCodeBeforeAcceptingAPassword(@TempDir Path other) {
        try (WebFixture fresh = new WebFixture(other, null)) {
            String code = fresh.server.setupCode();
            assertEquals(12, code.length());
            assertEquals("/setup", fresh.send(fresh.get("/login")).headers().firstValue("Location").orElseThrow());
            HttpResponse<String> page = fresh.send(fresh.get("/setup"));
            String anon = WebFixture.cookie(page);
            String csrf = WebFixture.csrf(page.body());
            assertEquals(403, fresh.send(fresh.form("/setup", anon,
                    Map.of("_csrf", csrf, "code", "wrong", "password", "a-long-password"))).statusCode());
            // dogfood round 6 H13: a short password gave a bare 400 page and lost the setup code; the form says so
            assertTrue(page.body().contains("minlength=\"10\""), "the browser says so before submitting");
            HttpResponse<String> tooShort = fresh.send(fresh.form("/setup", anon,
                    Map.of("_csrf", csrf, "code", code, "password", "short")));
            assertEquals(400, tooShort.statusCode());
            assertTrue(tooShort.body().contains("id=\"setup-error\" role=\"alert\">The admin password is too short."
                    + " Use at least 10 characters.</p>"), tooShort.body());
            assertTrue(tooShort.body().contains("value=\"" + code + "\""), "the setup code is kept: " + tooShort.body());
            HttpResponse<String> set = fresh.send(fresh.form("/setup", anon,
                    Map.of("_csrf", csrf, "code", code, "password", "a-long-password")));
            assertEquals(302, set.statusCode(), set.body());
            assertNull(fresh.server.setupCode());
            assertEquals(200, fresh.send(fresh.get("/calendar").header("Cookie", WebFixture.cookie(set))).statusCode());
        }
    }
}
