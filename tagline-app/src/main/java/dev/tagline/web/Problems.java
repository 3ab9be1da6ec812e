package dev.tagline.web;

import dev.tagline.core.TaglineException;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place that turns failures into responses: RFC 9457 problem JSON under {@code /api}, a small escaped HTML
 * page elsewhere. A {@link TaglineException} is the user's to fix (400, or 409 for {@link ConflictException});
 * anything else is logged and answered 500 without internals. An htmx request ({@code HX-Request}) gets one line of
 * HTML, {@code <p class="error" role="alert">}, which {@code /static/app.js} shows in the card or as the page's toast.
 */
final class Problems {
    private static final Logger LOG = LoggerFactory.getLogger(Problems.class);

    private Problems() {
    }

    /** A request that lost a race with another change (stale {@code previousAt}, version moved). */
    static final class ConflictException extends TaglineException {
        ConflictException(String message, String hint) {
            super(message, hint);
        }
    }

    static void register(JavalinConfig c) {
        c.routes.exception(HttpResponseException.class, (e, ctx) -> render(ctx, e.getStatus(), e.getMessage(), null));
        c.routes.exception(TaglineException.class, (e, ctx) ->
                render(ctx, e instanceof ConflictException ? 409 : 400, e.getMessage(), e.hint()));
        c.routes.exception(Exception.class, (e, ctx) -> {
            LOG.error("Internal error on {} {}", ctx.method(), ctx.path(), e);
            render(ctx, 500, "Internal error", "See the server log; report it with the log lines.");
        });
        c.routes.error(404, ctx -> {
            if (ctx.result() == null || ctx.result().isEmpty() || ctx.result().startsWith("Endpoint ")
                    || ctx.result().equals("Not Found") || ctx.result().equals("Not found")) {
                render(ctx, 404, "Not found: " + ctx.path(), null);
            }
        });
    }

    static void render(Context ctx, int status, String message, String hint) {
        ctx.status(status);
        if (ctx.path().startsWith("/api/") || ctx.path().startsWith("/media/")) {
            Map<String, Object> problem = new LinkedHashMap<>();
            problem.put("type", "about:blank");
            problem.put("title", title(status));
            problem.put("status", status);
            problem.put("detail", message);
            if (hint != null) {
                problem.put("hint", hint);
            }
            ctx.json(problem).contentType("application/problem+json");
        } else if ("true".equals(ctx.header("HX-Request"))) {
            ctx.html("<p class=\"error\" role=\"alert\">" + Html.esc(oneLine(message, hint)) + "</p>");
        } else {
            ctx.html(Html.page(title(status), null, null, "<section class=\"problem\"><h1>" + status + " "
                    + Html.esc(title(status)) + "</h1><p>" + Html.esc(message) + "</p>"
                    + (hint == null ? "" : "<p>" + Html.esc(hint) + "</p>") + "<p><a href=\"/\">Home</a></p></section>"));
        }
    }

    /** {@code message} and {@code hint} as one sentence pair: "Clip 2 is rejected. Accept it first." */
    static String oneLine(String message, String hint) {
        String m = message == null ? "" : message.strip();
        if (hint == null || hint.isBlank()) {
            return m;
        }
        return m.isEmpty() ? hint.strip() : m + (m.matches(".*[.!?:;]$") ? " " : ". ") + hint.strip();
    }

    private static String title(int status) {
        return switch (status) {
            case 400 -> "Bad request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not found";
            case 409 -> "Conflict";
            case 416 -> "Range not satisfiable";
            case 429 -> "Too many requests";
            default -> status >= 500 ? "Server error" : "Error";
        };
    }
}
