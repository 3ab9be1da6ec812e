package dev.tagline.images.caption;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tagline.core.RgbImage;
import dev.tagline.inference.openai.ChatClient;
import dev.tagline.inference.openai.OpenAiEndpoint;
import dev.tagline.inference.openai.OpenAiException;
import dev.tagline.inference.openai.RetryPolicy;
import dev.tagline.testkit.openai.FakeOpenAiServer;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The HTTP captioner against the fake OpenAI-compatible server. */
class OpenAiCaptionerTest {
    private final FakeOpenAiServer server = FakeOpenAiServer.start();
    private final List<Duration> slept = Collections.synchronizedList(new ArrayList<>());

    @AfterEach
    void tearDown() {
        server.close();
    }

    private OpenAiCaptioner captioner(int concurrency, int maxSide) {
        OpenAiEndpoint endpoint = OpenAiEndpoint.of(server.baseUrl(), "sk-test");
        ChatClient chat = new ChatClient(endpoint, endpoint.newHttpClient(), RetryPolicy.DEFAULT,
                Duration.ofSeconds(10), slept::add, Clock.systemUTC());
        return new OpenAiCaptioner(chat, "llava:13b", concurrency, maxSide, true);
    }

    static RgbImage solid(int w, int h, int rgb) {
        byte[] px = new byte[3 * w * h];
        for (int i = 0; i < px.length; i += 3) {
            px[i] = (byte) (rgb >> 16);
            px[i + 1] = (byte) (rgb >> 8);
            px[i + 2] = (byte) rgb;
        }
        return new RgbImage(w, h, px);
    }

    static CaptionRequest request(String prompt, String system) {
        return new CaptionRequest(PromptTemplate.parse(prompt), Optional.ofNullable(system), GenerationSettings.VLM);
    }

    static CaptionInput input(String name, RgbImage image, List<String> tags) {
        return CaptionInput.of(image, Path.of("/data/cats/" + name), tags);
    }

    @Test
    void sendsEachImageAsAScaledJpegWithTheRenderedPromptAndSystem() throws IOException {
        server.requireApiKey("sk-test").answers(call -> "A red square about " + call.lastUser());
        try (OpenAiCaptioner c = captioner(2, 256)) {
            List<Caption> out = c.caption(List.of(input("a.png", solid(1000, 500, 0xFF0000), List.of("red")),
                    input("b.png", solid(100, 80, 0x00FF00), List.of())), request("Describe {name} ({tags}).",
                    "You caption images."));
            assertEquals("A red square about Describe a (red).", out.get(0).text());
            assertEquals("A red square about Describe b ().", out.get(1).text());
            assertTrue(out.get(0).promptTokens() > 85 && out.get(0).completionTokens() > 0, out.get(0).toString());
        }
        FakeOpenAiServer.ChatCall call = server.chats().stream().filter(c -> c.lastUser().contains("Describe a"))
                .findFirst().orElseThrow();
        assertEquals("system", call.messages().get(0).role());
        assertEquals("You caption images.", call.messages().get(0).content());
        assertEquals(100, call.maxTokens(), "GenerationSettings.VLM's max tokens are sent");
        BufferedImage sent = ImageIO.read(new ByteArrayInputStream(call.images().get(0)));
        assertEquals(256, sent.getWidth());
        assertEquals(128, sent.getHeight());
        int rgb = sent.getRGB(128, 64);
        assertTrue((rgb >> 16 & 0xff) > 240 && (rgb >> 8 & 0xff) < 15, Integer.toHexString(rgb));
    }

    @Test
    void aPreparedImageKeepsOnlyTheScaledPixelsWhileItWaits() {
        try (OpenAiCaptioner c = captioner(1, 256)) {
            Captioner.Prepared p = c.prepare(input("big.png", solid(4000, 3000, 0x336699), List.of("sky")));
            assertEquals(256, p.input().image().width());
            assertEquals(192, p.input().image().height());
            assertEquals(0x336699, p.input().image().rgb(100, 100));
            assertEquals(List.of("sky"), p.input().tags());
            assertTrue(((String) p.payload()).startsWith("data:image/jpeg;base64,/9j/"));
        }
    }

