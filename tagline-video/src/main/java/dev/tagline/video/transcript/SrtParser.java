package dev.tagline.video.transcript;

import dev.tagline.core.TaglineException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * SubRip ({@code .srt}): blocks of an optional counter, a {@code start --> end} line and text lines, separated by
 * blank lines. Formatting tags ({@code <i>}, {@code {\an8}}) are dropped; a byte-order mark and CRLF are accepted.
 */
public final class SrtParser {
    private SrtParser() {
    }

    public static Transcript parse(String content, String source) {
        List<Cue> cues = new ArrayList<>();
        String[] lines = content.replace("\uFEFF", "").split("\\r?\\n|\\r");
        int i = 0;
        while (i < lines.length) {
            if (!lines[i].contains("-->")) {
                i++;
                continue;
            }
            String[] times = lines[i].split("-->");
            Duration start;
            Duration end;
            try {
                start = Timecodes.parse(times[0]);
                end = Timecodes.parse(times[1].strip().split("\\s+")[0]);
            } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
                throw new TaglineException(source + " line " + (i + 1) + ": bad timing \"" + lines[i].strip() + "\"",
                        "Expected e.g. 00:00:01,000 --> 00:00:02,500.", e);
            }
            StringBuilder text = new StringBuilder();
            for (i++; i < lines.length && !lines[i].isBlank(); i++) {
                text.append(text.length() == 0 ? "" : " ").append(lines[i].strip());
            }
            String clean = cleanup(text.toString());
            if (!clean.isEmpty()) {
                cues.add(new Cue(start, end, clean, List.of()));
            }
        }
        return new Transcript(source, cues);
    }

    /** Removes HTML-like and ASS override tags and collapses spaces. */
    static String cleanup(String text) {
        return text.replaceAll("<[^>]*>", "").replaceAll("\\{\\\\[^}]*}", "").replaceAll("\\s+", " ").strip();
    }
}
