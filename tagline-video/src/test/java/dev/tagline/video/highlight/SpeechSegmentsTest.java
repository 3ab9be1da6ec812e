package dev.tagline.video.highlight;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class SpeechSegmentsTest {
    @Test
    void thePictureAfterTheLastSpeechIsAUnitSoTheVideosEndIsAClipBoundary() {
        List<Sentence> units = SpeechSegments.sentences(List.of(new SpeechSegments.Unit(Duration.ZERO,
                Duration.ofMillis(14_200))), Duration.ofSeconds(24));
        assertEquals(Duration.ofSeconds(24), units.get(units.size() - 1).end(), units.toString());
        assertEquals(Duration.ofMillis(14_200), units.get(units.size() - 1).start());
        CandidateGenerator generator = new CandidateGenerator(DurationBand.of(Duration.ofSeconds(15),
                Duration.ofSeconds(24)));
        List<Candidate> found = generator.generate(units, new BoundarySnapper(List.of(), List.of(), false,
                Duration.ofSeconds(24)));
        assertEquals(true, found.stream().anyMatch(c -> c.start().isZero() && c.end().equals(Duration.ofSeconds(24))),
                "the whole 24 s video is a clip: " + found);
        List<Sentence> spoken = SpeechSegments.sentences(List.of(new SpeechSegments.Unit(Duration.ZERO,
                Duration.ofMillis(23_500))), Duration.ofSeconds(24));
        assertEquals(Duration.ofMillis(23_500), spoken.get(spoken.size() - 1).end(), "half a second is no unit");
    }
}
