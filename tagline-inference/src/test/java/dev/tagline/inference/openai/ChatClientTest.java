package dev.tagline.inference.openai;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tagline.testkit.openai.FakeOpenAiServer;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ChatClientTest {
    private final FakeOpenAiServer server = FakeOpenAiServer.start();
    private final List<Duration> slept = new ArrayList<>();

    @AfterEach
    void tearDown() {
        server.close();
    }

    private ChatClient client() {
        return new ChatClient(OpenAiEndpoint.of(server.baseUrl(), "sk-x"), HttpClient.newHttpClient(),
                RetryPolicy.DEFAULT, Duration.ofSeconds(10), slept::add, Clock.systemUTC());
    }

    @Test
    void sendsMessagesInJsonModeAndReadsTheFirstChoice() {
        server.requireApiKey("sk-x").answers(call -> "{\"echo\": \"" + call.lastUser() + "\"}");
        ChatClient.Reply reply = client().complete(new ChatClient.Request("gpt-4o-mini",
                List.of(ChatClient.Message.system("Answer in JSON."), ChatClient.Message.user("hi")), 0.2, true));
        assertEquals("{\"echo\": \"hi\"}", reply.content());
        assertEquals("stop", reply.finishReason());
        FakeOpenAiServer.ChatCall call = server.chats().get(0);
        assertTrue(call.jsonObject());
        assertEquals(0.2, call.temperature(), 1e-9);
        assertEquals("system", call.messages().get(0).role());
    }

    @Test
    void jsonModeWithoutTheWordJsonIsRefusedLikeOpenAiDoes() {
        OpenAiException e = assertThrows(OpenAiException.class, () -> client().complete(new ChatClient.Request("m",
                List.of(ChatClient.Message.user("hi")), 0, true)));
        assertEquals(400, e.status());
        assertTrue(e.getMessage().contains("must contain the word 'json'"), e.getMessage());
    }

    @Test
    void retriesRateLimits() {
        server.failNext(429, Map.of("Retry-After", "1"));
        assertEquals("OK", client().complete(new ChatClient.Request("m", List.of(ChatClient.Message.user("hi")), 0,
                false)).content());
        assertEquals(List.of(Duration.ofSeconds(1)), slept);
    }
}
