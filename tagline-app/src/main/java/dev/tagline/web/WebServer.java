package dev.tagline.web;

import dev.tagline.core.TaglineException;
import dev.tagline.core.config.TaglineHome;
import dev.tagline.publish.Publishing;
import dev.tagline.publish.auth.CredentialStore;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.staticfiles.Location;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.function.Consumer;

/**
 * {@code tagline serve}: the Javalin server with the pages, the JSON API under {@code /api} and media from the
 * configured roots. Wires every routes class through constructors; {@link #close()} stops it (the caller owns
 * {@link Publishing}).
 */
public final class WebServer implements AutoCloseable {
    private final WebContext web;
    private final Javalin app;
    private final Jobs jobs;
    private final Thumbnails thumbnails;

    private final CredentialStore credentials;

    private final Map<String, String> env;

    private WebServer(WebContext web, CredentialStore credentials, Map<String, String> env) {
        this.web = web;
        this.credentials = credentials;
        this.env = Map.copyOf(env);
        this.jobs = new Jobs(web.clock());
        this.thumbnails = new Thumbnails(web.settings().passwordFile().resolveSibling("thumbs"));
        this.app = Javalin.create(config());
    }

    /**
     * Prepares the server: stores {@code TAGLINE_ADMIN_PASSWORD} as a hash when given, else keeps the stored hash,
     * else creates a one-time setup code for the first-start page ({@link #setupCode()}). {@code env} gives the
     * token vault's key ({@code TAGLINE_SECRET_KEY}) and where ffmpeg is, as for the CLI.
     */
    public static WebServer create(WebSettings settings, Publishing publishing, Map<String, String> env,
                                   Clock clock) {
        Passwords passwords = new Passwords(settings.passwordFile(), settings.pbkdf2Iterations());
        if (settings.adminPasswordFromEnv() != null && !settings.adminPasswordFromEnv().isEmpty()) {
            if (settings.adminPasswordFromEnv().length() < Passwords.MIN_LENGTH) {
                throw new TaglineException("TAGLINE_ADMIN_PASSWORD is too short (" + settings.adminPasswordFromEnv()
                        .length() + " characters)", "Set it to at least " + Passwords.MIN_LENGTH + " characters, or"
                        + " unset it and choose the password on the first-start page.");
            }
            passwords.set(settings.adminPasswordFromEnv());
        }
        String setupCode = passwords.isSet() ? null : Sessions.token().substring(0, 12);
        return new WebServer(new WebContext(settings, publishing, clock, new Sessions(clock, settings.sessionIdle()),
                passwords, FailureThrottle.logins(clock), FailureThrottle.videoLinks(clock), setupCode),
                publishing.credentials(env), env);
    }

    private Consumer<JavalinConfig> config() {
        return c -> {
            c.startup.showJavalinBanner = false;
            c.startup.showOldJavalinVersionWarning = false;
            c.staticFiles.enableWebjars();
            c.staticFiles.add(s -> {
                s.hostedPath = "/static";
                s.directory = "/web/static";
                s.location = Location.CLASSPATH;
            });
            c.routes.before(new Guard(web.sessions()));
            Problems.register(c);
            // the query goes along: /?view=list opens the list (dogfood round 8 K14); the path stays fixed
            c.routes.get("/", ctx -> ctx.redirect("/calendar" + (ctx.queryString() == null
                    || ctx.queryString().isEmpty() ? "" : "?" + ctx.queryString())));
            new AuthRoutes(web).register(c.routes);
            new MediaRoutes(web.settings().mediaRoots()).register(c.routes);
            new PublicVideoRoutes(web).register(c.routes);
            new CalendarRoutes(web).register(c.routes);
            new PostApiRoutes(web).register(c.routes);
            new PostScheduleRoutes(web).register(c.routes);
            new PostActionRoutes(web).register(c.routes);
            new ClipsRoutes(web).register(c.routes);
            Path journals = TaglineHome.fromEnvironment(env).journals();
            new DatasetRoutes(web, thumbnails, journals).register(c.routes);
            new JobRoutes(web, jobs, new JobKinds()
                    .register("thumbnails", JobKinds.thumbnails(thumbnails))
                    .register("check", JobKinds.check(journals))
                    .register("tag", JobKinds.tag(env, web.settings()::sidecarsAt))
                    .register("caption", new CaptionJobKind(env, web.settings()::sidecarsAt))
                    .register("find", VideoJobKinds.find(env, web.clock()))
                    .register("render", VideoJobKinds.render(env))).register(c.routes);
            ChannelRoutes channelPages = new ChannelRoutes(web, credentials);
            channelPages.register(c.routes);
            new ChannelRuleRoutes(web, channelPages).register(c.routes);
            new ChannelAddRoutes(web, channelPages).register(c.routes);
        };
    }

    public WebServer start() {
        try {
            app.start(web.settings().host(), web.settings().port());
        } catch (RuntimeException e) {
            boolean inUse = false;
            for (Throwable t = e; t != null; t = t.getCause()) {
                inUse |= t instanceof java.net.BindException;
            }
            // Javalin's own text repeats the fix ("Make sure no other process is using port … and try again")
            throw new TaglineException("Cannot listen on " + web.settings().host() + ":" + web.settings().port()
                    + (inUse ? ": the port is in use" : ": " + e.getMessage()),
                    "Pick another --port, or stop the program using it.", e);
        }
        return this;
    }

    public int port() {
        return app.port();
    }

    /** The code the first-start page asks for, or null when a password is already set. */
    public String setupCode() {
        return web.passwords().isSet() ? null : web.setupCode();
    }

    @Override
    public void close() {
        jobs.close();
        app.stop();
    }
}
