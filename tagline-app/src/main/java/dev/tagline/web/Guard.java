package dev.tagline.web;

import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import io.javalin.http.UnauthorizedResponse;
import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * Runs before every request: security headers (CSP without inline script), the session lookup, the login wall
 * (pages redirect to {@code /login}, {@code /api} answers 401; public video links, {@code GET}/{@code HEAD /public/v/…},
 * carry their own token) and the CSRF check on every state change (403 when
 * the {@code X-CSRF-Token} header or {@code _csrf} form field does not match the session's token).
 */
final class Guard implements Handler {
    static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline';"
            + " img-src 'self' data: blob:; media-src 'self'; connect-src 'self'; font-src 'self' data:;"
            + " form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'";
    static final String SESSION = "session";
    private static final Set<HandlerType> CHANGES = Set.of(HandlerType.POST, HandlerType.PUT, HandlerType.PATCH,
            HandlerType.DELETE);
    private final Sessions sessions;

    Guard(Sessions sessions) {
        this.sessions = sessions;
    }

    @Override
    public void handle(Context ctx) {
        ctx.header("Content-Security-Policy", CSP);
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("Referrer-Policy", "same-origin");
        ctx.header("Cache-Control", ctx.path().startsWith("/webjars/") || ctx.path().startsWith("/static/")
                ? "public, max-age=3600" : "no-store");
        Sessions.Session session = sessions.find(ctx.cookie(Sessions.COOKIE)).orElse(null);
        ctx.attribute(SESSION, session);
        String path = ctx.path();
        // The OAuth callback arrives cross-site without the Strict cookie; its single-use state authenticates it.
        // A public video link is fetched by a webhook receiver or a platform, which has no session: its token is the
        // capability (PublicVideoRoutes).
        boolean open = path.equals("/login") || path.equals("/setup") || path.equals("/oauth/callback")
                || path.startsWith(dev.tagline.publish.platform.VideoLinks.ROUTE)
                && (ctx.method() == HandlerType.GET || ctx.method() == HandlerType.HEAD)
                || path.startsWith("/static/")
                || path.startsWith("/webjars/") || path.equals("/favicon.ico");
        if (!open && (session == null || !session.authenticated())) {
            if (path.startsWith("/api/") || ctx.method() != HandlerType.GET) {
                throw new UnauthorizedResponse("Log in first: POST /login with the admin password.");
            }
            ctx.redirect("/login");
            ctx.skipRemainingHandlers();
            return;
        }
        if (CHANGES.contains(ctx.method()) && !csrfMatches(ctx, session)) {
            throw new ForbiddenResponse("Missing or wrong CSRF token: send the page's csrf-token as the X-CSRF-Token"
                    + " header (or _csrf form field); reload the page if the session expired.");
        }
    }

    private static boolean csrfMatches(Context ctx, Sessions.Session session) {
        if (session == null) {
            return false;
        }
        String sent = ctx.header("X-CSRF-Token");
        if (sent == null && ctx.contentType() != null
                && ctx.contentType().startsWith("application/x-www-form-urlencoded")) {
            sent = ctx.formParam("_csrf");
        }
        return sent != null && MessageDigest.isEqual(sent.getBytes(StandardCharsets.UTF_8),
                session.csrf().getBytes(StandardCharsets.UTF_8));
    }

    static Sessions.Session session(Context ctx) {
        return ctx.attribute(SESSION);
    }
}
