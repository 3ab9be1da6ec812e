package dev.tagline.video.highlight;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Every window that starts at a sentence start, ends at a sentence end and, once its cuts are snapped, fits the
 * duration band (clipbot's O(n·k) sentence windows, video.md §5.2). A window opening on a dangling reference is
 * kept but marked; the window starting one or more sentences earlier is generated too, which is the reference's
 * preferred fix ("move START earlier, never cut the payoff").
 */
public final class CandidateGenerator {
    private final DurationBand band;

    public CandidateGenerator(DurationBand band) {
        this.band = band;
    }

    public List<Candidate> generate(List<Sentence> sentences, BoundarySnapper snapper) {
        List<Candidate> out = new ArrayList<>();
        for (int i = 0; i < sentences.size(); i++) {
            Sentence first = sentences.get(i);
            Duration start = snapper.snapStart(first.start());
            boolean dangling = i > 0 && DanglingStart.test(first.text());
            for (int j = i; j < sentences.size(); j++) {
                if (sentences.get(j).end().minus(first.start()).compareTo(band.max().plusSeconds(1)) > 0) {
                    break;
                }
                Duration end = snapper.snapEnd(sentences.get(j).end());
                if (band.contains(end.minus(start))) {
                    out.add(new Candidate(i, j, start, end, dangling));
                }
            }
        }
        return out;
    }
}
