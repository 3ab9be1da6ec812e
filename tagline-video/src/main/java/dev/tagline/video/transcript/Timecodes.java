package dev.tagline.video.transcript;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Subtitle timecodes: SRT {@code 01:02:03,456} and WebVTT {@code 01:02:03.456} or {@code 02:03.456}. */
final class Timecodes {
    private static final Pattern TIME = Pattern.compile("(?:(\\d+):)?(\\d{1,2}):(\\d{2})[,.](\\d{1,3})");

    private Timecodes() {
    }

    /** Parses one timecode; throws IllegalArgumentException on anything else. */
    static Duration parse(String text) {
        Matcher m = TIME.matcher(text.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("not a timecode: " + text);
        }
        long hours = m.group(1) == null ? 0 : Long.parseLong(m.group(1));
        String fraction = (m.group(4) + "00").substring(0, 3);
        return Duration.ofHours(hours).plusMinutes(Long.parseLong(m.group(2)))
                .plusSeconds(Long.parseLong(m.group(3))).plusMillis(Long.parseLong(fraction));
    }
}
