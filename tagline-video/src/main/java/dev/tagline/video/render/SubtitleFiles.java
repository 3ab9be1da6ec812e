package dev.tagline.video.render;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

/** SubRip and WebVTT files of a clip's phrases, for platforms that take a caption track instead of burned-in text. */
public final class SubtitleFiles {
    private SubtitleFiles() {
    }

    public static String srt(List<CaptionPhrase> phrases) {
        StringBuilder s = new StringBuilder();
        int n = 1;
        for (CaptionPhrase p : phrases) {
            s.append(n++).append('\n').append(time(p.start(), ',')).append(" --> ").append(time(p.end(), ','))
                    .append('\n').append(p.text()).append("\n\n");
        }
        return s.toString();
    }

    public static String vtt(List<CaptionPhrase> phrases) {
        StringBuilder s = new StringBuilder("WEBVTT\n\n");
        for (CaptionPhrase p : phrases) {
            s.append(time(p.start(), '.')).append(" --> ").append(time(p.end(), '.')).append('\n')
                    .append(p.text()).append("\n\n");
        }
        return s.toString();
    }

    /** {@code HH:MM:SS,mmm} (SRT) or {@code HH:MM:SS.mmm} (WebVTT). */
    static String time(Duration d, char separator) {
        long ms = d.toMillis();
        return String.format(Locale.ROOT, "%02d:%02d:%02d%c%03d", ms / 3_600_000, ms / 60_000 % 60, ms / 1000 % 60,
                separator, ms % 1000);
    }
}
