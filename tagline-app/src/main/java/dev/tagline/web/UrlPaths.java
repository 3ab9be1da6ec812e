package dev.tagline.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * URLs the pages build from file paths ({@code /thumbs/ROOT/PATH}, {@code /media/ROOT/PATH}): each path segment
 * percent-encoded (RFC 3986), the slashes kept. A file named {@code take#1.jpg}, {@code why?.jpg} or
 * {@code 50%off.jpg} would otherwise be cut at the fragment or query, or refused by Jetty as a bad escape. The result
 * still goes through {@link Html#esc} when it is written into an attribute.
 */
final class UrlPaths {
    private UrlPaths() {
    }

    /** {@code prefix} (already a URL path, e.g. {@code /thumbs}) followed by each part, encoded segment by segment. */
    static String of(String prefix, String... parts) {
        StringBuilder b = new StringBuilder(prefix);
        for (String part : parts) {
            for (String segment : part.split("/", -1)) {
                b.append('/').append(segment(segment));
            }
        }
        return b.toString();
    }

    /** One path segment: URLEncoder's form encoding, with a space as {@code %20} (a {@code +} is a plus in a path). */
    static String segment(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
