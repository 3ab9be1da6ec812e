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
        OpenAiEndpoint endpoint = OpenAiEndpoint.of(server.baseUrl(), "sk-x");
        return new ChatClient(endpoint, endpoint.newHttpClient(), RetryPolicy.DEFAULT, Duration.ofSeconds(10),
                slept::add, Clock.systemUTC());
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

    @Test
    void anAccountOutOfQuotaIsNotRetriedAndStopsTheRun() {
        server.outOfQuotaNext();
        OpenAiException e = assertThrows(OpenAiException.class, () -> client().complete(new ChatClient.Request("m",
                List.of(ChatClient.Message.user("hi")), 0, false)));
        assertEquals(List.of(), slept, "no wait helps");
        assertEquals(429, e.status());
        assertTrue(e.affectsEveryRequest(), "the next image would get it too");
        assertTrue(e.getMessage().contains("the account has no quota left (You exceeded your current quota"),
                e.getMessage());
        assertTrue(e.hint().startsWith("Add credit or raise the quota"), e.hint());
    }

    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H'};

    private static String dataUrl(byte[] bytes) {
        return "data:image/png;base64," + java.util.Base64.getEncoder().encodeToString(bytes);
    }

    @Test
    void sendsImagesAsContentPartsAndReadsUsage() {
        ChatClient.Reply reply = client().complete(new ChatClient.Request("llava", List.of(
                ChatClient.Message.system("You caption images."),
                ChatClient.Message.user("Describe it.", List.of(dataUrl(PNG)))), 0, false,
                new ChatClient.Sampling(50, 0.9, 1.1)));
        FakeOpenAiServer.ChatCall call = server.chats().get(0);
        assertEquals("Describe it.", call.lastUser());
        assertEquals(1, call.images().size());
        org.junit.jupiter.api.Assertions.assertArrayEquals(PNG, call.images().get(0));
        assertEquals(50, call.maxTokens());
        assertEquals(0.9, call.topP(), 1e-9);
        assertEquals(1.1, call.repetitionPenalty(), 1e-9);
        assertEquals(call.promptTokens(), reply.promptTokens());
        assertTrue(reply.promptTokens() > 85, "an image counts: " + reply.promptTokens());
        assertEquals(1, reply.completionTokens());
    }

    @Test
    void neutralSamplingFieldsAreLeftOutSoThatStrictServersAcceptTheRequest() {
        String body = ChatClient.body(new ChatClient.Request("m", List.of(ChatClient.Message.user("hi")), 0, false))
                .toString();
        assertTrue(!body.contains("max_tokens") && !body.contains("top_p") && !body.contains("repetition_penalty"),
                body);
    }

    @Test
    void maxTokensCutsTheAnswerAndSaysLength() {
        server.answers(call -> "a very long caption that goes on and on");
        ChatClient.Reply reply = client().complete(new ChatClient.Request("m", List.of(ChatClient.Message.user("hi")),
                0, false, new ChatClient.Sampling(2, 1, 1)));
        assertEquals("a very l", reply.content());
        assertEquals("length", reply.finishReason());
        assertEquals(2, reply.completionTokens());
    }

    @Test
    void anImageInASystemMessageIsRefusedByTheServer() {
        assertThrows(IllegalArgumentException.class, () -> new ChatClient.Message("system", "x",
                List.of(dataUrl(PNG))));
        OpenAiException e = assertThrows(OpenAiException.class, () -> client().complete(new ChatClient.Request("m",
                List.of(ChatClient.Message.user("what?", List.of("data:image/png;base64,bm90IGFuIGltYWdl"))), 0,
                false)));
        assertEquals(400, e.status());
        assertTrue(e.getMessage().contains("unsupported image"), e.getMessage());
    }

    @Test
    void anUnknownModelIsNamedAsSuchAndStopsEveryRequest() {
        server.models("llava:13b");
        OpenAiException e = assertThrows(OpenAiException.class, () -> client().complete(new ChatClient.Request(
                "llava:7b", List.of(ChatClient.Message.user("hi")), 0, false)));
        assertEquals(404, e.status());
        assertTrue(e.getMessage().contains("has no such model: The model `llava:7b` does not exist"),
                e.getMessage());
        assertTrue(e.oneLine().contains("ollama pull"), e.oneLine());
        assertTrue(e.affectsEveryRequest());
        assertTrue(slept.isEmpty(), "a wrong model is not retried");
    }

    @Test
    void ollamaAndVllmModelErrorsAreRecognisedToo() {
        assertTrue(ErrorBody.modelNotFound(404, "{\"error\":{\"message\":\"model \\\"llava\\\" not found, try pulling"
                + " it first\",\"type\":\"api_error\",\"param\":null,\"code\":null}}"));
        assertTrue(ErrorBody.modelNotFound(404, "{\"object\":\"error\",\"message\":\"x\",\"error\":"
                + "\"The model `qwen` does not exist.\"}"));
        assertTrue(!ErrorBody.modelNotFound(404, "{\"error\":{\"message\":\"Invalid URL (POST /v2/chat)\"}}"));
    }

    @Test
    void serverErrorsAreRetriedThenReported() {
        for (int i = 0; i < 4; i++) {
            server.failNext(503, Map.of());
        }
        OpenAiException e = assertThrows(OpenAiException.class, () -> client().complete(new ChatClient.Request("m",
                List.of(ChatClient.Message.user("hi")), 0, false), "cat.jpg"));
        assertEquals(503, e.status());
        assertTrue(e.getMessage().contains("after 4 tries for cat.jpg"), e.getMessage());
        assertEquals(List.of(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4)), slept);
        assertTrue(!e.affectsEveryRequest());
    }

    @Test
    void aSlowServerTimesOutWithAHint() {
        server.delay(Duration.ofMillis(1500));
        OpenAiEndpoint endpoint = OpenAiEndpoint.of(server.baseUrl(), null);
        ChatClient impatient = new ChatClient(endpoint, endpoint.newHttpClient(),
                new RetryPolicy(2, Duration.ofMillis(1), Duration.ofMillis(1)), Duration.ofMillis(300), slept::add,
                Clock.systemUTC());
        OpenAiException e = assertThrows(OpenAiException.class, () -> impatient.complete(new ChatClient.Request("m",
                List.of(ChatClient.Message.user("hi")), 0, false), "dog.png"));
        assertTrue(e.getMessage().contains("did not answer dog.png in time (2 tries)"), e.getMessage());
        assertTrue(e.oneLine().contains("--timeout"), e.oneLine());
    }

    @Test
    void noServerAtTheAddressStopsEveryRequest() throws Exception {
        int port;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        OpenAiEndpoint closed = OpenAiEndpoint.of("http://127.0.0.1:" + port + "/v1", null);
        ChatClient nowhere = new ChatClient(closed, closed.newHttpClient(),
                new RetryPolicy(2, Duration.ofMillis(1), Duration.ofMillis(1)), Duration.ofSeconds(2), slept::add,
                Clock.systemUTC());
        OpenAiException e = assertThrows(OpenAiException.class, () -> nowhere.complete(new ChatClient.Request("m",
                List.of(ChatClient.Message.user("hi")), 0, false)));
        assertTrue(e.getMessage().startsWith("Cannot reach the server at http://127.0.0.1:" + port), e.getMessage());
        assertTrue(e.affectsEveryRequest());
    }

    /** What {@code python -m http.server} answers to a POST. */
    static final String PYTHON_501 = "<!DOCTYPE HTML>\n<html lang=\"en\">\n    <head>\n        <meta charset=\"utf-8\">\n"
            + "        <title>Error response</title>\n    </head>\n    <body>\n        <h1>Error response</h1>\n"
            + "        <p>Error code: 501</p>\n        <p>Message: Unsupported method (&#x27;POST&#x27;).</p>\n"
            + "        <p>Error code explanation: 501 - Server does not support this operation.</p>\n    </body>\n"
            + "</html>\n";

    /** A server that answers every request with {@code status} and {@code body} as text/html. */
    private static com.sun.net.httpserver.HttpServer page(int status, String body) throws java.io.IOException {
        com.sun.net.httpserver.HttpServer http = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0), 0);
        http.createContext("/", exchange -> {
            byte[] bytes = body.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/html;charset=utf-8");
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        http.start();
        return http;
    }

    private ChatClient clientOf(com.sun.net.httpserver.HttpServer http) {
        OpenAiEndpoint endpoint = OpenAiEndpoint.of("http://127.0.0.1:" + http.getAddress().getPort() + "/v1", null);
        return new ChatClient(endpoint, endpoint.newHttpClient(), RetryPolicy.DEFAULT, Duration.ofSeconds(10),
                slept::add, Clock.systemUTC());
    }

    @Test
    void a501FromAPlainFileServerIsAWrongEndpointNotRetriedAndShowsThePagesText() throws Exception {
        com.sun.net.httpserver.HttpServer http = page(501, PYTHON_501);
        try {
            OpenAiException e = assertThrows(OpenAiException.class, () -> clientOf(http).complete(
                    new ChatClient.Request("m", List.of(ChatClient.Message.user("hi")), 0, false), "obama.jpg"));
            assertEquals(501, e.status());
            assertTrue(e.affectsEveryRequest(), "stops the run");
            assertTrue(slept.isEmpty(), "not retried");
            assertTrue(e.getMessage().contains("Error code: 501 Message: Unsupported method ('POST')."),
                    e.getMessage());
            assertTrue(!e.getMessage().contains("<!DOCTYPE") && !e.getMessage().contains("<p>"), e.getMessage());
            assertTrue(e.oneLine().contains("Check --endpoint http://127.0.0.1:" + http.getAddress().getPort()
                    + "/v1: is this the server's /v1 base URL?"), e.oneLine());
        } finally {
            http.stop(0);
        }
    }

    @Test
    void aWebPageWithStatus200IsAWrongEndpointToo() throws Exception {
        com.sun.net.httpserver.HttpServer http = page(200, "<!doctype html><html><head><title>Open WebUI</title>"
                + "<script>var x = 1;</script></head><body></body></html>");
        try {
            OpenAiException e = assertThrows(OpenAiException.class, () -> clientOf(http).complete(
                    new ChatClient.Request("m", List.of(ChatClient.Message.user("hi")), 0, false)));
            assertTrue(e.affectsEveryRequest());
            assertTrue(e.getMessage().contains("answered HTTP 200 with a web page"), e.getMessage());
            assertTrue(e.getMessage().endsWith(": Open WebUI"), "the title when the page shows no text: "
                    + e.getMessage());
        } finally {
            http.stop(0);
        }
    }

    @Test
    void aProxysGatewayPageIsStillRetried() throws Exception {
        com.sun.net.httpserver.HttpServer http = page(502, "<html><head><title>502 Bad Gateway</title></head><body>"
                + "<center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center></body></html>");
        try {
            OpenAiException e = assertThrows(OpenAiException.class, () -> clientOf(http).complete(
                    new ChatClient.Request("m", List.of(ChatClient.Message.user("hi")), 0, false), "a.jpg"));
            assertTrue(!e.affectsEveryRequest());
            assertEquals(3, slept.size());
            assertTrue(e.getMessage().contains("after 4 tries for a.jpg: 502 Bad Gateway nginx"), e.getMessage());
        } finally {
            http.stop(0);
        }
    }
}
