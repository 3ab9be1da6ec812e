package dev.tagline.video.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ChoiCorpusTest {
    @Test
    void boundariesFallAfterTheLastSentenceOfEachSegmentButTheLast() {
        ChoiCorpus.Document doc = ChoiCorpus.parse("1/3-5/1.ref", "3-5", List.of("==========", "a .", "b .",
                "==========", "c .", "==========", "d .", "e . ", "", "=========="));
        assertEquals(List.of("a .", "b .", "c .", "d .", "e ."), doc.sentences());
        assertEquals(Set.of(1, 2), doc.boundaries());
    }
}
