package dev.tagline.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.TooManyRequestsResponse;
import java.time.Duration;

/**
 * Login, logout and the first-start page that sets the admin password (guarded by a one-time setup code printed on
 * the terminal, so only the person who started the server can claim it).
 */
final class AuthRoutes {
    private final WebContext web;

    AuthRoutes(WebContext web) {
        this.web = web;
    }

    void register(RoutesConfig r) {
        r.get("/login", this::loginPage);
        r.post("/login", this::login);
        r.post("/logout", this::logout);
        r.get("/setup", this::setupPage);
        r.post("/setup", this::setup);
    }

    private void loginPage(Context ctx) {
        if (!web.passwords().isSet()) {
            ctx.redirect("/setup");
            return;
        }
        ctx.html(Html.page("Log in", anonymous(ctx).csrf(), null, form("/login", anonymous(ctx).csrf(), "Log in",
                ctx.queryParam("error") == null ? "" : "<p class=\"error\" role=\"alert\">Wrong password.</p>",
                "<label>Password <input type=\"password\" name=\"password\" id=\"password\" autocomplete=\"current-password\" required autofocus></label>")));
    }

    private void login(Context ctx) {
        String client = ctx.ip();
        Duration wait = web.throttle().waitFor(client);
        if (!wait.isZero()) {
            ctx.header("Retry-After", Long.toString(wait.toSeconds()));
            throw new TooManyRequestsResponse("Too many failed logins from " + client + "; try again in "
                    + wait.toSeconds() + " s.");
        }
        if (!web.passwords().verify(ctx.formParam("password"))) {
            web.throttle().failed(client);
            ctx.redirect("/login?error=1");
            return;
        }
        web.throttle().succeeded(client);
        startSession(ctx);
        ctx.redirect("/calendar");
    }

    private void logout(Context ctx) {
        web.sessions().remove(ctx.cookie(Sessions.COOKIE));
        ctx.header("Set-Cookie", Sessions.COOKIE + "=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict");
        ctx.redirect("/login");
    }

    private void setupPage(Context ctx) {
        if (web.passwords().isSet()) {
            ctx.redirect("/login");
            return;
        }
        setupForm(ctx, null, "");
    }

    /**
     * The first-start form; {@code error}: why the server refused the password, shown above the form, with the setup
     * code kept as typed (dogfood round 6 H13: a bare 400 page lost it).
     */
    private void setupForm(Context ctx, String error, String code) {
        String csrf = anonymous(ctx).csrf();
        ctx.html(Html.page("Set the admin password", csrf, null, form("/setup", csrf, "Set password",
                "<p>First start: choose the admin password (at least " + Passwords.MIN_LENGTH + " characters)."
                        + " The setup code was printed in the terminal that started <code>tagline serve</code>.</p>"
                        + (error == null ? "" : "<p class=\"error\" id=\"setup-error\" role=\"alert\">"
                        + Html.esc(error) + "</p>"),
                "<label>Setup code <input name=\"code\" id=\"code\" required autocomplete=\"off\" value=\""
                        + Html.esc(code) + "\"></label><label>Password <input type=\"password\" name=\"password\""
                        + " id=\"password\" autocomplete=\"new-password\" required minlength=\"" + Passwords.MIN_LENGTH
                        + "\"></label>")));
    }

    private void setup(Context ctx) {
        String code = web.setupCode();
        if (web.passwords().isSet() || code == null || !code.equals(ctx.formParam("code"))) {
            web.throttle().failed(ctx.ip());
            throw new io.javalin.http.ForbiddenResponse("Wrong setup code, or the password is already set; use the"
                    + " code printed by 'tagline serve', or log in.");
        }
        try {
            web.passwords().set(ctx.formParam("password"));
        } catch (dev.tagline.core.TaglineException e) {
            ctx.status(400);
            setupForm(ctx, e.getMessage() + ". " + e.hint(), code);
            return;
        }
        startSession(ctx);
        ctx.redirect("/calendar");
    }

    /** Replaces any session with a fresh authenticated one (no fixation). */
    private void startSession(Context ctx) {
        web.sessions().remove(ctx.cookie(Sessions.COOKIE));
        cookie(ctx, web.sessions().create(true));
    }

    private Sessions.Session anonymous(Context ctx) {
        Sessions.Session s = Guard.session(ctx);
        if (s == null) {
            s = web.sessions().create(false);
            ctx.attribute(Guard.SESSION, s);
            cookie(ctx, s);
        }
        return s;
    }

    private void cookie(Context ctx, Sessions.Session s) {
        boolean secure = web.settings().secureCookies() || "https".equals(ctx.scheme())
                || "https".equalsIgnoreCase(ctx.header("X-Forwarded-Proto"));
        ctx.header("Set-Cookie", Sessions.COOKIE + "=" + s.id() + "; Path=/; HttpOnly; SameSite=Strict"
                + (secure ? "; Secure" : ""));
    }

    private static String form(String action, String csrf, String button, String intro, String fields) {
        return "<section class=\"login\"><h1>Tagline</h1>" + intro + "<form method=\"post\" action=\"" + action
                + "\"><input type=\"hidden\" name=\"_csrf\" value=\"" + Html.esc(csrf) + "\">" + fields
                + "<button type=\"submit\" id=\"submit\">" + button + "</button></form></section>";
    }
}
