package dev.tagline.video.transcript;

import dev.tagline.core.TaglineException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * WebVTT ({@code .vtt}), including YouTube's word-timed automatic captions. A plain file gives one cue per block
 * (NOTE, STYLE and REGION blocks skipped, voice and class tags dropped). A file whose cues carry inline timestamps
 * ({@code word<00:00:01.500><c> next</c>}) is read the YouTube way: each cue shows the previous line again above
 * the new, timed one, and zero-length "hold" cues repeat text; only the timed lines are new speech, so only they
 * are kept, each word starting at its timestamp (the first at the cue start) and ending where the next begins.
 */
public final class VttParser {
    private static final Pattern INLINE_TIME = Pattern.compile("<((?:\\d+:)?\\d{2}:\\d{2}\\.\\d{3})>");

    private VttParser() {
    }

    public static Transcript parse(String content, String source) {
        String text = content.replace("\uFEFF", "");
        if (!text.startsWith("WEBVTT")) {
            throw new TaglineException(source + " does not start with WEBVTT", "Is it really a WebVTT file?");
        }
        String[] blocks = text.split("(\\r?\\n){2,}");
        boolean wordTimed = INLINE_TIME.matcher(text).find();
        List<Cue> cues = new ArrayList<>();
        for (String block : blocks) {
            String[] lines = block.split("\\r?\\n");
            int timing = 0;
            while (timing < lines.length && !lines[timing].contains("-->")) {
                timing++;
            }
            if (timing == lines.length || lines[0].startsWith("NOTE") || lines[0].startsWith("STYLE")) {
                continue;
            }
            String[] times = lines[timing].split("-->");
            Duration start;
            Duration end;
            try {
                start = Timecodes.parse(times[0]);
                end = Timecodes.parse(times[1].strip().split("\\s+")[0]);
            } catch (IllegalArgumentException e) {
                throw new TaglineException(source + ": bad cue timing \"" + lines[timing].strip() + "\"",
                        "Expected e.g. 00:01.000 --> 00:02.500.", e);
            }
            if (wordTimed) {
                for (int i = timing + 1; i < lines.length; i++) {
                    if (INLINE_TIME.matcher(lines[i]).find()) {
                        cues.add(timedLine(lines[i], start, end));
                    }
                }
            } else {
                StringBuilder payload = new StringBuilder();
                for (int i = timing + 1; i < lines.length; i++) {
                    payload.append(' ').append(lines[i]);
                }
                String clean = SrtParser.cleanup(payload.toString());
                if (!clean.isEmpty()) {
                    cues.add(new Cue(start, end, clean, List.of()));
                }
            }
        }
        return new Transcript(source, cues);
    }

    /** One YouTube timed line: words between inline timestamps. */
    static Cue timedLine(String line, Duration cueStart, Duration cueEnd) {
        List<Duration> starts = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        Matcher m = INLINE_TIME.matcher(line);
        int at = 0;
        Duration wordStart = cueStart;
        while (m.find()) {
            addWords(line.substring(at, m.start()), wordStart, starts, texts);
            wordStart = Timecodes.parse(m.group(1));
            at = m.end();
        }
        addWords(line.substring(at), wordStart, starts, texts);
        List<Word> words = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            Duration end = i + 1 < starts.size() ? starts.get(i + 1) : cueEnd;
            words.add(new Word(starts.get(i), end, texts.get(i)));
        }
        String text = String.join(" ", texts);
        Duration end = words.isEmpty() ? cueEnd : words.get(words.size() - 1).end();
        return new Cue(words.isEmpty() ? cueStart : words.get(0).start(), end, text, words);
    }

    private static void addWords(String fragment, Duration start, List<Duration> starts, List<String> texts) {
        String clean = SrtParser.cleanup(fragment);
        if (clean.isEmpty()) {
            return;
        }
        for (String w : clean.split(" ")) {
            starts.add(start);
            texts.add(w);
        }
    }
}
