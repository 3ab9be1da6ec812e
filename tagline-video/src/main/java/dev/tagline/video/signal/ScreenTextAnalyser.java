package dev.tagline.video.signal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * On-screen text changes (tutorials show their topic on screen): reads a frame at every scene cut and every
 * {@code every} otherwise, and reports a change when the words differ from the last reading by at least half
 * (1 − Jaccard similarity of the lower-cased word sets ≥ 0.5). Needs the {@link SceneCutAnalyser} of the same pass,
 * which must be registered before this analyser so its cuts are known when the frame arrives.
 */
public final class ScreenTextAnalyser implements SignalAnalyser {
    /** Word-set distance from which a reading counts as new text. */
    public static final double MIN_CHANGE = 0.5;

    /** Text that appeared at {@code time}; {@code change} is the word-set distance to the previous reading. */
    public record TextChange(Duration time, List<String> lines, double change) {
    }

    private final ScreenTextReader reader;
    private final SceneCutAnalyser cuts;
    private final Duration every;
    private final List<TextChange> changes = new ArrayList<>();
    private Set<String> lastWords = Set.of();
    private Duration lastRead;
    private int cutsSeen;

    public ScreenTextAnalyser(ScreenTextReader reader, SceneCutAnalyser cuts, Duration every) {
        this.reader = reader;
        this.cuts = cuts;
        this.every = every;
    }

    @Override
    public void onFrame(VideoFrame frame) {
        int cutCount = cuts.cuts().size();
        boolean newCut = cutCount > cutsSeen;
        cutsSeen = cutCount;
        if (!newCut && lastRead != null && frame.time().minus(lastRead).compareTo(every) < 0) {
            return;
        }
        lastRead = frame.time();
        List<String> lines = reader.read(frame);
        Set<String> words = words(lines);
        double change = distance(lastWords, words);
        if (!words.isEmpty() && change >= MIN_CHANGE) {
            changes.add(new TextChange(frame.time(), List.copyOf(lines), change));
        }
        lastWords = words;
    }

    public List<TextChange> changes() {
        return List.copyOf(changes);
    }

    static Set<String> words(List<String> lines) {
        Set<String> words = new HashSet<>();
        for (String line : lines) {
            for (String w : line.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
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
