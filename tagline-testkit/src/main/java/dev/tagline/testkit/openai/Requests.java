package dev.tagline.testkit.openai;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** Request validation and answer shapes of the fake transcription endpoint. */
final class Requests {
    private Requests() {
    }

    static void validate(Map<String, List<String>> fields, String fileName, byte[] file) {
        if (file == null) {
            throw new IllegalArgumentException("Missing required parameter: 'file'.");
        }
        if (!fields.containsKey("model") || fields.get("model").get(0).isBlank()) {
            throw new IllegalArgumentException("Missing required parameter: 'model'.");
        }
        if (!FakeOpenAiServer.FILE_TYPES.contains(FakeOpenAiServer.extension(fileName))) {
            throw new IllegalArgumentException("Invalid file format. Supported formats: "
                    + FakeOpenAiServer.FILE_TYPES.stream().sorted().toList());
        }
        if (file.length > FakeOpenAiServer.MAX_FILE_BYTES) {
            throw new IllegalArgumentException("Maximum content size limit (26214400) exceeded");
        }
        String format = fields.getOrDefault("response_format", List.of("json")).get(0);
        if (!FakeOpenAiServer.FORMATS.contains(format)) {
            throw new IllegalArgumentException("Invalid value for 'response_format': '" + format
                    + "'. Supported values are: 'json', 'text', 'srt', 'verbose_json', and 'vtt'.");
        }
        List<String> granularities = fields.getOrDefault("timestamp_granularities[]", List.of());
        for (String g : granularities) {
            if (!g.equals("word") && !g.equals("segment")) {
                throw new IllegalArgumentException("Invalid value for 'timestamp_granularities[]': '" + g + "'.");
            }
        }
        if (!granularities.isEmpty() && !format.equals("verbose_json")) {
            throw new IllegalArgumentException("timestamp_granularities[] is only supported with"
                    + " response_format=verbose_json");
        }
    }

    /** The body of a transcription answer in {@code format}. */
    static String answer(ObjectMapper json, FakeOpenAiServer.Upload upload, List<FakeOpenAiServer.HeardWord> words,
                         String format) {
        String text = text(words);
        List<String> granularities = upload.fields().getOrDefault("timestamp_granularities[]", List.of());
        switch (format) {
            case "text":
                return text + "\n";
            case "srt":
            case "vtt":
                return subtitles(words, format);
            case "verbose_json":
                com.fasterxml.jackson.databind.node.ObjectNode root = json.createObjectNode()
                        .put("task", "transcribe").put("language", "english");
                root.put("duration", upload.wavSeconds() >= 0 ? upload.wavSeconds()
                        : words.isEmpty() ? 0 : words.get(words.size() - 1).end());
                root.put("text", text);
                if (granularities.isEmpty() || granularities.contains("segment")) {
                    root.set("segments", segments(json, words));
                }
                if (granularities.contains("word")) {
                    ArrayNode array = root.putArray("words");
                    words.forEach(w -> array.addObject().put("word", w.word()).put("start", w.start())
                            .put("end", w.end()));
                }
                return root.toString();
            default:
                return json.createObjectNode().put("text", text).toString();
        }
    }

    static String text(List<FakeOpenAiServer.HeardWord> words) {
        return words.stream().map(FakeOpenAiServer.HeardWord::word).collect(Collectors.joining(" "));
    }

    /** Words grouped into segments at sentence ends, with the fields whisper's segments carry. */
    static ArrayNode segments(ObjectMapper json, List<FakeOpenAiServer.HeardWord> words) {
        ArrayNode array = json.createArrayNode();
        for (List<FakeOpenAiServer.HeardWord> sentence : sentences(words)) {
            array.addObject().put("id", array.size()).put("seek", 0)
                    .put("start", sentence.get(0).start()).put("end", sentence.get(sentence.size() - 1).end())
                    .put("text", " " + text(sentence)).put("temperature", 0.0).put("avg_logprob", -0.2)
                    .put("compression_ratio", 1.2).put("no_speech_prob", 0.01).putArray("tokens");
        }
        return array;
    }

    static String subtitles(List<FakeOpenAiServer.HeardWord> words, String format) {
        StringBuilder sb = new StringBuilder(format.equals("vtt") ? "WEBVTT\n\n" : "");
        int n = 1;
        for (List<FakeOpenAiServer.HeardWord> s : sentences(words)) {
            if (format.equals("srt")) {
                sb.append(n++).append('\n');
            }
            sb.append(time(s.get(0).start(), format)).append(" --> ").append(time(s.get(s.size() - 1).end(), format))
                    .append('\n').append(text(s)).append("\n\n");
        }
        return sb.toString();
    }

    private static List<List<FakeOpenAiServer.HeardWord>> sentences(List<FakeOpenAiServer.HeardWord> words) {
        List<List<FakeOpenAiServer.HeardWord>> out = new ArrayList<>();
        List<FakeOpenAiServer.HeardWord> current = new ArrayList<>();
        for (FakeOpenAiServer.HeardWord w : words) {
            current.add(w);
            if (w.word().matches(".*[.!?]$")) {
                out.add(current);
                current = new ArrayList<>();
            }
        }
        if (!current.isEmpty()) {
            out.add(current);
        }
        return out;
    }

    private static String time(double seconds, String format) {
        long ms = Math.round(seconds * 1000);
        return String.format(Locale.ROOT, "%02d:%02d:%02d%s%03d", ms / 3_600_000, ms / 60_000 % 60, ms / 1000 % 60,
                format.equals("srt") ? "," : ".", ms % 1000);
    }
}
