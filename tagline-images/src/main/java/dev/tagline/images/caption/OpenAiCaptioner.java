package dev.tagline.images.caption;

import dev.tagline.core.TaglineException;
import dev.tagline.inference.openai.ChatClient;
import dev.tagline.inference.openai.OpenAiException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * A vision-language model behind an OpenAI-compatible chat server (Ollama, llama.cpp server, vLLM, LM Studio, hosted
 * APIs): {@link #prepare} scales each image down and encodes it as a JPEG data URL on the worker threads; a batch is
 * sent as one chat request per image, at most {@code concurrency} in flight, each with the system prompt and a user
 * message holding the rendered prompt and the image. Retries, Retry-After and timeouts are the {@link ChatClient}'s.
 * With {@code sendImage} false only the text goes (a text LLM turning tags into a caption).
 *
 * <p>Failures: one that every further request would share (no server, refused key, unknown model) is thrown as it
 * is, so the run stops; others fail only their image, through {@link CaptionBatchException}.
 */
public final class OpenAiCaptioner implements Captioner {
    /** Requests in flight per run unless {@code --concurrency} says otherwise. */
    public static final int DEFAULT_CONCURRENCY = 4;
    /** Longest image side sent unless {@code --max-side} says otherwise. */
    public static final int DEFAULT_MAX_SIDE = 1024;

    private final ChatClient chat;
    private final String model;
    private final int concurrency;
    private final int maxSide;
    private final boolean sendImage;
    private final ExecutorService pool;

    public OpenAiCaptioner(ChatClient chat, String model, int concurrency, int maxSide, boolean sendImage) {
        if (model.isBlank()) {
            throw new TaglineException("--captioner openai: needs a model name", "Write e.g. --captioner"
                    + " openai:llava:13b (the name the server lists).");
        }
        if (concurrency < 1 || concurrency > 256) {
            throw new TaglineException("--concurrency must be 1 to 256, got " + concurrency, "The default is "
                    + DEFAULT_CONCURRENCY + "; a local server with one GPU gains little beyond its batch size.");
        }
        if (maxSide < 64 || maxSide > 8192) {
            throw new TaglineException("--max-side must be 64 to 8192 pixels, got " + maxSide, "The default is "
                    + DEFAULT_MAX_SIDE + ".");
        }
        this.chat = chat;
        this.model = model;
        this.concurrency = concurrency;
        this.maxSide = maxSide;
        this.sendImage = sendImage;
        this.pool = Executors.newFixedThreadPool(concurrency, r -> {
            Thread t = new Thread(r, "caption-http");
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public String id() {
        return "openai:" + model;
    }

    @Override
    public String revision() {
        return chat.endpoint().baseUrl() + " " + model + (sendImage ? ", images ≤ " + maxSide + " px" : ", text only");
    }

    @Override
    public String describe() {
        return id() + " at " + chat.endpoint().baseUrl() + ", " + concurrency + " request" + (concurrency == 1 ? ""
                : "s") + " in flight, " + (sendImage ? "images as JPEG ≤ " + maxSide + " px" : "text only (no image)");
    }

    /** Each image its own request, {@code --concurrency} in flight; thread-safe. */
    @Override
    public int concurrency() {
        return concurrency;
    }

    /** Two rounds of requests per batch, so that the engine's batches keep every slot busy. */
    @Override
    public int maxBatch() {
        return 2 * concurrency;
    }

    /**
     * Scales and encodes the image; the prepared input keeps the scaled pixels only, so that a batch waiting for the
     * server holds a few megabytes per image, not the decoded 24 MP photo.
     */
    @Override
    public Prepared prepare(CaptionInput input) {
        java.awt.image.BufferedImage scaled = JpegDataUrl.scaled(input.image(), maxSide);
        CaptionInput small = new CaptionInput(JpegDataUrl.rgb(scaled), input.file(), input.tags(), input.vars());
        return new Prepared(small, sendImage ? JpegDataUrl.dataUrl(scaled) : null);
    }

    /** Chat completions have no beam search; {@link Captioners#requireSupported} asks this before the run. */
    static void requireNoBeams(GenerationSettings g) {
        if (g.beams() > 1) {
            throw new TaglineException("--beams " + g.beams() + " cannot be sent to a chat server",
                    "Chat servers sample; leave --beams out, and use --temperature 0 for deterministic captions.");
        }
    }

    @Override
    public List<Caption> captionPrepared(List<Prepared> batch, CaptionRequest request) {
        GenerationSettings g = request.generation();
        requireNoBeams(g);
        ChatClient.Sampling sampling = new ChatClient.Sampling(g.maxTokens(), g.topP(), g.repetitionPenalty());
        List<Future<Caption>> futures = new ArrayList<>(batch.size());
        for (Prepared p : batch) {
            futures.add(pool.submit(() -> one(p, request, sampling)));
        }
        List<Caption> captions = new ArrayList<>(batch.size());
        List<RuntimeException> failures = new ArrayList<>(batch.size());
        boolean failed = false;
        for (Future<Caption> f : futures) {
            try {
                captions.add(f.get());
                failures.add(null);
            } catch (ExecutionException e) {
                RuntimeException cause = e.getCause() instanceof RuntimeException r ? r
                        : new TaglineException("Captioning failed: " + e.getCause(), "", e.getCause());
                if (cause instanceof OpenAiException o && o.affectsEveryRequest()) {
                    futures.forEach(other -> other.cancel(true));
                    throw o;
                }
                captions.add(null);
                failures.add(cause);
                failed = true;
            } catch (InterruptedException e) {
                futures.forEach(other -> other.cancel(true));
                Thread.currentThread().interrupt();
                throw new TaglineException("Captioning was interrupted", "", e);
            }
        }
        if (failed) {
            throw new CaptionBatchException(captions, failures);
        }
        return captions;
    }

    private Caption one(Prepared p, CaptionRequest request, ChatClient.Sampling sampling) {
        List<ChatClient.Message> messages = new ArrayList<>(2);
        request.system().ifPresent(s -> messages.add(ChatClient.Message.system(s)));
        String prompt = request.promptFor(p.input());
        messages.add(sendImage ? ChatClient.Message.user(prompt, List.of((String) p.payload()))
                : ChatClient.Message.user(prompt));
        String what = p.input().file().map(f -> f.getFileName().toString()).orElse("an image");
        ChatClient.Reply reply = chat.complete(new ChatClient.Request(model, messages,
                request.generation().temperature(), false, sampling), what);
        return new Caption(reply.content(), reply.promptTokens(), reply.completionTokens(),
                reply.finishReason().isEmpty() ? "stop" : reply.finishReason());
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
