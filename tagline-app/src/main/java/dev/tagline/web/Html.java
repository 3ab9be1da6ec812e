package dev.tagline.web;

/**
 * Server-side HTML: {@link #esc} for every value that reaches a page, and the shared page frame. Pages carry no inline
 * script (the Content-Security-Policy forbids it); behaviour lives in {@code /static/*.js}.
 */
final class Html {
    /** Must match the webjar versions managed in the parent pom. */
    static final String HTMX = "/webjars/htmx.org/2.0.4/dist/htmx.min.js";
    static final String FULLCALENDAR = "/webjars/fullcalendar/6.1.15/index.global.min.js";

    private Html() {
    }

    static String esc(Object value) {
        if (value == null) {
            return "";
        }
        String s = value.toString();
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** A full page: {@code body} must already be escaped HTML; {@code csrf} may be null on pages without a session. */
    static String page(String title, String csrf, String active, String body, String... scripts) {
        StringBuilder s = new StringBuilder(4096);
        s.append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<meta name=\"htmx-config\" content='{\"includeIndicatorStyles\":false,\"allowEval\":false}'>")
                .append("<meta name=\"csrf-token\" content=\"").append(esc(csrf)).append("\">")
                .append("<title>").append(esc(title)).append(" · Tagline</title>")
                .append("<link rel=\"stylesheet\" href=\"/static/app.css\">")
                .append("<script src=\"").append(HTMX).append("\" defer></script>")
                .append("<script src=\"/static/app.js\" defer></script>");
        for (String script : scripts) {
            s.append("<script src=\"").append(esc(script)).append("\" defer></script>");
        }
        s.append("</head><body><header class=\"top\"><a class=\"brand\" href=\"/\">Tagline</a>");
        if (active != null) {
            s.append("<nav>").append(link("/calendar", "Calendar", active)).append(link("/clips", "Clips", active)).append(link("/datasets", "Datasets", active)).append(link("/channels", "Channels", active)).append(link("/jobs", "Jobs", active)).append("</nav>")
                    .append("<form method=\"post\" action=\"/logout\" class=\"logout\">")
                    .append("<input type=\"hidden\" name=\"_csrf\" value=\"").append(esc(csrf)).append("\">")
                    .append("<button type=\"submit\">Log out</button></form>");
        }
        return s.append("</header><main>").append(body).append("</main></body></html>").toString();
    }

    private static String link(String href, String label, String active) {
        return "<a href=\"" + href + "\"" + (href.equals(active) ? " aria-current=\"page\"" : "") + ">" + label + "</a>";
    }
}
