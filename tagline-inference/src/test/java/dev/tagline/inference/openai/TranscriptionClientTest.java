package dev.tagline.inference.openai;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tagline.testkit.openai.FakeOpenAiServer;
import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TranscriptionClientTest {
    @TempDir
    Path dir;
    private FakeOpenAiServer server;
    private final List<Duration> slept = new ArrayList<>();
    private Path wav;

    @BeforeEach
    void setUp() throws IOException {
        server = FakeOpenAiServer.start();
        wav = silentWav(dir.resolve("chunk-001.wav"), 2.5);
    }

    @AfterEach
    void tearDown() {
        server.close();
    }

    /** A 16 kHz mono 16-bit WAV of silence. */
    static Path silentWav(Path file, double seconds) throws IOException {
        int data = (int) Math.round(seconds * 16_000) * 2;
        ByteBuffer b = ByteBuffer.allocate(44 + data).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes()).putInt(36 + data).put("WAVEfmt ".getBytes()).putInt(16).putShort((short) 1)
                .putShort((short) 1).putInt(16_000).putInt(32_000).putShort((short) 2).putShort((short) 16)
                .put("data".getBytes()).putInt(data);
        Files.write(file, b.array());
        return file;
    }

    private TranscriptionClient client(String key) {
        OpenAiEndpoint endpoint = OpenAiEndpoint.of(server.baseUrl(), key);
        return new TranscriptionClient(endpoint, endpoint.newHttpClient(), RetryPolicy.DEFAULT,
                Duration.ofSeconds(10), slept::add, Clock.systemUTC());
    }

    private static TranscriptionClient.Request request(Path audio) {
        return new TranscriptionClient.Request(audio, "whisper-1", Optional.of("en"), Optional.empty());
    }

    @Test
    void sendsVerboseJsonWithWordTimestampsAndReadsWords() {
        server.requireApiKey("sk-test").hears(u -> List.of(new FakeOpenAiServer.HeardWord("Hi", 0.1, 0.3),
                new FakeOpenAiServer.HeardWord("there.", 0.35, 0.8), new FakeOpenAiServer.HeardWord("Bye.", 1.2, 1.5)));
        Transcription t = client("sk-test").transcribe(request(wav));
        assertEquals(3, t.words().size());
        assertEquals(new Transcription.Word("there.", 0.35, 0.8), t.words().get(1));
        assertEquals(2, t.segments().size());
        assertEquals(2.5, t.durationSeconds(), 1e-9);
        FakeOpenAiServer.Upload upload = server.uploads().get(0);
        assertEquals(List.of("verbose_json"), upload.fields().get("response_format"));
        assertEquals(List.of("word", "segment"), upload.fields().get("timestamp_granularities[]"));
        assertEquals(List.of("whisper-1"), upload.fields().get("model"));
        assertEquals(List.of("en"), upload.fields().get("language"));
        assertEquals("chunk-001.wav", upload.fileName());
        assertEquals("Bearer sk-test", upload.authorization());
        assertTrue(slept.isEmpty());
    }

    @Test
    void retriesRateLimitsHonouringRetryAfterThenServerErrorsWithBackoff() {
        server.failNext(429, Map.of("Retry-After", "2")).failNext(503, Map.of());
        Transcription t = client(null).transcribe(request(wav));
        assertEquals("Hello world.", t.text());
        assertEquals(List.of(Duration.ofSeconds(2), Duration.ofSeconds(2)), slept, "Retry-After 2 s, then 1 s x 2");
        assertEquals(3, server.uploads().size());
    }

    @Test
    void retryAfterMsWins() {
        server.failNext(429, Map.of("retry-after-ms", "250", "Retry-After", "9"));
        client(null).transcribe(request(wav));
        assertEquals(List.of(Duration.ofMillis(250)), slept);
    }

    @Test
    void givesUpAfterFourTriesWithTheServersMessage() {
        for (int i = 0; i < 4; i++) {
            server.failNext(500, Map.of());
        }
        OpenAiException e = assertThrows(OpenAiException.class, () -> client(null).transcribe(request(wav)));
        assertEquals(500, e.status());
        assertTrue(e.getMessage().contains("HTTP 500 after 4 tries for chunk-001.wav: The server had an error"),
                e.getMessage());
        assertEquals(3, slept.size());
    }

    @Test
    void clientErrorsAreNotRetried() throws IOException {
        Path text = Files.writeString(dir.resolve("notes.txt"), "not audio");
        OpenAiException e = assertThrows(OpenAiException.class, () -> client(null).transcribe(request(text)));
        assertEquals(400, e.status());
        assertTrue(e.getMessage().contains("Invalid file format"), e.getMessage());
        assertTrue(slept.isEmpty());
    }

    @Test
    void wrongKeyIsUnauthorisedWithAHint() {
        server.requireApiKey("sk-right");
        OpenAiException e = assertThrows(OpenAiException.class, () -> client("sk-wrong").transcribe(request(wav)));
        assertEquals(401, e.status());
        assertTrue(e.oneLine().contains("Incorrect API key provided") && e.hint().contains("API key"), e.oneLine());
    }

    @Test
    void unreachableServerSaysSoAfterRetrying() {
        String url = server.baseUrl();
        server.close();
        OpenAiEndpoint endpoint = OpenAiEndpoint.of(url, null);
        TranscriptionClient client = new TranscriptionClient(endpoint, endpoint.newHttpClient(),
                new RetryPolicy(2, Duration.ofMillis(1), Duration.ofSeconds(1)), Duration.ofSeconds(5), slept::add,
                Clock.systemUTC());
        OpenAiException e = assertThrows(OpenAiException.class, () -> client.transcribe(request(wav)));
        assertTrue(e.getMessage().startsWith("Cannot reach the server at " + url), e.getMessage());
        assertEquals(1, slept.size());
    }

    @Test
    void endpointGetsV1WhenOnlyAHostIsGiven() {
        assertEquals("http://localhost:8080/v1/audio/transcriptions",
                OpenAiEndpoint.of("http://localhost:8080", null).resolve("audio/transcriptions").toString());
        assertEquals("http://h/v1/audio/transcriptions",
                OpenAiEndpoint.of("http://h/v1/", "").resolve("audio/transcriptions").toString());
    }
}
