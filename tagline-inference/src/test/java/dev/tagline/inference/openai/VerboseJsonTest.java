package dev.tagline.inference.openai;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tagline.core.TaglineException;
import java.net.http.HttpHeaders;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VerboseJsonTest {
    @Test
    void wordsNestedInSegmentsAsFasterWhisperServersSendThem() {
        Transcription t = VerboseJson.parse("""
                {"text":" One two.","language":"en","duration":3.0,"segments":[{"id":0,"start":0.0,"end":1.0,
                "text":" One two.","words":[{"word":" One","start":0.0,"end":0.4,"probability":0.9},
                {"word":" two.","start":0.5,"end":1.0,"probability":0.8}]}]}""", "t.json");
        assertEquals(List.of(new Transcription.Word(" One", 0.0, 0.4), new Transcription.Word(" two.", 0.5, 1.0)),
                t.words());
    }

    @Test
    void notATranscriptNamesTheSource() {
        TaglineException e = assertThrows(TaglineException.class, () -> VerboseJson.parse("{\"a\":1}", "x.json"));
        assertEquals("x.json has no \"segments\" or \"words\"", e.getMessage());
    }

    @Test
    void retryAfterAsAnHttpDate() {
        Clock clock = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
        HttpHeaders headers = HttpHeaders.of(Map.of("Retry-After", List.of("Thu, 01 Jan 2026 00:00:05 GMT")),
                (a, b) -> true);
        assertEquals(Duration.ofSeconds(5), RetryPolicy.DEFAULT.wait(1, headers, clock));
        HttpHeaders huge = HttpHeaders.of(Map.of("Retry-After", List.of("3600")), (a, b) -> true);
        assertEquals(Duration.ofSeconds(60), RetryPolicy.DEFAULT.wait(1, huge, clock), "capped");
    }
}
