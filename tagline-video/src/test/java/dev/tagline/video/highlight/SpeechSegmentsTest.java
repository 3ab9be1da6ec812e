package dev.tagline.video.highlight;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tagline.video.signal.Pause;
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

    /** Dogfood round 4: without a transcript a clip began at 80.0 s in mid-sentence, 6 s after a 1.2 s pause. */
    @Test
    void withoutATranscriptUnitsStartWhereSpeechStartsAgainAfterAPause() {
        List<Sentence> units = SpeechSegments.sentences(List.of(new SpeechSegments.Unit(Duration.ofSeconds(60),
                Duration.ofSeconds(100))), List.of(new Pause(Duration.ofMillis(72_900), Duration.ofMillis(74_100)),
                new Pause(Duration.ofMillis(89_800), Duration.ofMillis(91_000)),
                new Pause(Duration.ofSeconds(20), Duration.ofSeconds(21))), Duration.ofSeconds(100));
        List<Duration> starts = units.stream().map(Sentence::start).toList();
        assertEquals(List.of(Duration.ofSeconds(60), Duration.ofSeconds(70), Duration.ofMillis(74_100),
                Duration.ofMillis(84_100), Duration.ofSeconds(91)), starts, units.toString());
        assertEquals(Duration.ofMillis(72_900), units.get(1).end(), "a unit ends where the pause begins");
        assertEquals(Duration.ofSeconds(100), units.get(units.size() - 1).end());
    }
}
