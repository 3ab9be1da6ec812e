package dev.tagline.video.signal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * On-screen text changes (tutorials show their topic on screen): reads a frame at every scene cut and every
 * {@code every} otherwise, and reports a change when the words differ by at least half (1 − Jaccard similarity of the
 * lower-cased word sets ≥ 0.5) from the last reading or from the last new text recorded. The second counts growth:
 * code typed a line at a time adds a few words per reading, never half of them, so compared with the last reading
 * alone an editor filling up was one new text at its first line and none after; compared with the last new text it
 * is one again each time the words on screen have doubled. Two readings whose letters and digits are the same in
 * the same order are the same text whatever the spacing: the recogniser drops or restores the space between words
 * from one frame to the next ("Part 0" / "Part0" on the same title), which as word sets would be a whole new text.
 * Clocks and timecodes are left out: a ticking clock alone is no new text.
 * Needs the {@link SceneCutAnalyser} of the same pass,
 * which must be registered before this analyser so its cuts are known when the frame arrives.
 *
 * <p>A frame that looks the same as the last frame read (no {@value #BLOCK}×{@value #BLOCK} block differs by more
 * than {@value #SAME_BLOCK} levels on average, so even one new word shows) has the same text and is not read again,
 * e.g. a slide that stays up across the {@code every} ticks. OCR runs on the thread of the analyser's lane. (A
 * reading worker of this analyser's own once crashed ONNX Runtime in native code under the web app's find job,
 * SIGSEGV in {@code OrtSession.run}: nothing joined that worker when the pass failed or was cancelled, so the job could
 * close the session under a running reading. {@link DecodingPass} now returns only after every lane has stopped.)
 */
public final class ScreenTextAnalyser implements SignalAnalyser {
    /** Word-set distance from which a reading counts as new text. */
    public static final double MIN_CHANGE = 0.5;
    /** Side of the blocks compared between frames, in pixels of the pass's frame. */
    static final int BLOCK = 16;
    /** Mean absolute difference per RGB byte up to which a block counts as unchanged. */
    static final double SAME_BLOCK = 3.0;

    /**
     * Text that appeared at {@code time}; {@code change} is its word-set distance to the previous reading or to the
     * last new text before it, whichever is larger;
     * {@code title} the line set bigger than the others ({@link ScreenTextReader.Reading}), or empty; {@code legible}
     * the lines read with a confidence of at least {@link #LEGIBLE}, the ones worth quoting. All lines count for the
     * change: a line half read is still new text.
     */
    public record TextChange(Duration time, List<String> lines, double change, String title, List<String> legible) {
        public TextChange {
            lines = List.copyOf(lines);
            title = title == null ? "" : title;
            legible = legible == null ? lines : List.copyOf(legible);
        }

        /**
         * The change {@code reading} shows at {@code time}: its lines, the legible ones (confidence at least
         * {@link #LEGIBLE}), and its title when that is legible, its spacing tidied.
         */
        public static TextChange of(Duration time, ScreenTextReader.Reading reading, double change) {
            List<String> lines = reading.lines();
            List<String> legible = new ArrayList<>();
            for (int i = 0; i < lines.size(); i++) {
                if (reading.confidences().get(i) >= LEGIBLE) {
                    legible.add(lines.get(i));
                }
            }
            int title = reading.title();
            boolean titled = title >= 0 && reading.confidences().get(title) >= LEGIBLE;
            return new TextChange(time, lines, change, titled ? lines.get(title).strip().replaceAll("\\s+", " ") : "",
                    legible);
        }

        /** A change whose lines are all legible. */
        public TextChange(Duration time, List<String> lines, double change, String title) {
            this(time, lines, change, title, null);
        }

        /** A change without a title, its lines all legible. */
        public TextChange(Duration time, List<String> lines, double change) {
            this(time, lines, change, "", null);
        }
    }

    /**
     * The recogniser's confidence from which a line is quoted in a clip's copy. PP-OCRv4 reads clear text at
     * 0.97–1.0; small text blurred by the pass's 256 px frames comes out garbled at about 0.8 ("Crrata, swtch cnd
     * merge aranches" at 0.805 for "Create, switch and merge branches", docs/clips.md).
     */
    public static final double LEGIBLE = 0.9;

    private final ScreenTextReader reader;
    private final SceneCutAnalyser cuts;
    private final Duration every;
    /** New texts and, with no lines, the readings that found the text gone: what the screen shows from when on. */
    private final List<TextChange> timeline = new ArrayList<>();
    private Set<String> lastWords = Set.of();
    private String lastLetters = "";
    /** The words and letters of the last timeline entry (none after the text left): what growth is measured from. */
    private Set<String> entryWords = Set.of();
    private String entryLetters = "";
    private VideoFrame lastReadFrame;
    private Duration lastRead;
    private int cutsSeen;
    private long reads;

    public ScreenTextAnalyser(ScreenTextReader reader, SceneCutAnalyser cuts, Duration every) {
        this.reader = reader;
        this.cuts = cuts;
        this.every = every;
    }

    @Override
    public void onFrame(VideoFrame frame) {
        int cutCount = cuts.cutCount();
        boolean newCut = cutCount > cutsSeen;
        cutsSeen = cutCount;
        if (!newCut && lastRead != null && frame.time().minus(lastRead).compareTo(every) < 0) {
            return;
        }
        lastRead = frame.time();
        if (lastReadFrame != null && looksTheSame(lastReadFrame, frame)) {
            return; // same picture, same words: no change
        }
        lastReadFrame = frame;
        reads++;
        ScreenTextReader.Reading reading = reader.readWithTitle(frame);
        List<String> lines = reading.lines();
        Set<String> words = words(lines);
        String letters = letters(lines);
        double change = Math.max(change(lastLetters, lastWords, letters, words),
                change(entryLetters, entryWords, letters, words));
        if (!words.isEmpty() && change >= MIN_CHANGE) {
            timeline.add(TextChange.of(frame.time(), reading, change));
            entryWords = words;
            entryLetters = letters;
        } else if (words.isEmpty() && !lastWords.isEmpty()) {
            timeline.add(new TextChange(frame.time(), List.of(), 1.0)); // the text is gone
            entryWords = Set.of();
            entryLetters = "";
        }
        lastWords = words;
        lastLetters = letters;
    }

    /** The word-set distance from one text to another; 0 when their letters and digits are the same in order. */
    private static double change(String fromLetters, Set<String> fromWords, String letters, Set<String> words) {
        return letters.equals(fromLetters) ? 0 : distance(fromWords, words);
    }

    /**
     * How much {@code after} differs from {@code before} as this analyser measures it: 0 for the same letters and
     * digits in the same order, else the distance of their word sets, clocks and timecodes left out.
     */
    public static double change(List<String> before, List<String> after) {
        return change(letters(before), words(before), letters(after), words(after));
    }

    /**
     * A clock or a running timecode ({@code 10:42}, {@code 01:00:03:14}, drop-frame {@code 01:00:03;14}): a
     * screen recording's taskbar clock and a video's burned-in timecode change at every reading without any new text.
     */
    private static final java.util.regex.Pattern CLOCK =
            java.util.regex.Pattern.compile("(?<![\\p{L}\\p{N}])\\d{1,2}(?:[:;]\\d{2}){1,3}(?![\\p{L}\\p{N}])");

    /** The lines without clocks and timecodes ({@link #CLOCK}), which are not text a viewer reads. */
    private static String withoutClocks(String line) {
        return CLOCK.matcher(line).replaceAll(" ");
    }

    /** A line worth showing as text: at least three letters once clocks and timecodes are taken out. */
    public static boolean isText(String line) {
        return withoutClocks(line).codePoints().filter(Character::isLetter).count() >= 3;
    }

    /** The lines' letters and digits, lower-cased, in reading order: the text without its spacing and punctuation. */
    public static String letters(List<String> lines) {
        return withoutClocks(String.join(" ", lines)).toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", "");
    }

    /** The text changes in time order: each new text. */
    public List<TextChange> changes() {
        return timeline.stream().filter(c -> !c.lines().isEmpty()).toList();
    }

    /**
     * {@link #changes} and, as changes without lines, the times the text left the screen: the text on screen at any
     * time is that of the last entry before it.
     */
    public List<TextChange> timeline() {
        return List.copyOf(timeline);
    }

    /** How many frames were handed to the reader so far. */
    long reads() {
        return reads;
    }

    /**
     * Whether {@code b} shows what {@code a} shows: in every {@value #BLOCK}×{@value #BLOCK} block the mean absolute
     * difference of the RGB bytes is at most {@value #SAME_BLOCK}. Per block, not per frame, so one new word (a
     * block or two of a 256-px frame) counts as a change however still the rest is.
     */
    static boolean looksTheSame(VideoFrame a, VideoFrame b) {
        if (a.width() != b.width() || a.height() != b.height()) {
            return false;
        }
        int w = a.width();
        int h = a.height();
        byte[] pa = a.rgb();
        byte[] pb = b.rgb();
        int blocksX = (w + BLOCK - 1) / BLOCK;
        long[] sums = new long[blocksX];
        for (int by = 0; by < h; by += BLOCK) {
            Arrays.fill(sums, 0);
            int rows = Math.min(BLOCK, h - by);
            for (int y = by; y < by + rows; y++) {
                int i = y * w * 3;
                for (int x = 0; x < w; x++, i += 3) {
                    sums[x / BLOCK] += Math.abs((pa[i] & 0xff) - (pb[i] & 0xff))
                            + Math.abs((pa[i + 1] & 0xff) - (pb[i + 1] & 0xff))
                            + Math.abs((pa[i + 2] & 0xff) - (pb[i + 2] & 0xff));
                }
            }
            for (int bx = 0; bx < blocksX; bx++) {
                int cols = Math.min(BLOCK, w - bx * BLOCK);
                if (sums[bx] > SAME_BLOCK * rows * cols * 3) {
                    return false;
                }
            }
        }
        return true;
    }

    static Set<String> words(List<String> lines) {
        Set<String> words = new HashSet<>();
        for (String line : lines) {
            for (String w : withoutClocks(line).toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
                if (!w.isEmpty()) {
                    words.add(w);
                }
            }
        }
        return words;
    }

    /** 1 − |A ∩ B| / |A ∪ B|; 0 for two empty sets. */
    static double distance(Set<String> a, Set<String> b) {
        if (a.isEmpty() && b.isEmpty()) {
            return 0;
        }
        Set<String> union = new HashSet<>(a);
        union.addAll(b);
        long common = a.stream().filter(b::contains).count();
        return 1.0 - (double) common / union.size();
    }
}
