package dev.tagline.video.highlight;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tagline.inference.openai.AnswerLimit;
import dev.tagline.inference.openai.ChatClient;
import dev.tagline.inference.openai.OpenAiEndpoint;
import dev.tagline.inference.openai.RetryPolicy;
import dev.tagline.testkit.openai.FakeOpenAiServer;
import dev.tagline.video.transcript.Word;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The judge against the fake chat-completions server: valid, invalid and hallucinated-range answers. */
class LlmJudgeTest {
    private final FakeOpenAiServer server = FakeOpenAiServer.start();
    private final List<Sentence> sentences;
    private final BoundarySnapper snapper;
    private final ClipSignals signals = new ClipSignals(Duration.ofMinutes(3), Optional.empty(), Optional.empty(),
            List.of(), List.of(), List.of(), List.of(), true);

    LlmJudgeTest() {
        String[] text = new String[30];
        for (int i = 0; i < text.length; i++) {
            text[i] = i == 5 ? "Why do 90% of rebases fail?" : "Step " + i + " of the setup is this one.";
        }
        List<Word> words = Words.of(0, 1.2, text);
        sentences = OpenNlpSentences.english().split(words);
        snapper = new BoundarySnapper(words, List.of(), true, Duration.ofMinutes(3));
    }

    @AfterEach
    void tearDown() {
        server.close();
    }

    private LlmJudge judge() {
        return judge(LlmJudge.DEFAULT_MAX_TOKENS);
    }

    private LlmJudge judge(int maxTokens) {
        OpenAiEndpoint endpoint = OpenAiEndpoint.of(server.baseUrl(), null);
        ChatClient chat = new ChatClient(endpoint, endpoint.newHttpClient(),
                new RetryPolicy(2, Duration.ofMillis(1), Duration.ofMillis(5)), Duration.ofSeconds(10), d -> { },
                Clock.systemUTC());
        return new LlmJudge(chat, "judge-model", DurationBand.MEDIUM, new AnswerLimit("--judge-max-tokens",
                maxTokens));
    }

    private static String clip(int from, int to, int score) {
        return "{\"start_sentence\": " + from + ", \"end_sentence\": " + to + ", \"score\": " + score
                + ", \"sub_scores\": {\"hook\": 90, \"payoff\": 70, \"coherence\": 80},"
                + " \"hook_text\": \"Why do 90% of rebases fail?\", \"reason\": \"Opens on a number. More text.\"}";
    }

    private void answers(String... contents) {
        Deque<String> queue = new ArrayDeque<>(List.of(contents));
        server.answers(call -> queue.isEmpty() ? "{\"clips\": []}" : queue.poll());
    }

    /**
     * A reasoning model that thought until the limit came back as an unclosed {@code <think>} block: that was "the
     * answer is not valid JSON" twice, without the reason or the fix; the fix names --judge-max-tokens.
     */
    @Test
    void aReasoningModelThatWroteNoAnswerIsNotedWithTheFixNotAsInvalidJson() {
        server.reasoningParser("reasoning_content");
        answers("<think>Okay, I need to pick clips. Sentence 5 is a question with a number, which is a strong"
                + " hook.</think>{\"clips\": []}");
        LlmJudge.Result result = judge(20).judge(sentences, snapper, signals);
        assertEquals(1, result.notes().size(), result.notes().toString());
        String note = result.notes().get(0);
        assertTrue(note.startsWith("The judge wrote no answer on sentences 0-"), note);
        assertTrue(note.contains(": the model used all 20 tokens reasoning and wrote no answer: raise"
                + " --judge-max-tokens (now 20) and, if it is lower, the server's own limit"), note);
        assertTrue(note.endsWith("or turn the model's thinking off; the built-in scorer was used."), note);
        assertFalse(note.contains("JSON"), note);
        assertEquals(1, server.chats().size(), "not asked again");
        assertFalse(result.clips().isEmpty(), "the built-in scorer's clips");
    }

    /**
     * The judge sent no max_tokens, so the server's default applied (16 tokens on some, none on others); now it sends
     * --judge-max-tokens, and an answer cut off there is noted with that option to raise, not asked again.
     */
    @Test
    void theJudgeSentNoMaxTokens_nowItSendsItsLimitAndACutAnswerNamesTheOptionToRaise() {
        answers("{\"clips\": [" + clip(5, 14, 88) + "]}");
        assertEquals(1, judge().judge(sentences, snapper, signals).clips().size());
        assertEquals(LlmJudge.DEFAULT_MAX_TOKENS, server.chats().get(0).maxTokens());
        answers("{\"clips\": [" + clip(5, 14, 88) + "]}");
        LlmJudge.Result cut = judge(10).judge(sentences, snapper, signals);
        assertEquals(10, server.chats().get(1).maxTokens());
        assertEquals(2, server.chats().size(), "not asked again: it would be cut as short");
        assertEquals(1, cut.notes().size(), cut.notes().toString());
        String note = cut.notes().get(0);
        assertTrue(note.startsWith("The judge's answer on sentences 0-"), note);
        assertTrue(note.contains(" was cut off at 10 tokens (the answer is not valid JSON"), note);
        assertTrue(note.endsWith("raise --judge-max-tokens (now 10) and, if it is lower, the server's own limit; the"
                + " built-in scorer was used."), note);
        assertFalse(cut.clips().isEmpty(), "the built-in scorer's clips");
    }

