package dev.tagline.web;

import static dev.tagline.web.Html.esc;

import dev.tagline.core.TaglineException;
import dev.tagline.publish.plan.AutoScheduler;
import dev.tagline.publish.plan.PostingRule;
import dev.tagline.publish.store.Channel;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.Set;

/**
 * A channel's posting rule on the Channels page: the form in each row, and {@code POST /channels/{id}/rule}
 * (CSRF-checked), which sets the rule as {@code tagline publish rules set} does (same defaults, same validation, the
 * channel's auto-placed posts re-planned) and keeps the rule's blackout days, which the form does not show.
 */
final class ChannelRuleRoutes {
    private final WebContext web;

    ChannelRuleRoutes(WebContext web) {
        this.web = web;
    }

    void register(RoutesConfig r) {
        r.post("/channels/{id}/rule", this::save);
    }

    /** The rule's form for one channel row, filled with its rule when it has one. */
    static String form(Channel c, PostingRule rule, String csrf) {
        return "<form method=\"post\" action=\"/channels/" + c.id() + "/rule\" class=\"rule\">"
                + "<input type=\"hidden\" name=\"_csrf\" value=\"" + esc(csrf) + "\">"
                + field("Days", "days", rule == null ? "" : rule.daysText().toLowerCase(java.util.Locale.ROOT),
                        "mon-fri, daily, sat,sun")
                + field("Times", "times", rule == null ? "" : rule.timesText(), "09:00,18:00")
                + field("Per day", "per_day", rule == null ? "" : Integer.toString(rule.perDay()), "one per time")
                + field("Per week", "per_week", rule == null || rule.perWeek() == rule.days().size() * rule.perDay()
                        ? "" : Integer.toString(rule.perWeek()), "no cap")
                + field("Spacing", "spacing", rule == null || rule.minSpacing().isZero() ? ""
                        : rule.minSpacing().toMinutes() + "m", "e.g. 3h")
                + "<button type=\"submit\">" + (rule == null ? "Add rule" : "Save rule") + "</button></form>";
    }

    private static String field(String label, String name, String value, String placeholder) {
        return "<label>" + label + " <input name=\"" + name + "\" value=\"" + esc(value) + "\" placeholder=\""
                + esc(placeholder) + "\" autocomplete=\"off\"></label>";
    }

    private void save(Context ctx) {
        Channel c = web.publishing().channels().byId(ChannelRoutes.channelId(ctx));
        String times = ctx.formParam("times");
        if (times == null || times.isBlank()) {
            throw new TaglineException("The posting rule of '" + c.name() + "' has no times of day",
                    "Give them as 09:00,18:00.");
        }
        PostingRule old = web.publishing().rules().find(c.id()).orElse(null);
        PostingRule rule;
        try {
            PostingRule typed = PostingRule.of(blank(ctx.formParam("days")) ? "daily" : ctx.formParam("days"), times,
                    number(ctx.formParam("per_day"), "Per day"), number(ctx.formParam("per_week"), "Per week"),
                    ctx.formParam("spacing"), null);
            rule = new PostingRule(typed.days(), typed.times(), typed.perDay(), typed.perWeek(), typed.minSpacing(),
                    old == null ? Set.of() : old.blackouts()).validated(c.name());
        } catch (TaglineException e) {
            throw new TaglineException(formWords(e.getMessage()), formWords(e.hint()));
        }
        web.publishing().rules().set(c.id(), rule);
        AutoScheduler.Plan plan = web.publishing().scheduler().replan(c);
        ctx.redirect("/channels?saved=" + c.id() + "&placed=" + plan.placed().size(), HttpStatus.SEE_OTHER);
    }

    /** The rule's messages name the command line's options; here the form's fields carry those names. */
    private static String formWords(String text) {
        return text.replace("--min-spacing", "Spacing").replace("--per-day", "Per day").replace("--per-week",
                "Per week").replace("--days", "Days").replace("--times", "Times");
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static Integer number(String text, String field) {
        if (blank(text)) {
            return null;
        }
        if (!text.strip().matches("\\d{1,4}")) {
            throw new TaglineException(field + " must be a whole number, not '" + text.strip() + "'",
                    "Leave it empty for the default.");
        }
        return Integer.parseInt(text.strip());
    }
}
