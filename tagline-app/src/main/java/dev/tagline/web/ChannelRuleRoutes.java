package dev.tagline.web;

import static dev.tagline.web.Html.esc;

import dev.tagline.core.TaglineException;
import dev.tagline.publish.plan.AutoScheduler;
import dev.tagline.publish.plan.PostingRule;
import dev.tagline.publish.store.Channel;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.DayOfWeek;
import java.time.Duration;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A channel's posting rule on the Channels page: the form in each row, and {@code POST /channels/{id}/rule}
 * (CSRF-checked), which sets the rule as {@code tagline publish rules set} does (same defaults, same validation, the
 * channel's auto-placed posts re-planned) and keeps the rule's blackout days, which the form does not show.
 */
final class ChannelRuleRoutes {
    private final WebContext web;
    private final ChannelRoutes pages;

    /** A rule the form refused: the channel, the message, and the fields as typed, shown again beside the form. */
    record Refused(long channelId, String message, Map<String, String> typed) {
    }

    ChannelRuleRoutes(WebContext web, ChannelRoutes pages) {
        this.web = web;
        this.pages = pages;
    }

    void register(RoutesConfig r) {
        r.post("/channels/{id}/rule", this::save);
    }

    /**
     * The rule's form for one channel row: filled with its rule when it has one (as typed: {@code daily}, {@code 3h}),
     * or, when {@code refused}, with what was typed and the error beside it.
     */
    static String form(Channel c, PostingRule rule, String csrf, Refused refused) {
        Map<String, String> v = refused != null ? refused.typed() : rule == null ? Map.of() : Map.of(
                "days", daysText(rule.days()), "times", rule.timesText(), "per_day", Integer.toString(rule.perDay()),
                "per_week", rule.perWeek() == rule.days().size() * rule.perDay() ? "" : Integer.toString(rule.perWeek()),
                "spacing", spacingText(rule.minSpacing()));
        return (refused == null ? "" : "<p class=\"error rule-error\" role=\"alert\" id=\"rule-error-" + c.id()
                + "\">Not saved: " + esc(refused.message()) + "</p>")
                + "<form method=\"post\" action=\"/channels/" + c.id() + "/rule\" class=\"rule\">"
                + "<input type=\"hidden\" name=\"_csrf\" value=\"" + esc(csrf) + "\">"
                + field("Days", "days", v.getOrDefault("days", ""), "mon-fri, daily, sat,sun")
                + field("Times", "times", v.getOrDefault("times", ""), "09:00,18:00")
                + field("Per day", "per_day", v.getOrDefault("per_day", ""), "one per time")
                + field("Per week", "per_week", v.getOrDefault("per_week", ""), "no cap")
                + field("Spacing", "spacing", v.getOrDefault("spacing", ""), "e.g. 3h")
                + "<button type=\"submit\">" + (rule == null ? "Add rule" : "Save rule") + "</button></form>";
    }

    /** Days as a person types them: {@code daily}, {@code mon-fri}, else {@code mon,wed,fri}. */
    static String daysText(Set<DayOfWeek> days) {
        if (days.size() == 7) {
            return "daily";
        }
        if (days.equals(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY))) {
            return "mon-fri";
        }
        return String.join(",", days.stream().sorted().map(d -> d.name().substring(0, 3).toLowerCase(Locale.ROOT))
                .toList());
    }

    /** A spacing as typed: {@code 3h}, {@code 1h30m}, {@code 45m}; empty for none. */
    static String spacingText(Duration d) {
        if (d.isZero()) {
            return "";
        }
        long h = d.toHours();
        int m = d.toMinutesPart();
        return h == 0 ? m + "m" : m == 0 ? h + "h" : h + "h" + m + "m";
    }

    private static String field(String label, String name, String value, String placeholder) {
        return "<label>" + label + " <input name=\"" + name + "\" value=\"" + esc(value) + "\" placeholder=\""
                + esc(placeholder) + "\" autocomplete=\"off\"></label>";
    }

    private void save(Context ctx) {
        Channel c = web.publishing().channels().byId(ChannelRoutes.channelId(ctx));
        Map<String, String> typed = new LinkedHashMap<>();
        for (String f : new String[] {"days", "times", "per_day", "per_week", "spacing"}) {
            typed.put(f, ctx.formParam(f) == null ? "" : ctx.formParam(f).strip());
        }
        PostingRule rule;
        try {
            rule = rule(c, typed);
        } catch (TaglineException e) {
            String hint = e.hint() == null || e.hint().isBlank() ? "" : " " + formWords(e.hint());
            ctx.status(HttpStatus.BAD_REQUEST);
            String message = formWords(e.getMessage());
            pages.page(ctx, new Refused(c.id(), message + (message.matches("(?s).*[.!?]$") ? "" : ".") + hint, typed));
            return;
        }
        web.publishing().rules().set(c.id(), rule);
        AutoScheduler.Plan plan = web.publishing().scheduler().replan(c);
        ctx.redirect("/channels?saved=" + c.id() + "&placed=" + plan.placed().size(), HttpStatus.SEE_OTHER);
    }

    /** The rule the form's fields give, checked; an existing rule's blackout days are kept. */
    private PostingRule rule(Channel c, Map<String, String> typed) {
        if (typed.get("times").isEmpty()) {
            throw new TaglineException("The posting rule of '" + c.name() + "' has no times of day",
                    "Give them as 09:00,18:00.");
        }
        PostingRule old = web.publishing().rules().find(c.id()).orElse(null);
        PostingRule t = PostingRule.of(typed.get("days").isEmpty() ? "daily" : typed.get("days"), typed.get("times"),
                number(typed.get("per_day"), "Per day"), number(typed.get("per_week"), "Per week"),
                typed.get("spacing"), null);
        if (typed.get("per_day").isEmpty() && t.perDay() <= t.times().size() && t.usableTimesPerDay() < t.perDay()) {
            // Per day left empty means one per time: say so rather than blame a number nobody typed
            int usable = t.usableTimesPerDay();
            throw new TaglineException("Per day is empty, which means one post per time, but with Spacing "
                    + spacingText(t.minSpacing()) + " only " + usable + " of the " + t.times().size() + " times "
                    + t.timesText() + " fit on one day", "Set Per day to " + usable
                    + ", or spread the times further apart or shorten Spacing.");
        }
        return new PostingRule(t.days(), t.times(), t.perDay(), t.perWeek(), t.minSpacing(),
                old == null ? Set.of() : old.blackouts()).validated(c.name());
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
