package dev.tagline.web;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One HTTP byte range (RFC 9110 §14.1.2) resolved against a file size: {@code bytes=a-b}, {@code bytes=a-},
 * {@code bytes=-n}. A header with several ranges is answered with the first (players ask for one). Empty when the
 * header is absent or malformed (the whole file is sent); {@link #UNSATISFIABLE} when it starts past the end.
 */
record ByteRange(long first, long last) {
    static final ByteRange UNSATISFIABLE = new ByteRange(-1, -1);
    private static final Pattern SPEC = Pattern.compile("bytes=\\s*(\\d*)-(\\d*)\\s*(,.*)?");

    static Optional<ByteRange> parse(String header, long size) {
        if (header == null) {
            return Optional.empty();
        }
        Matcher m = SPEC.matcher(header.trim());
        if (!m.matches() || m.group(1).isEmpty() && m.group(2).isEmpty()) {
            return Optional.empty();
        }
        try {
            if (m.group(1).isEmpty()) {
                long suffix = Long.parseLong(m.group(2));
                return Optional.of(suffix == 0 || size == 0 ? UNSATISFIABLE : new ByteRange(Math.max(0, size - suffix), size - 1));
            }
            long first = Long.parseLong(m.group(1));
            long last = m.group(2).isEmpty() ? size - 1 : Math.min(Long.parseLong(m.group(2)), size - 1);
            if (first >= size) {
                return Optional.of(UNSATISFIABLE);
            }
            return first > last ? Optional.empty() : Optional.of(new ByteRange(first, last));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    long length() {
        return last - first + 1;
    }
}
