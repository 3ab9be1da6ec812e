package dev.tagline.video.highlight;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The LLM judge's answer, validated: {@code {"clips": [{"start_sentence", "end_sentence", "score", "sub_scores":
 * {"hook", "payoff", "coherence"}, "hook_text", "reason"}]}}. Sentence ids must be ones the judge was shown
 * (a range outside them is a hallucination), scores integers 0–100. A Markdown code fence around the JSON is
 * tolerated; anything else makes the whole answer invalid, with a message the judge gets on its one retry.
 */
final class JudgeAnswer {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One clip as the judge proposed it. */
    record Clip(int startSentence, int endSentence, int score, int hook, int payoff, int coherence, String hookText,
                String reason) {
    }

    /** Why an answer was refused. */
    static final class Invalid extends Exception {
        private static final long serialVersionUID = 1L;

        Invalid(String message) {
            super(message);
        }
    }

    private JudgeAnswer() {
    }

    static List<Clip> parse(String content, int firstId, int lastId) throws Invalid {
        String text = content.strip();
        if (text.startsWith("```")) {
            text = text.replaceFirst("^```(json)?\\s*", "").replaceFirst("\\s*```$", "");
        }
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (IOException e) {
            throw new Invalid("the answer is not valid JSON (" + e.getMessage().lines().findFirst().orElse("") + ")");
        }
        if (root == null || !root.path("clips").isArray()) {
            throw new Invalid("the answer has no \"clips\" array");
        }
        List<Clip> clips = new ArrayList<>();
        for (int i = 0; i < root.path("clips").size(); i++) {
            JsonNode c = root.path("clips").get(i);
            String where = "clip " + (i + 1) + ": ";
            int start = integer(c, "start_sentence", where, firstId, lastId);
            int end = integer(c, "end_sentence", where, firstId, lastId);
            if (end < start) {
                throw new Invalid(where + "end_sentence " + end + " comes before start_sentence " + start);
            }
            JsonNode sub = c.path("sub_scores");
            clips.add(new Clip(start, end, integer(c, "score", where, 0, 100),
                    integer(sub, "hook", where + "sub_scores.", 0, 100),
                    integer(sub, "payoff", where + "sub_scores.", 0, 100),
                    integer(sub, "coherence", where + "sub_scores.", 0, 100),
                    c.path("hook_text").asText(""), text(c, "reason", where)));
        }
        return clips;
    }

    private static int integer(JsonNode node, String field, String where, int min, int max) throws Invalid {
        JsonNode v = node.path(field);
        if (!v.canConvertToExactIntegral()) {
            throw new Invalid(where + "\"" + field + "\" must be an integer");
        }
        int value = v.asInt();
        if (value < min || value > max) {
            throw new Invalid(where + "\"" + field + "\" is " + value + ", outside " + min + "-" + max
                    + (field.endsWith("_sentence") ? " (there is no such sentence in this part)" : ""));
        }
        return value;
    }

    private static String text(JsonNode node, String field, String where) throws Invalid {
        String value = node.path(field).asText("").strip();
        if (value.isEmpty()) {
            throw new Invalid(where + "\"" + field + "\" must be a non-empty string");
        }
        return value;
    }
}
