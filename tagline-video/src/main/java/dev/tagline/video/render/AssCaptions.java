package dev.tagline.video.render;

import dev.tagline.video.transcript.Word;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * Writes an ASS script for burned-in captions: {@code PlayResX}/{@code PlayResY} set to the output frame so nothing
 * is stretched (video.md §12.1, pain point #7), bottom-centre alignment with the {@link CaptionLayout} margins,
 * {@code WrapStyle: 2} (Tagline breaks the lines itself), and either one Dialogue per word with the spoken word in the
 * highlight colour and OpenShorts' pop ({@code \fscx90\fscy90\t(0,110,\fscx108\fscy108)}), or one per phrase.
 */
public final class AssCaptions {
    static final String POP = "\\fscx90\\fscy90\\t(0,110,\\fscx108\\fscy108)";

    private AssCaptions() {
    }

    public static String write(List<CaptionPhrase> phrases, CaptionStyle style, CaptionLayout layout) {
        StringBuilder s = new StringBuilder();
        s.append("[Script Info]\nScriptType: v4.00+\n")
                .append("PlayResX: ").append(layout.width()).append('\n')
                .append("PlayResY: ").append(layout.height()).append('\n')
                .append("WrapStyle: 2\nScaledBorderAndShadow: yes\nYCbCr Matrix: TV.709\n\n");
        double outline = style.outlinePx() * Math.min(layout.width(), layout.height()) / 1080.0;
        s.append("[V4+ Styles]\nFormat: Name, Fontname, Fontsize, PrimaryColour, SecondaryColour, OutlineColour, "
                + "BackColour, Bold, Italic, Underline, StrikeOut, ScaleX, ScaleY, Spacing, Angle, BorderStyle, "
                + "Outline, Shadow, Alignment, MarginL, MarginR, MarginV, Encoding\n");
        s.append(String.format(Locale.ROOT, "Style: Default,%s,%d,%s,%s,%s,&H80000000,%d,0,0,0,100,100,0,0,1,%.1f,0,2,"
                + "%d,%d,%d,1\n\n", style.font(), layout.fontSize(), CaptionStyle.ass(style.textRgb()),
                CaptionStyle.ass(style.highlightRgb()), CaptionStyle.ass(style.outlineRgb()), style.bold() ? -1 : 0,
                outline, layout.marginL(), layout.marginR(), layout.marginV()));
        s.append("[Events]\nFormat: Layer, Start, End, Style, Name, MarginL, MarginR, MarginV, Effect, Text\n");
        for (CaptionPhrase p : phrases) {
            if (!style.karaoke()) {
                dialogue(s, p.start(), p.end(), text(p, -1, style));
                continue;
            }
            List<Word> words = p.words();
            for (int i = 0; i < words.size(); i++) {
                Duration from = i == 0 ? p.start() : words.get(i).start();
                Duration to = i + 1 < words.size() ? words.get(i + 1).start() : p.end();
                if (to.compareTo(from) > 0) {
                    dialogue(s, from, to, text(p, i, style));
                }
            }
        }
        return s.toString();
    }

    /** The phrase's lines joined with {@code \N}; word {@code active} (−1: none) highlighted and popped. */
    static String text(CaptionPhrase p, int active, CaptionStyle style) {
        StringBuilder t = new StringBuilder();
        int index = 0;
        for (List<Word> line : p.lines()) {
            if (t.length() > 0) {
                t.append("\\N");
            }
            for (int i = 0; i < line.size(); i++) {
                String word = clean(line.get(i).text(), style.uppercase());
                t.append(i == 0 ? "" : " ");
                if (index == active) {
                    t.append("{\\c").append(CaptionStyle.ass(style.highlightRgb())).append('&').append(POP)
                            .append('}').append(word).append("{\\r}");
                } else {
                    t.append(word);
                }
                index++;
            }
        }
        return t.toString();
    }

    private static void dialogue(StringBuilder s, Duration from, Duration to, String text) {
        s.append("Dialogue: 0,").append(time(from)).append(',').append(time(to)).append(",Default,,0,0,0,,")
                .append(text).append('\n');
    }

    /** ASS times are {@code H:MM:SS.cc}. */
    static String time(Duration d) {
        long cs = Math.round(d.toMillis() / 10.0);
        return String.format(Locale.ROOT, "%d:%02d:%02d.%02d", cs / 360_000, cs / 6000 % 60, cs / 100 % 60, cs % 100);
    }

    /** Braces would start override blocks and a backslash an escape: neither belongs in spoken text. */
    private static String clean(String word, boolean uppercase) {
        String w = word.replace('{', '(').replace('}', ')').replace('\\', '/');
        return uppercase ? w.toUpperCase(Locale.ROOT) : w;
    }
}
