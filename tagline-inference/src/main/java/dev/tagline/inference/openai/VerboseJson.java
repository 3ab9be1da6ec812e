package dev.tagline.inference.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tagline.core.TaglineException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the {@code verbose_json} shape of {@code /v1/audio/transcriptions}: top-level {@code text},
 * {@code language}, {@code duration}, {@code segments[]} and, with word granularity, top-level {@code words[]}.
 * Servers that nest words inside segments (faster-whisper servers, WhisperX output) are read too. Pure.
 */
public final class VerboseJson {
    private static final ObjectMapper JSON = new ObjectMapper();

    private VerboseJson() {
    }

    /** Parses {@code json}; {@code source} names it in errors (a file or a URL). */
    public static Transcription parse(String json, String source) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (IOException e) {
            throw new TaglineException(source + " is not valid JSON: " + e.getMessage().lines().findFirst().orElse(""),
                    "Expected a transcript in the OpenAI verbose_json shape.", e);
        }
        if (root == null || !root.isObject() || !(root.has("segments") || root.has("words"))) {
            throw new TaglineException(source + " has no \"segments\" or \"words\"",
                    "Expected a transcript in the OpenAI verbose_json shape (response_format=verbose_json).");
        }
        List<Transcription.Segment> segments = new ArrayList<>();
        List<Transcription.Word> words = new ArrayList<>();
        for (JsonNode s : root.path("segments")) {
            segments.add(new Transcription.Segment(s.path("id").asInt(segments.size()), s.path("start").asDouble(),
                    s.path("end").asDouble(), s.path("text").asText("")));
            if (!root.has("words")) {
                s.path("words").forEach(w -> words.add(word(w)));
            }
        }
        root.path("words").forEach(w -> words.add(word(w)));
        return new Transcription(root.path("text").asText(""), root.path("language").asText(""),
                root.path("duration").asDouble(0), segments, words);
    }

    private static Transcription.Word word(JsonNode w) {
        String text = w.has("word") ? w.path("word").asText("") : w.path("text").asText("");
        return new Transcription.Word(text, w.path("start").asDouble(), w.path("end").asDouble());
    }
}
