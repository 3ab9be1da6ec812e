package dev.tagline.testkit.openai;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * A local OpenAI-compatible server for tests (JDK HttpServer on 127.0.0.1, random port, requests answered
 * concurrently) implementing {@code POST /v1/chat/completions} ({@link ChatEndpoint}: text and image parts, usage,
 * {@code max_tokens}; optionally only some models, with OpenAI's {@code model_not_found}; optionally answering after
 * a fixed delay; optionally with the errors and reasoning fields of llama.cpp, LM Studio, Ollama and vLLM, worded
 * as in {@link ServerQuirks}), {@code GET /v1/models} and {@code POST /v1/audio/transcriptions} as documented:
 * multipart form with {@code file} and {@code model};
 * {@code response_format} json, text, srt, vtt or verbose_json; {@code timestamp_granularities[]} word/segment, only
 * with verbose_json; supported file types and the 25 MB limit; bearer key when one is required; errors as
 * {@code {"error": {"message", "type", "param", "code"}}}. Tests script what is "heard" per upload and what the
 * assistant answers per chat, and queue failures (429 with Retry-After, 5xx) for the next request of either kind;
 * every valid upload and chat is recorded. Longer than the usual class: it is the one place where both endpoints'
 * routing, authentication and the shared failure queue meet (now also each server's scripted quirks); request
 * parsing and answer shapes live in {@link FormData}, {@link Requests} and {@link ChatEndpoint}.
 */
public final class FakeOpenAiServer implements AutoCloseable {
    /** OpenAI's documented limit for one upload. */
    public static final int MAX_FILE_BYTES = 25 * 1024 * 1024;
    static final Set<String> FILE_TYPES = Set.of("flac", "mp3", "mp4", "mpeg", "mpga", "m4a", "ogg", "wav", "webm");
    static final Set<String> FORMATS = Set.of("json", "text", "srt", "verbose_json", "vtt");

    /** A word the fake "hears", in seconds from the start of the upload. */
    public record HeardWord(String word, double start, double end) {
    }

    /** What the fake received: the form fields (repeated names kept in order), and the file. */
    public record Upload(Map<String, List<String>> fields, String fileName, byte[] file, String authorization) {
        /** Duration of a 16-bit PCM WAV upload from its header; -1 for other files. */
        public double wavSeconds() {
            return Wav.seconds(file);
        }
    }

    /** A chat message as received: its text (text parts joined by newlines) and its decoded images. */
    public record ChatMessage(String role, String content, List<byte[]> images) {
        public ChatMessage {
            images = List.copyOf(images);
        }

        public ChatMessage(String role, String content) {
            this(role, content, List.of());
        }
    }

    /**
     * A chat request as received; {@code maxTokens} 0 when the request left it out, {@code topP} and
     * {@code repetitionPenalty} 1 when left out.
     */
    public record ChatCall(String model, List<ChatMessage> messages, boolean jsonObject, double temperature,
                           int maxTokens, double topP, double repetitionPenalty) {
        /** The images of every message, in order. */
        public List<byte[]> images() {
            return messages.stream().flatMap(m -> m.images().stream()).toList();
        }

        /** Prompt tokens in the fake's count: text at four characters a token, 85 per image (OpenAI's low detail). */
        public int promptTokens() {
            return messages.stream().mapToInt(m -> ChatEndpoint.tokens(m.content()) + 85 * m.images().size()).sum();
        }

        /** The last user message. */
        public String lastUser() {
            for (int i = messages.size() - 1; i >= 0; i--) {
                if (messages.get(i).role().equals("user")) {
                    return messages.get(i).content();
                }
            }
            return "";
        }
    }

    /** A queued or standing error answer: the status, extra headers and the body as the server words it. */
    private record Failure(int status, Map<String, String> headers, String body) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    static {
        // The JDK server writes headers and body apart; with Nagle on, the body waits for the client's delayed ACK
        // (40 ms on Linux) and every answer looks 40 ms slower than it is. Real model servers set TCP_NODELAY.
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private final HttpServer server;
    private final List<Upload> uploads = Collections.synchronizedList(new ArrayList<>());
    private final Deque<Failure> failures = new ArrayDeque<>();
    private volatile Function<Upload, List<HeardWord>> hearing = upload -> List.of(
            new HeardWord("Hello", 0.0, 0.4), new HeardWord("world.", 0.5, 0.9));
    private volatile String apiKey;
    private final List<ChatCall> chats = Collections.synchronizedList(new ArrayList<>());
    private volatile Function<ChatCall, String> answering = call -> "OK";
    private volatile boolean usage = true;
    private volatile Set<String> models;
    private volatile long delayMillis;
    private volatile Function<ChatCall, Failure> standing = call -> null;
    private volatile boolean vllm;
    private volatile int contextWindow;
    private volatile String reasoningField;
    private volatile int outputLimit;
    private final java.util.concurrent.atomic.AtomicInteger inFlight = new java.util.concurrent.atomic.AtomicInteger();
    private final java.util.concurrent.atomic.AtomicInteger peakInFlight = new java.util.concurrent.atomic.AtomicInteger();
    private final java.util.concurrent.ExecutorService executor = java.util.concurrent.Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "fake-openai");
        t.setDaemon(true);
        return t;
    });

    private FakeOpenAiServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    /** Starts a server on a free port of 127.0.0.1. */
    public static FakeOpenAiServer start() {
        try {
            return new FakeOpenAiServer();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Base URL ending in {@code /v1}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    /** Requires {@code Authorization: Bearer key} from now on. */
    public FakeOpenAiServer requireApiKey(String key) {
        this.apiKey = key;
        return this;
    }

    /** What the server hears in each upload (default: "Hello world." in the first second). */
    public FakeOpenAiServer hears(Function<Upload, List<HeardWord>> hearing) {
        this.hearing = hearing;
        return this;
    }

    /** The next upload gets this error (e.g. 429 with {@code Map.of("Retry-After", "2")}) instead of an answer. */
    public synchronized FakeOpenAiServer failNext(int status, Map<String, String> headers) {
        String type = status == 429 ? "rate_limit_exceeded" : status >= 500 ? "server_error" : "invalid_request_error";
        failures.add(new Failure(status, headers, errorBody(status == 429 ? "Rate limit reached for requests"
                : "The server had an error while processing your request. Sorry about that!", type, null, null)));
        return this;
    }

    /**
     * The next {@code count} chat requests get llama.cpp's answer while it loads the model: 503 {@code {"error":
     * {"code": 503, "message": "Loading model", "type": "unavailable_error"}}}.
     */
    public synchronized FakeOpenAiServer loadingModelFor(int count) {
        for (int i = 0; i < count; i++) {
            failures.add(new Failure(503, Map.of(), ServerQuirks.LLAMA_CPP_LOADING));
        }
        return this;
    }

    /** The next {@code count} requests get Ollama's 503 "server busy" (its request queue is full). */
    public synchronized FakeOpenAiServer busyFor(int count) {
        for (int i = 0; i < count; i++) {
            failures.add(new Failure(503, Map.of(), ServerQuirks.OLLAMA_BUSY));
        }
        return this;
    }

    /** As llama.cpp's server started without {@code --mmproj}: every chat with an image gets its 500. */
    public FakeOpenAiServer withoutVisionProjector() {
        this.standing = call -> call.images().isEmpty() ? null
                : new Failure(500, Map.of(), ServerQuirks.LLAMA_CPP_NO_MMPROJ);
        return this;
    }

    /** As LM Studio's server with no model loaded: every chat gets its 400 {@code {"error": "No models loaded…"}}. */
    public FakeOpenAiServer noModelLoaded() {
        this.standing = call -> new Failure(400, Map.of(), ServerQuirks.LM_STUDIO_NO_MODEL);
        return this;
    }

    /**
     * Errors in older vLLM's shape from now on ({@code {"object": "error", "message", "type", "param", "code"}} at
     * the top level), an unknown model ({@link #models}) worded as vLLM does: "The model `x` does not exist."
     */
    public FakeOpenAiServer vllmErrors() {
        this.vllm = true;
        return this;
    }

    /**
     * Refuses, as vLLM does, a chat whose prompt tokens and {@code max_tokens} exceed {@code tokens} (HTTP 400 "This
     * model's maximum context length is …").
     */
    public FakeOpenAiServer contextWindow(int tokens) {
        this.contextWindow = tokens;
        return this;
    }

    /**
     * Parses the assistant's reasoning apart, as vLLM's {@code --reasoning-parser} and LM Studio do: a scripted
     * answer's {@code <think>…</think>} goes to the message's {@code field} ({@code reasoning_content}, or
     * {@code reasoning}), the rest to {@code content}, which is null when {@code max_tokens} cut the answer before
     * the reasoning ended.
     */
    public FakeOpenAiServer reasoningParser(String field) {
        this.reasoningField = field;
        return this;
    }

    /**
     * Cuts an answer at {@code tokens} when the request sends no {@code max_tokens}, as a server's own limit does
     * (llama-server's {@code -n}, Ollama's {@code num_predict}, or the context left): {@code finish_reason: length}.
     */
    public FakeOpenAiServer outputLimit(int tokens) {
        this.outputLimit = tokens;
        return this;
    }

    public List<Upload> uploads() {
        return List.copyOf(uploads);
    }

    /** Answers without the {@code usage} object, as some servers and proxies do. */
    public FakeOpenAiServer withoutUsage() {
        this.usage = false;
        return this;
    }

    /**
     * The next request gets OpenAI's answer for an account out of credit: HTTP 429 with type and code
     * {@code insufficient_quota} (the same status as a rate limit, which is why the code must be read).
     */
    public synchronized FakeOpenAiServer outOfQuotaNext() {
        failures.add(new Failure(429, Map.of(), errorBody("You exceeded your current quota, please check your plan and"
                + " billing details.", "insufficient_quota", null, "insufficient_quota")));
        return this;
    }

    /** What the assistant answers to each chat request (default "OK"); a script that throws makes a 500 answer. */
    public FakeOpenAiServer answers(Function<ChatCall, String> answering) {
        this.answering = answering;
        return this;
    }

    public List<ChatCall> chats() {
        return List.copyOf(chats);
    }

    /**
     * Serves only these models from now on: a chat naming another gets OpenAI's 404 {@code model_not_found}, and
     * {@code GET /v1/models} lists them.
     */
    public FakeOpenAiServer models(String... names) {
        this.models = Set.of(names);
        return this;
    }

    /** Every chat answer (and failure) comes this long after the request was read, as a busy model server's. */
    public FakeOpenAiServer delay(java.time.Duration delay) {
        this.delayMillis = delay.toMillis();
        return this;
    }

    /** The most chat requests that were being answered at one time. */
    public int peakInFlight() {
        return peakInFlight.get();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (dev.tagline.testkit.UvicornUpgrades.refused(exchange)) { // vLLM, faster-whisper-server
                return;
            }
            String path = exchange.getRequestURI().getPath();
            if (path.equals("/v1/models") && exchange.getRequestMethod().equals("GET")) {
                listModels(exchange);
                return;
            }
            if (!path.equals("/v1/audio/transcriptions") && !path.equals("/v1/chat/completions")) {
                error(exchange, 404, "Invalid URL (" + exchange.getRequestMethod() + " "
                        + exchange.getRequestURI().getPath() + ")", "invalid_request_error", null, null);
                return;
            }
            if (!exchange.getRequestMethod().equals("POST")) {
                error(exchange, 405, "Method not allowed", "invalid_request_error", null, null);
                return;
            }
            String auth = exchange.getRequestHeaders().getFirst("Authorization");
            if (apiKey != null && !("Bearer " + apiKey).equals(auth)) {
                error(exchange, 401, auth == null ? "You didn't provide an API key."
                        : "Incorrect API key provided.", "invalid_request_error", null, "invalid_api_key");
                return;
            }
            if (path.equals("/v1/chat/completions")) {
                chat(exchange);
                return;
            }
            Upload upload;
            try {
                upload = upload(exchange);
            } catch (IllegalArgumentException e) {
                error(exchange, 400, e.getMessage(), "invalid_request_error", null, null);
                return;
            }
            uploads.add(upload);
            if (!failed(exchange)) {
                respond(exchange, upload);
            }
        }
    }

    private void chat(HttpExchange exchange) throws IOException {
        ChatCall call;
        try {
            call = ChatEndpoint.parse(exchange.getRequestBody().readAllBytes());
        } catch (IllegalArgumentException e) {
            error(exchange, 400, e.getMessage(), "invalid_request_error", null, null);
            return;
        }
        chats.add(call);
        int now = inFlight.incrementAndGet();
        peakInFlight.accumulateAndGet(now, Math::max);
        try {
            pause();
            Set<String> served = models;
            Failure always = standing.apply(call);
            int window = contextWindow;
            if (served != null && !served.contains(call.model())) {
                if (vllm) {
                    send(exchange, 404, "application/json", ServerQuirks.vllmNoSuchModel(call.model()));
                    return;
                }
                error(exchange, 404, "The model `" + call.model() + "` does not exist or you do not have access to"
                        + " it.", "invalid_request_error", null, "model_not_found");
            } else if (always != null) {
                send(exchange, always.status(), "application/json", always.body());
            } else if (window > 0 && call.promptTokens() + Math.max(call.maxTokens(), 16) > window) {
                send(exchange, 400, "application/json", ServerQuirks.vllmContextLength(window, call.promptTokens(),
                        Math.max(call.maxTokens(), 16)));
            } else if (!failed(exchange)) {
                String body;
                try {
                    body = ChatEndpoint.answer(call, answering, chats.size(), usage, reasoningField, outputLimit);
                } catch (RuntimeException e) {
                    error(exchange, 500, "The server had an error while processing your request. Sorry about that!",
                            "server_error", null, null);
                    return;
                }
                send(exchange, 200, "application/json", body);
            }
        } finally {
            inFlight.decrementAndGet();
        }
    }

    private void pause() {
        long millis = delayMillis;
        if (millis > 0) {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void listModels(HttpExchange exchange) throws IOException {
        ObjectNode root = JSON.createObjectNode().put("object", "list");
        com.fasterxml.jackson.databind.node.ArrayNode data = root.putArray("data");
        Set<String> served = models == null ? Set.of() : models;
        served.stream().sorted().forEach(m -> data.addObject().put("id", m).put("object", "model")
                .put("created", 1_764_200_000L).put("owned_by", "tagline-testkit"));
        send(exchange, 200, "application/json", root.toString());
    }

    /** Answers with the next queued failure, if any. */
    private boolean failed(HttpExchange exchange) throws IOException {
        Failure failure;
        synchronized (this) {
            failure = failures.poll();
        }
        if (failure == null) {
            return false;
        }
        failure.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
        send(exchange, failure.status(), "application/json", failure.body());
        return true;
    }

    private Upload upload(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        Map<String, List<String>> fields = new java.util.LinkedHashMap<>();
        String fileName = null;
        byte[] file = null;
        for (FormData.Part part : FormData.parse(exchange.getRequestHeaders().getFirst("Content-Type"), body)) {
            if (part.fileName() != null && part.name().equals("file")) {
                fileName = part.fileName();
                file = part.content();
            } else {
                fields.computeIfAbsent(part.name(), k -> new ArrayList<>()).add(part.text());
            }
        }
        Requests.validate(fields, fileName, file);
        return new Upload(fields, fileName, file, exchange.getRequestHeaders().getFirst("Authorization"));
    }

    private void respond(HttpExchange exchange, Upload upload) throws IOException {
        List<HeardWord> words = hearing.apply(upload);
        String format = upload.fields().getOrDefault("response_format", List.of("json")).get(0);
        String type = format.equals("json") || format.equals("verbose_json") ? "application/json"
                : "text/plain; charset=utf-8";
        send(exchange, 200, type, Requests.answer(JSON, upload, words, format));
    }

    /** An error answer in OpenAI's shape, or in vLLM's after {@link #vllmErrors}. */
    private void error(HttpExchange exchange, int status, String message, String type, String param, String code)
            throws IOException {
        send(exchange, status, "application/json", vllm ? ServerQuirks.vllm(status, message)
                : errorBody(message, type, param, code));
    }

    private static String errorBody(String message, String type, String param, String code) {
        ObjectNode error = JSON.createObjectNode();
        error.putObject("error").put("message", message).put("type", type).put("param", param).put("code", code);
        return error.toString();
    }

    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    static String extension(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
