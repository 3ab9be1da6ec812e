package dev.tagline.web;

import dev.tagline.publish.store.Channel;
import dev.tagline.publish.store.Post;
import dev.tagline.publish.store.PostState;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * {@code GET /calendar}: the Content Calendar page. The frame, time zone selector, legend and the queue are rendered
 * here (escaped); FullCalendar, the Unscheduled list ({@code GET /api/queue}) and the post editor run from
 * {@code /static/calendar.js} against {@code /api}.
 */
final class CalendarRoutes {
    private final WebContext web;

    CalendarRoutes(WebContext web) {
        this.web = web;
    }

    void register(RoutesConfig r) {
        r.get("/calendar", this::page);
    }

    private void page(Context ctx) {
        web.publishing().followClips(); // posts show the text they will be sent with, also after clip.json changed
        List<Channel> channels = web.publishing().channels().list();
        ZoneId fallback = channels.isEmpty() ? ZoneId.of("UTC") : channels.get(0).zone(); // "UTC", not "Z": the page's Intl needs an IANA id
        ZoneId tz = CalendarJson.zone(ctx.queryParam("tz"), fallback);
        String date = ctx.queryParam("date") != null && ctx.queryParam("date").matches("\\d{4}-\\d\\d-\\d\\d")
                ? ctx.queryParam("date") : web.clock().instant().atZone(tz).toLocalDate().toString();
        String view = view(ctx.queryParam("view")); // none: calendar.js picks the user's last choice or one for the width
        StringBuilder b = new StringBuilder(8192);
        b.append("<section class=\"calendar-page\"><div class=\"toolbar\"><h1>Content Calendar</h1>")
                .append("<label>Time zone <select id=\"tz\">").append(zoneOptions(tz, channels)).append("</select></label>")
                .append("<button type=\"button\" id=\"auto-schedule\">Auto-schedule</button></div>")
                .append("<ul class=\"legend\">");
        for (Channel c : channels) {
            b.append("<li><span class=\"swatch\" style=\"background:").append(Html.esc(Platforms.color(c, channels)))
                    .append("\"></span>").append(Html.esc(c.name())).append(" (").append(Html.esc(c.platform()))
                    .append(c.state() == Channel.State.NEEDS_RECONNECT ? ", needs reconnect"
                            : c.state() == Channel.State.NEEDS_CONNECT ? ", needs connect" : "").append(")</li>");
        }
        b.append("</ul>");
        if (channels.isEmpty()) { // the page shown right after first-start setup: say what comes first
            b.append("<p id=\"no-channels\" class=\"empty-state\">No channel yet")
                    .append(Html.esc(PostScheduleRoutes.NO_CHANNEL.substring("There is no channel yet".length())))
                    .append("</p>");
        }
        b.append("<div id=\"toast\" role=\"status\" aria-live=\"polite\" hidden><span id=\"toast-text\"></span>")
                .append("<button type=\"button\" id=\"undo\" hidden>Undo</button></div>")
                .append("<div class=\"calendar-layout\"><div id=\"calendar\" data-date=\"").append(Html.esc(date)).append("\" data-view=\"")
                .append(Html.esc(view)).append("\"></div>")
                .append("<section class=\"queue\" aria-labelledby=\"queue-heading\"><h2 id=\"queue-heading\">Unscheduled")
                .append(" <small>(queued, no time yet: click one to edit, give it a time, or cancel it)</small></h2>")
                .append(queue(channels)).append("</section></div>")
                .append(EditorHtml.DIALOG).append("</section>");
        ctx.html(Html.page("Calendar", Guard.session(ctx).csrf(), "/calendar", b.toString(), Html.FULLCALENDAR,
                "/static/calendar.js"));
    }

    /**
     * {@code ?view=}: the toolbar's names ({@code month}, {@code week}, {@code list}) or FullCalendar's ids, as the
     * calendar's id; empty for none or an unknown one.
     */
    static String view(String asked) {
        String v = asked == null ? "" : asked.strip();
        return switch (v.toLowerCase(java.util.Locale.ROOT)) {
            case "month", "daygridmonth" -> "dayGridMonth";
            case "week", "timegridweek" -> "timeGridWeek";
            case "list", "listmonth" -> "listMonth";
            default -> "";
        };
    }

    /**
     * The Unscheduled list as first shown (escaped); {@code calendar.js} builds the same items from {@code GET
     * /api/queue} after each change, and opens the editor from an item's button.
     */
    private String queue(List<Channel> channels) {
        Map<Long, Channel> byId = channels.stream().collect(Collectors.toMap(Channel::id, Function.identity()));
        Map<Long, String> broken = web.publishing().brokenClips().posts();
        StringBuilder b = new StringBuilder("<ul id=\"queue\">");
        int n = 0;
        for (Post p : web.publishing().posts().inState(PostState.QUEUED)) {
            Channel c = byId.get(p.channelId());
            if (c == null) {
                continue;
            }
            String title = p.title() == null || p.title().isBlank() ? "post " + p.id() : p.title();
            b.append("<li data-post-id=\"").append(p.id()).append(broken.containsKey(p.id()) ? "\" class=\"broken" : "")
                    .append("\" style=\"border-left-color:")
                    .append(Html.esc(Platforms.color(c, channels))).append("\"><button type=\"button\"")
                    .append(" class=\"open-post\">").append(Html.esc(c.name() + " · " + title)).append("</button>")
                    .append("<p class=\"caption\">").append(Html.esc(p.caption())).append("</p>")
                    .append(broken.containsKey(p.id()) ? "<p class=\"broken-reason\">" + Html.esc(broken.get(p.id()))
                            + "</p>" : "").append("</li>");
            n++;
        }
        return b.append(n == 0 ? "<li class=\"empty\">Nothing queued.</li>" : "").append("</ul>").toString();
    }

    private static String zoneOptions(ZoneId selected, List<Channel> channels) {
        TreeSet<String> zones = new TreeSet<>(ZoneId.getAvailableZoneIds());
        zones.add("UTC");
        StringBuilder b = new StringBuilder();
        TreeSet<String> first = new TreeSet<>();
        channels.forEach(c -> first.add(c.zone().getId()));
        first.add("UTC");
        first.add(selected.getId());
        for (String z : first) {
            b.append(option(z, selected));
        }
        b.append("<option disabled>──────────</option>");
        for (String z : zones) {
            if (!first.contains(z) && z.contains("/") && !z.startsWith("Etc/") && !z.startsWith("SystemV/")) {
                b.append(option(z, selected));
            }
        }
        return b.toString();
    }

    private static String option(String zone, ZoneId selected) {
        return "<option value=\"" + Html.esc(zone) + "\"" + (zone.equals(selected.getId()) ? " selected" : "") + ">"
                + Html.esc(zone) + "</option>";
    }
}
