package dev.tagline.video.copy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tagline.images.tag.ScoredTag;
import dev.tagline.inference.openai.AnswerLimit;
import dev.tagline.inference.openai.ChatClient;
import dev.tagline.inference.openai.OpenAiEndpoint;
import dev.tagline.testkit.openai.FakeOpenAiServer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class LlmCopywriterTest {
    static LlmCopywriter writer(FakeOpenAiServer server) {
        return writer(server, LlmCopywriter.DEFAULT_MAX_TOKENS);
    }

    static LlmCopywriter writer(FakeOpenAiServer server, int maxTokens) {
        return new LlmCopywriter(new ChatClient(OpenAiEndpoint.of(server.baseUrl(), null), Duration.ofSeconds(10)),
                "copy-model", new HeuristicCopywriter(), new AnswerLimit("--copywriter-max-tokens", maxTokens));
    }

    static CopyInput input() {
        return new CopyInput(CopyTest.CLIP, "Snapshot testing catches regressions early.", CopyTest.VIDEO,
                List.of(new ScoredTag("whiteboard", 0.9)), List.of("Jest snapshot tests", "npm test -- -u"),
                "Jest snapshot tests");
    }

    @Test
    void theModelsJsonBecomesTheCopyAndItSeesTranscriptAndTags() {
        try (FakeOpenAiServer server = FakeOpenAiServer.start()) {
            server.answers(call -> "{\"title\":\"Why snapshots save you\",\"description\":\"Snapshots catch "
                    + "regressions.\",\"hashtags\":[\"#testing\",\"snapshots\",\"dev tips\"]}");
            ClipCopy copy = writer(server).write(input());
            assertEquals("Why snapshots save you", copy.title());
            assertEquals(List.of("testing", "snapshots", "devtips"), copy.hashtags());
            FakeOpenAiServer.ChatCall call = server.chats().get(0);
            assertEquals("copy-model", call.model());
            assertTrue(call.jsonObject());
            assertTrue(call.lastUser().contains("whiteboard") && call.lastUser().contains("Review every snapshot"),
                    call.lastUser());
            assertTrue(call.lastUser().contains("On-screen text: Jest snapshot tests | npm test -- -u"),
                    call.lastUser());
            assertTrue(call.lastUser().contains("On-screen title: Jest snapshot tests"), call.lastUser());
        }
    }

    @Test
    void anUnusableAnswerIsRetriedOnceThenTheBuiltInCopyIsUsed() {
        try (FakeOpenAiServer server = FakeOpenAiServer.start()) {
            AtomicInteger calls = new AtomicInteger();
            server.answers(call -> calls.incrementAndGet() == 1 ? "no json here"
                    : "{\"title\":\"Fixed\",\"description\":\"d\",\"hashtags\":[\"aa\",\"bb\",\"cc\"]}");
            assertEquals("Fixed", writer(server).write(input()).title());
            assertTrue(server.chats().get(1).lastUser().contains("not JSON"), server.chats().get(1).lastUser());
            server.answers(call -> "{\"title\":\"\"}");
            assertEquals(new HeuristicCopywriter().write(input()), writer(server).write(input()));
        }
    }

    /**
     * A reasoning model that thought until the limit came back as an unclosed {@code <think>} block: that was "not
     * JSON", asked again (thinking as long), then the built-in copy without the reason; the fix names
     * --copywriter-max-tokens.
     */
    @Test
    void aReasoningModelThatWroteNoAnswerSaysSoWithTheFixNotNotJson() {
        String text;
        try (FakeOpenAiServer server = FakeOpenAiServer.start()) {
            server.reasoningParser("reasoning_content").answers(call -> "<think>Okay, the user wants"
                    + " a title. Let me think about what the clip says first.</think>{\"title\":\"T\"}");
            Copywriter.Written written = writer(server, 12).writeTraced(input());
            assertEquals(new HeuristicCopywriter().write(input()), written.copy());
            assertEquals(Copywriter.BUILT_IN, written.source());
            assertEquals(1, server.chats().size(), "not asked again");
            text = written.fallback();
        }
        assertTrue(text.contains("Copywriter copy-model wrote no copy: the model used all 12 tokens reasoning and"
                + " wrote no answer: raise --copywriter-max-tokens (now 12) and, if it is lower, the server's own"
                + " limit"), text);
        assertTrue(text.contains("or turn the model's thinking off; using the built-in copy"), text);
        assertFalse(text.contains("not JSON"), text);
    }

    /**
     * The copywriter sent no max_tokens, so the server's default applied; now it sends --copywriter-max-tokens, and
     * an answer cut off there falls back at once with a warning naming that option.
     */
    @Test
    void theCopywriterSentNoMaxTokens_nowItSendsItsLimitAndACutAnswerNamesTheOptionToRaise() {
        String text;
        try (FakeOpenAiServer server = FakeOpenAiServer.start()) {
            server.answers(call -> "{\"title\":\"Why snapshots save you\",\"description\":\"Snapshots catch "
                    + "regressions.\",\"hashtags\":[\"testing\",\"snapshots\",\"devtips\"]}");
            Copywriter.Written answered = writer(server).writeTraced(input());
            assertEquals("Why snapshots save you", answered.copy().title());
            assertEquals("openai:copy-model", answered.source());
            assertEquals(null, answered.fallback());
            assertEquals(LlmCopywriter.DEFAULT_MAX_TOKENS, server.chats().get(0).maxTokens());
            Copywriter.Written written = writer(server, 8).writeTraced(input());
            assertEquals(new HeuristicCopywriter().write(input()), written.copy());
            assertEquals(8, server.chats().get(1).maxTokens());
            assertEquals(2, server.chats().size(), "not asked again: it would be cut as short");
            text = written.fallback();
        }
        assertTrue(text.contains("Copywriter copy-model's answer was cut off at 8 tokens (it is not JSON): raise"
                + " --copywriter-max-tokens (now 8) and, if it is lower, the server's own limit; using the built-in"
                + " copy"), text);
    }

    /** A server without a reasoning parser sends the closed thinking before the JSON; that was "not JSON". */
    @Test
    void theAnswerAfterAClosedThinkBlockIsTheCopy() {
        try (FakeOpenAiServer server = FakeOpenAiServer.start()) {
            server.answers(call -> "<think>Short clip about snapshots.</think>\n{\"title\":\"Snapshots\","
                    + "\"description\":\"d\",\"hashtags\":[\"aa\",\"bb\",\"cc\"]}");
            assertEquals("Snapshots", writer(server).write(input()).title());
            assertEquals(1, server.chats().size());
        }
    }

    @Test
    void aFailingServerFallsBackToTheBuiltInCopy() {
        try (FakeOpenAiServer server = FakeOpenAiServer.start()) {
            String url = server.baseUrl();
            server.close();
            LlmCopywriter writer = new LlmCopywriter(new ChatClient(OpenAiEndpoint.of(url, null),
                    Duration.ofSeconds(2)), "m", new HeuristicCopywriter());
            assertEquals(new HeuristicCopywriter().write(input()), writer.write(input()));
        }
    }
}
