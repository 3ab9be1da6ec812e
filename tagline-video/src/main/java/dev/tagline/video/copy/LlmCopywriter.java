package dev.tagline.video.copy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tagline.images.tag.ScoredTag;
import dev.tagline.inference.openai.AnswerLimit;
import dev.tagline.inference.openai.ChatClient;
import dev.tagline.inference.openai.OpenAiException;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Copy from a chat model behind an OpenAI-compatible endpoint (video.md §1: pass 2 "writes clips + copy as strict
 * JSON"): it gets the clip's transcript, the hook, the key phrases and the keyframe tags, and answers
 * {@code {"title", "description", "hashtags"}}. The answer is validated (title ≤ 100 characters, 3–8 hashtags of
 * letters and digits); one retry names what was wrong; after that, or when the server fails, the built-in
 * {@link HeuristicCopywriter} writes the copy, so rendering never stops for copy. Each request sends
 * {@code max_tokens} ({@code --copywriter-max-tokens}); an answer cut off there, or one all reasoning, falls back at
 * once (asked again it would be cut as short) with a reason that names the option to raise. Thread-safe.
 */
public final class LlmCopywriter implements Copywriter {
    private static final Logger LOG = LoggerFactory.getLogger(LlmCopywriter.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    static final String SYSTEM = "You write copy for short vertical videos (YouTube Shorts, TikTok, Reels). "
            + "Answer with one JSON object: {\"title\": string, at most 60 characters, no hashtags; "
            + "\"description\": one or two sentences; \"hashtags\": 3 to 8 strings, letters and digits only, no '#'}. "
            + "Use only facts from the transcript.";

    /**
     * {@code --copywriter-max-tokens}' default: the copy is about 100 tokens; the rest leaves room for a short
     * reasoning block.
     */
    public static final int DEFAULT_MAX_TOKENS = 1024;

    private final ChatClient chat;
    private final String model;
    private final Copywriter fallback;
    private final AnswerLimit limit;
    private final String endpoint;

    /**
     * @param endpoint the server's address, part of {@link #settings()} only (another server writes other copy)
     */
    public LlmCopywriter(ChatClient chat, String model, Copywriter fallback, AnswerLimit limit, String endpoint) {
        this.endpoint = endpoint;
        this.chat = chat;
        this.model = model;
        this.fallback = fallback;
        this.limit = limit;
    }

    /** A copywriter whose settings name no endpoint. */
    public LlmCopywriter(ChatClient chat, String model, Copywriter fallback, AnswerLimit limit) {
        this(chat, model, fallback, limit, "");
    }

    /** A copywriter with {@link #DEFAULT_MAX_TOKENS}. */
    public LlmCopywriter(ChatClient chat, String model, Copywriter fallback) {
        this(chat, model, fallback, new AnswerLimit("--copywriter-max-tokens", DEFAULT_MAX_TOKENS), "");
    }

    @Override
    public ClipCopy write(CopyInput in) {
        return writeTraced(in).copy();
    }

    /**
     * The model's copy, or the built-in copy with the reason when the model gave none; the caller shows the reason
     * (a {@code warning:} line, a note in {@code clip.json}).
     */
    @Override
    public Written writeTraced(CopyInput in) {
        List<ChatClient.Message> messages = new ArrayList<>(List.of(ChatClient.Message.system(SYSTEM),
                ChatClient.Message.user(prompt(in))));
        for (int attempt = 0; attempt < 2; attempt++) {
            ChatClient.Reply reply;
            try {
                reply = chat.complete(new ChatClient.Request(model, messages, 0.4, true, limit.sampling()));
            } catch (OpenAiException e) {
                return fallBack(in, "Copywriter " + model + " failed (" + e.getMessage() + ")");
            }
            if (reply.thinkingOnly()) { // asking again would think as long
                return fallBack(in, "Copywriter " + model + " wrote no copy: " + reply.thinkingOnlyProblem() + ": "
                        + limit.thinkingFix());
            }
            String answer = reply.answer();
            try {
                return new Written(parse(answer), "openai:" + model, null);
            } catch (IllegalArgumentException e) {
                if ("length".equals(reply.finishReason())) { // asking again would be cut as short
                    return fallBack(in, "Copywriter " + model + "'s answer was cut off at " + (reply.completionTokens()
                            > 0 ? reply.completionTokens() + " tokens" : "its token limit") + " (" + e.getMessage()
                            + "): " + limit.cutFix());
                }
                messages.add(ChatClient.Message.assistant(answer));
                messages.add(ChatClient.Message.user("That answer is not usable: " + e.getMessage()
                        + ". Answer again with the JSON object only."));
            }
        }
        return fallBack(in, "Copywriter " + model + " gave no usable answer twice");
    }

    /** The model, the endpoint, the token limit and the prompt: other ones write the copy again. */
    @Override
    public String settings() {
        return "openai:" + model + "\n" + endpoint + "\n" + limit.maxTokens() + "\n" + SYSTEM;
    }

    private Written fallBack(CopyInput in, String why) {
        LOG.debug("{}; using the built-in copy", why);
        return new Written(fallback.write(in), BUILT_IN, why + "; using the built-in copy");
    }

    static String prompt(CopyInput in) {
        List<String> tags = in.keyframeTags().stream().filter(t -> t.score() >= HeuristicCopywriter.MIN_TAG_SCORE)
                .map(ScoredTag::name).limit(10).toList();
        return "Hook: " + in.hookText() + "\nKey phrases: " + String.join(", ", KeyPhrases.of(in.clipText(),
                in.videoText(), 8)) + "\nWhat the picture shows (image tags): " + String.join(", ", tags)
                + (in.screenText().isEmpty() ? "" : "\nOn-screen text: " + String.join(" | ", in.screenText()))
                + (in.screenTitle().isEmpty() ? "" : "\nOn-screen title: " + in.screenTitle())
                + "\nTranscript:\n" + in.clipText();
    }

    /** Validates the model's JSON; throws IllegalArgumentException saying what is wrong. */
    static ClipCopy parse(String answer) {
        JsonNode node;
        try {
            String body = answer.strip().replaceAll("^```(json)?|```$", "").strip();
            node = JSON.readTree(body);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("it is not JSON");
        }
        String title = node.path("title").asText("").strip();
        String description = node.path("description").asText("").strip();
        if (title.isEmpty() || title.length() > Platform.YOUTUBE.titleMax()) {
            throw new IllegalArgumentException("\"title\" must have 1 to 100 characters");
        }
        List<String> tags = new ArrayList<>();
        node.path("hashtags").forEach(t -> {
            String h = HeuristicCopywriter.hashtag(t.asText());
            if (h.length() >= 2 && !tags.contains(h)) {
                tags.add(h);
            }
        });
        if (tags.size() < HeuristicCopywriter.MIN_TAGS) {
            throw new IllegalArgumentException("\"hashtags\" needs 3 to 8 entries");
        }
        return new ClipCopy(HeuristicCopywriter.title(title), description,
                tags.subList(0, Math.min(HeuristicCopywriter.MAX_TAGS, tags.size())));
    }
}
