package dev.tagline.video.highlight;

import dev.tagline.core.manifest.ClipCandidate;
import dev.tagline.video.signal.LoudnessAnalyser;
import dev.tagline.video.signal.TimeSeries;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The built-in scorer: five sub-scores (0–100) from words and signals, combined with fixed weights, and a reason
 * naming the strongest features. Hook: a question (a sentence ending in "?", or in a transcript without punctuation
 * one starting with a question word), a number, a bold claim or a hook line in the opening sentence. Payoff: a payoff
 * line or a result in the closing sentences, or the result shown (a cut or new on-screen text near the end). Bold
 * claims and results are phrases ("doing it wrong", "3x faster"), not their words alone ({@link TextCues}).
 * Coherence: length near the band's middle (clipbot's Cauchy bell, σ 10 s, floor 0.15), one topic, no dangling start.
 * Energy: loudness against the video's median and speech rate against its mean. Visual: scene changes, on-screen text
 * changes and motion against the video's mean. Without a transcript only coherence (length), energy and visual count,
 * and the reason says so. The time a clip spends in an aside ({@link Asides}) counts for nothing: the total is
 * multiplied by the share of the clip outside asides, and the reason names the aside. A clip more than
 * {@link #MAX_ASIDE_SHARE} in asides scores 0: a git clip half about pasta is not one to post, whatever its hook, and
 * the window without the aside is a candidate of its own when it fits the band.
 */
public final class HeuristicScorer implements ClipScorer {
    private static final double[] WEIGHTS = {0.30, 0.20, 0.20, 0.15, 0.15};
    private static final double[] WEIGHTS_NO_TEXT = {0, 0, 0.30, 0.40, 0.30};
    // clipbot HeuristicScorer.java: lenScore sigma 10 s (MIN_SIGMA 6.0), LEN_FLOOR 0.15
    private static final double LEN_SIGMA_SECONDS = 10.0;
    private static final double LEN_FLOOR = 0.15;
    /**
     * Longer than this between two sentences (or speech stretches) inside a clip is dead air, which short-form viewers
     * scroll past (Tagline's rule): it costs as much coherence as a dangling start, and the reason names it.
     */
    static final Duration DEAD_AIR = Duration.ofSeconds(3);
    /**
     * More of a clip than this in asides scores it 0, below every clip that keeps to the topic (Tagline's rule: a
     * viewer who came for git and gets a third of pasta scrolls on; less than that is a digression and costs its
     * share).
     */
    static final double MAX_ASIDE_SHARE = 1.0 / 3;

    private final DurationBand band;

    public HeuristicScorer(DurationBand band) {
        this.band = band;
    }

    /** A feature that moved a sub-score, for the reason. */
    record Feature(String label, double points) {
    }

    @Override
    public List<ScoredClip> score(List<Candidate> candidates, List<Sentence> sentences, ClipSignals signals) {
        Baseline base = Baseline.of(sentences, signals);
        List<ScoredClip> out = new ArrayList<>(candidates.size());
        for (Candidate c : candidates) {
            out.add(score(c, c.sentences(sentences), signals, base));
        }
        return out;
    }

    ScoredClip score(Candidate c, List<Sentence> own, ClipSignals signals, Baseline base) {
        List<Feature> features = new ArrayList<>();
        boolean text = signals.hasTranscript();
        int hook = text ? hook(c, own, base.punctuated(), features) : 0;
        int payoff = text ? payoff(c, own, signals, features) : 0;
        int coherence = coherence(c, own, signals, features);
        int energy = energy(c, own, signals, base, features);
        int visual = visual(c, signals, base, features);
        double[] w = text ? WEIGHTS : WEIGHTS_NO_TEXT;
        double weighted = w[0] * hook + w[1] * payoff + w[2] * coherence + w[3] * energy + w[4] * visual;
        double aside = aside(c, signals, features);
        int total = aside > MAX_ASIDE_SHARE ? 0 : (int) Math.round(weighted * (1 - aside));
        String hookText = text ? hookText(own.get(0).text()) : "";
        return new ScoredClip(c, clamp(total), new ClipCandidate.SubScores(hook, payoff, coherence, energy, visual),
                reason(features, text, sound(c, signals) && deadAir(c, own) == null), hookText);
    }

    private static int hook(Candidate c, List<Sentence> own, boolean punctuated, List<Feature> f) {
        String opening = own.get(0).text();
        if (own.size() > 1 && own.get(0).end().minus(own.get(0).start()).compareTo(Duration.ofSeconds(3)) < 0) {
            opening += " " + own.get(1).text();
        }
        double points = 0;
        points += add(f, TextCues.question(opening, punctuated), "an opening question", 45);
        points += TextCues.number(opening).map(n -> add(f, true, "a number up front (\"" + n + "\")", 25)).orElse(0.0);
        points += TextCues.bold(opening).map(b -> add(f, true, "a bold claim (\"" + b + "\")", 30)).orElse(0.0);
        points += TextCues.hook(opening).map(h -> add(f, true, "a hook line (\"" + h + "\")", 35)).orElse(0.0);
        points += own.get(0).words().size() <= 12 ? 10 : 0;
        points -= c.danglingStart() ? 40 : 0;
        return clamp((int) Math.round(points));
    }

    private static int payoff(Candidate c, List<Sentence> own, ClipSignals s, List<Feature> f) {
        String ending = own.get(own.size() - 1).text();
        if (own.size() > 1) {
            ending = own.get(own.size() - 2).text() + " " + ending;
        }
        double points = 0;
        points += TextCues.payoff(ending).map(p -> add(f, true, "a payoff line (\"" + p + "\")", 40)).orElse(0.0);
        points += TextCues.result(ending).map(r -> add(f, true, "a result (\"" + r + "\")", 30)).orElse(0.0);
        points += TextCues.number(ending).isPresent() ? 15 : 0;
        Duration lateStart = c.start().plus(c.length().multipliedBy(6).dividedBy(10));
        boolean shown = s.cutsWithin(lateStart, c.end()) + s.textChangesWithin(lateStart, c.end()) > 0;
        points += add(f, shown, "the result shown on screen", 25);
        points -= own.get(own.size() - 1).text().strip().endsWith("?") ? 25 : 0;
        return clamp((int) Math.round(points));
    }

    private int coherence(Candidate c, List<Sentence> own, ClipSignals s, List<Feature> f) {
        double offset = (c.length().toMillis() - band.target().toMillis()) / 1000.0 / LEN_SIGMA_SECONDS;
        double lenScore = Math.max(LEN_FLOOR, 1.0 / (1.0 + offset * offset));
        double points = 60 + 40 * lenScore;
        Integer topicStart = s.topicAt(c.start());
        if (topicStart != null && !topicStart.equals(s.topicAt(c.end().minusMillis(1)))) {
            points -= 35;
            f.add(new Feature("crosses a topic change", -35));
        }
        if (c.danglingStart()) {
            points -= 40;
            f.add(new Feature("starts mid-thought", -40));
        }
        Duration[] gap = deadAir(c, own);
        if (gap != null) {
            points -= 40;
            f.add(new Feature(String.format(java.util.Locale.ROOT, "has %.1f s without speech (%s–%s)",
                    gap[1].minus(gap[0]).toMillis() / 1000.0, clock(gap[0]), clock(gap[1])), -40));
        }
        return clamp((int) Math.round(points));
    }

    /**
     * The share of the clip spent in asides, 0–1; a feature naming them, which the reason names first among what
     * took points, since nothing else takes as many.
     */
    private static double aside(Candidate c, ClipSignals s, List<Feature> f) {
        List<ClipSignals.Aside> parts = s.asidesWithin(c.start(), c.end());
        if (parts.isEmpty()) {
            return 0;
        }
        long millis = parts.stream().mapToLong(a -> a.end().minus(a.start()).toMillis()).sum();
        double share = Math.min(1.0, millis / (double) Math.max(1, c.length().toMillis()));
        String of = share > MAX_ASIDE_SHARE ? String.format(java.util.Locale.ROOT, " of its %.1f s",
                c.length().toMillis() / 1000.0) : "";
        f.add(new Feature(String.format(java.util.Locale.ROOT, "strays from the rest of the video's topic for %.1f s"
                + "%s (%s–%s)%s", millis / 1000.0, of, clock(parts.get(0).start()),
                clock(parts.get(parts.size() - 1).end()), of.isEmpty() ? "" : ", more than a third"), -100));
        return share;
    }

    /** The clip's longest stretch without a sentence, {start, end}, when it is longer than {@link #DEAD_AIR}. */
    static Duration[] deadAir(Candidate c, List<Sentence> own) {
        Duration[] longest = null;
        Duration from = c.start();
        for (int i = 0; i <= own.size(); i++) {
            Duration to = i < own.size() ? own.get(i).start() : c.end();
            if (to.compareTo(c.end()) > 0) {
                to = c.end();
            }
            if (to.minus(from).compareTo(DEAD_AIR) > 0
                    && (longest == null || to.minus(from).compareTo(longest[1].minus(longest[0])) > 0)) {
                longest = new Duration[] {from, to};
            }
            if (i < own.size() && own.get(i).end().compareTo(from) > 0) {
                from = own.get(i).end();
            }
        }
        return longest;
    }

    /** m:ss.s, as the clips table shows times. */
    private static String clock(Duration t) {
        long tenths = Math.round(t.toMillis() / 100.0);
        return String.format(java.util.Locale.ROOT, "%d:%02d.%d", tenths / 600, tenths / 10 % 60, tenths % 10);
    }

    private static int energy(Candidate c, List<Sentence> own, ClipSignals s, Baseline base, List<Feature> f) {
        double points = 50;
        if (s.loudness().isPresent() && !Double.isNaN(base.medianLufs)) {
            double delta = s.loudness().get().mean(c.start(), c.end()) - base.medianLufs;
            points += 8 * delta;
            add(f, delta >= 2, String.format(java.util.Locale.ROOT, "louder than usual (+%.0f LU)", delta), 8 * delta);
        }
        if (base.wordsPerSecond > 0) {
            long words = own.stream().mapToLong(x -> x.words().size()).sum();
            double spoken = own.stream().mapToDouble(x -> x.end().minus(x.start()).toMillis() / 1000.0).sum();
            double ratio = words / Math.max(1e-3, spoken) / base.wordsPerSecond;
            points += 40 * (ratio - 1);
            add(f, ratio >= 1.15, "brisk delivery", 40 * (ratio - 1));
        }
        return clamp((int) Math.round(points));
    }

    private static int visual(Candidate c, ClipSignals s, Baseline base, List<Feature> f) {
        long cuts = s.cutsWithin(c.start(), c.end());
        long texts = s.textChangesWithin(c.start(), c.end());
        double points = 20 + 12 * Math.min(cuts, 4) + 20 * Math.min(texts, 3);
        add(f, cuts >= 2, cuts + " scene changes", 12 * Math.min(cuts, 4));
        add(f, texts > 0, "new on-screen text", 20 * Math.min(texts, 3));
        if (s.motion().isPresent() && !Double.isNaN(base.meanMotion)) {
            double delta = s.motion().get().mean(c.start(), c.end()) - base.meanMotion;
            points += Math.max(-20, Math.min(20, 200 * delta));
        }
        return clamp((int) Math.round(points));
    }

    private static double add(List<Feature> f, boolean present, String label, double points) {
        if (present) {
            f.add(new Feature(label, points));
            return points;
        }
        return 0;
    }

    /**
     * Whether the clip has sound to speak of (the reason's "steady speech" also needs no dead air): a loudness track
     * that is not near silence for 90 % of it (a silent screencast's track is there but says nothing).
     */
    private static boolean sound(Candidate c, ClipSignals s) {
        return s.loudness().isPresent() && s.silentShare(c.start(), c.end()) < 0.9;
    }

    /** The three features that added most, the one that took most, and what the scores could not see. */
    static String reason(List<Feature> features, boolean text, boolean sound) {
        List<Feature> good = features.stream().filter(x -> x.points() > 0)
                .sorted(Comparator.comparingDouble(Feature::points).reversed()).limit(3).toList();
        String best = !good.isEmpty() ? join(good) : !sound ? "a good length"
                : text ? "steady speech at a good length" : "steady sound at a good length";
        String worst = features.stream().filter(x -> x.points() < 0).min(Comparator.comparingDouble(Feature::points))
                .map(x -> ", though it " + x.label()).orElse("");
        String without = text ? "" : sound ? " (no transcript: sound and picture only)" : " (no sound: picture only)";
        return "Picked for " + best + worst + without + ".";
    }

    private static String join(List<Feature> good) {
        List<String> labels = good.stream().map(Feature::label).collect(Collectors.toList());
        if (labels.size() == 1) {
            return labels.get(0);
        }
        return String.join(", ", labels.subList(0, labels.size() - 1)) + " and " + labels.get(labels.size() - 1);
    }

    /** The opening sentence, at most 10 words (video.md §5.3 {@code hook_text}). */
    static String hookText(String sentence) {
        String[] words = sentence.strip().split("\\s+");
        return words.length <= 10 ? sentence.strip() : String.join(" ", Arrays.copyOf(words, 10)) + "…";
    }

    private static int clamp(int v) {
        return Math.max(0, Math.min(100, v));
    }

    /** Whole-video reference values the sub-scores compare against. */
    record Baseline(double medianLufs, double wordsPerSecond, double meanMotion, boolean punctuated) {
        static Baseline of(List<Sentence> sentences, ClipSignals s) {
            double median = s.loudness().map(Baseline::medianAboveGate).orElse(Double.NaN);
            long words = sentences.stream().mapToLong(x -> x.words().size()).sum();
            double spoken = sentences.stream().mapToDouble(x -> x.end().minus(x.start()).toMillis() / 1000.0).sum();
            double motion = s.motion().map(m -> m.mean(Duration.ZERO, s.duration())).orElse(Double.NaN);
            return new Baseline(median, spoken > 0 && s.hasTranscript() ? words / spoken : 0, motion,
                    TextCues.punctuated(sentences.stream().map(Sentence::text).toList()));
        }

        private static double medianAboveGate(TimeSeries t) {
            float[] v = t.values();
            float[] loud = new float[v.length];
            int n = 0;
            for (float x : v) {
                if (x > LoudnessAnalyser.ABSOLUTE_GATE_LUFS) {
                    loud[n++] = x;
                }
            }
            if (n == 0) {
                return Double.NaN;
            }
            Arrays.sort(loud, 0, n);
            return loud[n / 2];
        }
    }
}
