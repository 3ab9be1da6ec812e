package dev.tagline.inference.openai;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tagline.testkit.openai.FakeOpenAiServer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The errors and answers of the local model servers (llama.cpp, LM Studio, Ollama, vLLM) that differ from OpenAI's,
 * against the fake server answering with their bodies word for word (dogfood round 6, H1 to H3).
 */
class ServerQuirksTest {
    private static final byte[] PNG = java.util.Base64.getDecoder().decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAA"
            + "fFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");
    private final FakeOpenAiServer server = FakeOpenAiServer.start();
    private final List<Duration> slept = new ArrayList<>();

    @AfterEach
    void tearDown() {
        server.close();
    }

    private ChatClient client() {
        OpenAiEndpoint endpoint = OpenAiEndpoint.of(server.baseUrl(), null);
        return new ChatClient(endpoint, endpoint.newHttpClient(), RetryPolicy.DEFAULT, Duration.ofSeconds(10),
                slept::add, Clock.systemUTC());
    }

    private ChatClient.Reply captionOne(int maxTokens) {
        return client().complete(new ChatClient.Request("llava:13b", List.of(ChatClient.Message.user("Describe it.",
                List.of("data:image/png;base64," + java.util.Base64.getEncoder().encodeToString(PNG)))), 0, false,
                new ChatClient.Sampling(maxTokens, 1, 1)), "cat.jpg");
    }

    private Duration total() {
        return slept.stream().reduce(Duration.ZERO, Duration::plus);
    }

    @Test
    void vllmsTopLevelModelErrorIsNoSuchModelShownAsItsMessage() {
        server.vllmErrors().models("llava:13b");
        OpenAiException e = assertThrows(OpenAiException.class, () -> client().complete(new ChatClient.Request(
                "llava:7b", List.of(ChatClient.Message.user("hi")), 0, false)));
        assertTrue(e.getMessage().endsWith("has no such model: The model `llava:7b` does not exist."),
                e.getMessage());
        assertTrue(e.hint().contains("GET " + server.baseUrl() + "/models lists them"), e.hint());
        assertFalse(e.hint().contains("Check --endpoint"), e.hint());
        assertTrue(e.affectsEveryRequest());
    }

    @Test
    void vllmsContextLengthErrorIsShownWholeNotAsCutJson() {
        server.vllmErrors().contextWindow(60);
        OpenAiException e = assertThrows(OpenAiException.class, () -> captionOne(100));
        assertEquals(400, e.status());
        assertTrue(e.getMessage().contains(": This model's maximum context length is 60 tokens. However, you"
                + " requested"), e.getMessage());
        assertTrue(e.getMessage().endsWith("Please reduce the length of the messages or completion."),
                e.getMessage());
        assertFalse(e.getMessage().contains("{"), e.getMessage());
    }

    @Test
    void llamaCppWithoutItsVisionProjectorStopsTheRunAtOnceWithTheFix() {
        server.withoutVisionProjector();
        OpenAiException e = assertThrows(OpenAiException.class, () -> captionOne(50));
        assertEquals(500, e.status());
        assertTrue(e.getMessage().contains("for cat.jpg: image input is not supported"), e.getMessage());
        assertTrue(e.hint().contains("start llama-server with --mmproj"), e.hint());
        assertTrue(e.affectsEveryRequest(), "every image would get it");
        assertTrue(slept.isEmpty(), "not retried: " + slept);
        assertEquals(1, server.chats().size());
    }

    @Test
    void lmStudioWithNoModelLoadedStopsTheRunAtOnceWithTheFix() {
        server.noModelLoaded();
        OpenAiException e = assertThrows(OpenAiException.class, () -> captionOne(50));
        assertEquals(400, e.status());
        assertTrue(e.getMessage().contains("No models loaded."), e.getMessage());
        assertTrue(e.hint().startsWith("LM Studio has no model loaded: load one (lms load MODEL"), e.hint());
        assertTrue(e.affectsEveryRequest());
    }

    @Test
    void aServerLoadingItsModelIsWaitedForLongerThanAFailureIs() {
        server.loadingModelFor(6).answers(call -> "A cat.");
        assertEquals("A cat.", captionOne(50).content());
        assertTrue(total().compareTo(Duration.ofSeconds(7)) > 0, "longer than the 1 + 2 + 4 s a failure gets: "
                + slept);
        assertTrue(slept.stream().allMatch(d -> d.compareTo(HttpCalls.NOT_READY_STEP) <= 0), slept.toString());
    }

    @Test
    void aServerLoadingItsModelIsToldToTheCallerOnceIn20SecondsNotLogged() {
        List<String> told = new ArrayList<>();
        OpenAiEndpoint endpoint = OpenAiEndpoint.of(server.baseUrl(), null);
        ChatClient chat = new ChatClient(endpoint, endpoint.newHttpClient(), RetryPolicy.DEFAULT,
                Duration.ofSeconds(10), slept::add, Clock.systemUTC(), told::add);
        server.loadingModelFor(3).answers(call -> "A cat.");
        assertEquals("A cat.", chat.complete(new ChatClient.Request("llava:13b", List.of(ChatClient.Message.user(
                "hi")), 0, false)).content());
        assertEquals(List.of("waiting for " + server.baseUrl() + ": Loading model (up to 120 s)"), told,
                "the 1 + 2 s waits after it are within 20 s of it");
    }

    @Test
    void aServerStillLoadingAfterTwoMinutesStopsTheRun() {
        server.loadingModelFor(100);
        OpenAiException e = assertThrows(OpenAiException.class, () -> captionOne(50));
        assertTrue(e.getMessage().contains("was still loading its model after"), e.getMessage());
        assertTrue(e.affectsEveryRequest());
        assertTrue(total().compareTo(HttpCalls.NOT_READY_WAIT) <= 0, "bounded: " + total());
        assertTrue(total().compareTo(Duration.ofSeconds(100)) > 0, "a couple of minutes: " + total());
    }

    /** Dogfood round 7 J13: "waiting … (up to 120 s)" was followed by "still loading its model after 115 s". */
    @Test
    void theAnnouncedTwoMinutesOfWaitingForALoadingServerAreWaitedInFullNot115Seconds() {
        List<String> told = new ArrayList<>();
        OpenAiEndpoint endpoint = OpenAiEndpoint.of(server.baseUrl(), null);
        ChatClient chat = new ChatClient(endpoint, endpoint.newHttpClient(), RetryPolicy.DEFAULT,
                Duration.ofSeconds(10), slept::add, Clock.systemUTC(), told::add);
        server.loadingModelFor(100);
        OpenAiException e = assertThrows(OpenAiException.class, () -> chat.complete(new ChatClient.Request(
                "llava:13b", List.of(ChatClient.Message.user("hi")), 0, false)));
        assertEquals("waiting for " + server.baseUrl() + ": Loading model (up to 120 s)", told.get(0));
        assertEquals(HttpCalls.NOT_READY_WAIT, total(), slept.toString());
        assertTrue(e.getMessage().contains("was still loading its model after 120 s of waiting"), e.getMessage());
    }

    /** Every 20 s the same "(up to 120 s)" line came back, as if the wait had not moved on. */
    @Test
    void theRepeatedWaitingLineSaysTheTimeLeftNotUpTo120SecondsEachTime() {
        List<String> told = new ArrayList<>();
        Instant start = Instant.parse("2025-01-01T00:00:00Z");
        Clock sleptClock = new Clock() {
            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return start.plus(total());
            }
        };
        OpenAiEndpoint endpoint = OpenAiEndpoint.of(server.baseUrl(), null);
        ChatClient chat = new ChatClient(endpoint, endpoint.newHttpClient(), RetryPolicy.DEFAULT,
                Duration.ofSeconds(10), slept::add, sleptClock, told::add);
        server.loadingModelFor(100);
        assertThrows(OpenAiException.class, () -> chat.complete(new ChatClient.Request("llava:13b",
                List.of(ChatClient.Message.user("hi")), 0, false)));
        String line = "waiting for " + server.baseUrl() + ": Loading model ";
        assertEquals(List.of(line + "(up to 120 s)", line + "(95 s left)", line + "(75 s left)",
                line + "(55 s left)", line + "(35 s left)", line + "(15 s left)"), told, slept.toString());
    }

    @Test
    void ollamaBusyIsWaitedOut() {
        server.busyFor(5).answers(call -> "A cat.");
        assertEquals("A cat.", captionOne(50).content());
        assertEquals(5, slept.size());
    }

    @Test
    void reasoningThatUsedUpMaxTokensComesBackAsAnOpenThinkBlockWithItsUsage() {
        server.reasoningParser("reasoning_content").answers(call -> "<think>Okay, the user wants a caption. Let me"
                + " look at the image carefully.</think>A cat.");
        ChatClient.Reply reply = captionOne(8);
        assertTrue(reply.content().startsWith("<think>Okay, the user"), reply.content());
        assertFalse(reply.content().contains("</think>"), reply.content());
        assertEquals("length", reply.finishReason());
        assertEquals(8, reply.completionTokens());
        assertTrue(reply.promptTokens() > 0);
    }

    @Test
    void reasoningBesideAnAnswerLeavesTheAnswerAlone() {
        server.reasoningParser("reasoning").answers(call -> "<think>A cat, plainly.</think>A cat.");
        assertEquals("A cat.", captionOne(100).content());
    }
}
