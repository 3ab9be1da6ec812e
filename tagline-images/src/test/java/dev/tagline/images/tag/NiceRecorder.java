package dev.tagline.images.tag;

import dev.tagline.inference.onnx.ThreadPriority;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** A tagger for tests that records the nice value of every thread that prepares an image; it tags nothing. */
public final class NiceRecorder implements ImageTagger {
    private final Set<Integer> nices = ConcurrentHashMap.newKeySet();

    /** The nice values seen, {@code null} where the platform has none. */
    public Set<Integer> nices() {
        return nices;
    }

    @Override
    public String id() {
        return "nice-recorder";
    }

    @Override
    public Prepared prepare(TaggerInput input) {
        nices.add(ThreadPriority.currentNice());
        return new Prepared(input, null);
    }

    @Override
    public List<ScoredTags> tagPrepared(List<Prepared> batch) {
        return batch.stream().map(p -> new ScoredTags(List.of(), true)).toList();
    }
}