    @Test
    void validAnswerIsMappedBackToWordTimes() {
        answers("```json\n{\"clips\": [" + clip(5, 14, 88) + "]}\n```");
        LlmJudge.Result result = judge().judge(sentences, snapper, signals);
        assertEquals(1, result.clips().size(), result.toString());
        ScoredClip c = result.clips().get(0);
        assertEquals(88, c.score());
        assertEquals(sentences.get(5).start().minus(BoundarySnapper.MAX_LEAD), c.candidate().start());
        assertEquals(sentences.get(14).end().plus(BoundarySnapper.MAX_TAIL), c.candidate().end());
        assertEquals("Opens on a number.", c.reason());
        assertEquals(90, c.subScores().hook());
        assertTrue(result.notes().isEmpty(), result.notes().toString());
        FakeOpenAiServer.ChatCall call = server.chats().get(0);
        assertTrue(call.jsonObject());
        assertTrue(call.lastUser().contains("[5] (2 s) Why do 90% of rebases fail?"), call.lastUser());
        assertFalse(call.lastUser().matches("(?s).*\\d+:\\d{2}.*"), "no timestamps: " + call.lastUser());
    }

    @Test
    void invalidJsonIsRetriedOnceWithTheReason() {
        answers("Sure! Here are the clips: ...", "{\"clips\": [" + clip(5, 14, 70) + "]}");
        LlmJudge.Result result = judge().judge(sentences, snapper, signals);
        assertEquals(2, server.chats().size());
        assertTrue(server.chats().get(1).lastUser().startsWith("That answer was invalid: the answer is not valid JSON"),
                server.chats().get(1).lastUser());
        assertEquals(70, result.clips().get(0).score());
    }

    @Test
    void hallucinatedRangeTwiceFallsBackToTheBuiltInScorer() {
        answers("{\"clips\": [" + clip(5, 250, 99) + "]}", "{\"clips\": [" + clip(40, 45, 99) + "]}");
        LlmJudge.Result result = judge().judge(sentences, snapper, signals);
        assertEquals(2, server.chats().size());
        assertTrue(server.chats().get(1).lastUser().contains("outside 0-29 (there is no such sentence"),
                server.chats().get(1).lastUser());
        assertTrue(result.notes().get(0).startsWith("The judge answered invalidly twice on sentences 0-29"),
                result.notes().toString());
        assertFalse(result.clips().isEmpty(), "heuristic candidates instead");
        assertTrue(result.clips().stream().noneMatch(c -> c.score() == 99));
    }

    @Test
    void clipsOutsideTheBandAreDroppedAndServerFailuresFallBack() {
        answers("{\"clips\": [" + clip(5, 6, 80) + "]}");
        LlmJudge.Result result = judge().judge(sentences, snapper, signals);
        assertTrue(result.clips().isEmpty());
        assertTrue(result.notes().get(0).contains("outside 30-60 s"), result.notes().toString());
        server.failNext(500, Map.of()).failNext(500, Map.of());
        LlmJudge.Result failed = judge().judge(sentences, snapper, signals);
        assertTrue(failed.notes().get(0).startsWith("The judge failed on sentences 0-29"), failed.notes().toString());
        assertFalse(failed.clips().isEmpty());
    }

    @Test
    void longTranscriptsGoInOverlappingParts() {
        List<Sentence> many = new java.util.ArrayList<>();
        for (int i = 0; i < 600; i++) {
            many.add(new Sentence(i, Duration.ofSeconds(5L * i), Duration.ofSeconds(5L * i + 4), "s", List.of()));
        }
        List<List<Sentence>> parts = LlmJudge.parts(many);
        assertEquals(3, parts.size());
        assertEquals(240, parts.get(0).size(), "1,200 s of 5 s sentences");
        assertTrue(parts.get(1).get(0).id() < parts.get(0).get(239).id(), "overlap");
        assertEquals(599, parts.get(2).get(parts.get(2).size() - 1).id());
    }
}