    @Test
    void neverHasMoreRequestsInFlightThanAskedAndKeepsTheOrder() {
        server.delay(Duration.ofMillis(150)).answers(call -> call.lastUser());
        List<CaptionInput> inputs = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            inputs.add(input("img" + i + ".png", solid(8, 8, 0x808080), List.of()));
        }
        try (OpenAiCaptioner c = captioner(3, 64)) {
            List<Caption> out = c.caption(inputs, request("{name}", null));
            for (int i = 0; i < 9; i++) {
                assertEquals("img" + i, out.get(i).text());
            }
        }
        assertEquals(3, server.peakInFlight());
    }

    @Test
    void honoursRetryAfterOnRateLimits() {
        server.failNext(429, Map.of("Retry-After", "3"));
        try (OpenAiCaptioner c = captioner(1, 64)) {
            assertEquals("OK", c.caption(List.of(input("a.png", solid(4, 4, 0), List.of())), request("x", null))
                    .get(0).text());
        }
        assertEquals(List.of(Duration.ofSeconds(3)), slept);
    }

    @Test
    void aServerErrorFailsOnlyItsImage() {
        server.answers(call -> {
            if (call.lastUser().equals("bad")) {
                throw new IllegalStateException("model crashed");
            }
            return "fine";
        });
        try (OpenAiCaptioner c = captioner(2, 64)) {
            CaptionBatchException e = assertThrows(CaptionBatchException.class, () -> c.caption(List.of(
                    input("good.png", solid(4, 4, 0), List.of()), input("bad.png", solid(4, 4, 0), List.of())),
                    request("{name}", null)));
            assertEquals("fine", e.caption(0).orElseThrow().text());
            assertTrue(e.caption(1).isEmpty());
            OpenAiException failure = (OpenAiException) e.failure(1).orElseThrow();
            assertEquals(500, failure.status());
            assertTrue(failure.getMessage().contains("for bad.png"), failure.getMessage());
        }
    }

    @Test
    void anUnknownModelFailsTheWholeBatchAtOnce() {
        server.models("llava:7b");
        try (OpenAiCaptioner c = captioner(2, 64)) {
            OpenAiException e = assertThrows(OpenAiException.class, () -> c.caption(List.of(
                    input("a.png", solid(4, 4, 0), List.of())), request("x", null)));
            assertTrue(e.affectsEveryRequest());
            assertTrue(e.getMessage().contains("llava:13b"), e.getMessage());
        }
    }

    @Test
    void textOnlySendsNoImage() {
        ChatClient chat = new ChatClient(OpenAiEndpoint.of(server.baseUrl(), null), Duration.ofSeconds(5));
        try (OpenAiCaptioner c = new OpenAiCaptioner(chat, "qwen2.5", 1, 64, false)) {
            c.caption(List.of(input("a.png", solid(4, 4, 0), List.of("cat", "sofa"))),
                    request("Write a caption using {tags}.", null));
            assertTrue(c.describe().contains("text only"), c.describe());
        }
        assertFalse(server.chats().get(0).images().size() > 0);
        assertEquals("Write a caption using cat, sofa.", server.chats().get(0).lastUser());
    }

    @Test
    void badSettingsAreUsageErrors() {
        ChatClient chat = new ChatClient(OpenAiEndpoint.of(server.baseUrl(), null), Duration.ofSeconds(5));
        assertTrue(assertThrows(dev.tagline.core.TaglineException.class,
                () -> new OpenAiCaptioner(chat, "m", 0, 64, true)).getMessage().contains("--concurrency"));
        try (OpenAiCaptioner c = new OpenAiCaptioner(chat, "m", 1, 64, true)) {
            CaptionRequest beams = new CaptionRequest(PromptTemplate.parse("x", Set.of()), Optional.empty(),
                    new GenerationSettings(50, 3, 0, 1, 1, 3));
            assertTrue(assertThrows(dev.tagline.core.TaglineException.class, () -> c.caption(List.of(
                    input("a.png", solid(4, 4, 0), List.of())), beams)).getMessage().contains("--beams 3"));
        }
    }
}
