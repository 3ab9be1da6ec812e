package dev.tagline.images.caption;

import dev.tagline.core.TaglineException;
import dev.tagline.images.caption.florence.Florence2Captioner;
import dev.tagline.inference.onnx.OnnxSessions;
import dev.tagline.inference.onnx.SessionConfig;
import dev.tagline.inference.openai.ChatClient;
import dev.tagline.inference.openai.OpenAiEndpoint;
import dev.tagline.inference.openai.ServerWaits;
import dev.tagline.inference.store.ModelEntry;
import dev.tagline.inference.store.ModelStore;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * Opens captioners by id, as {@code Taggers} opens taggers: {@code openai:MODEL} (a vision model behind the
 * OpenAI-compatible server at {@code endpoint}), {@code tags} (captions composed from tags, no model), and in-process
 * models from the model store ({@code florence-2-base}, {@code florence-2-large}, their {@code -ft} variants, or any
 * id with {@code --model-path DIR}) in the precision asked for.
 */
public final class Captioners {
    /** Prefix of the HTTP captioner's ids. */
    public static final String OPENAI = "openai:";
    /** Prefix of the in-process Florence-2 ids of the catalog. */
    public static final String FLORENCE = "florence-2";
    /** taggui's default prompt is "Briefly describe the image." (captioning.md §7); this one also asks for place. */
    public static final String PROMPT = "Describe this image in one sentence: the subject, what it is doing, and the"
            + " setting.";
    /** With tags, the Tag2Text step: one fluent caption that keeps them (captioning.md §3). */
    public static final String TAGS_PROMPT = "Write one fluent sentence that captions this image for training an image"
            + " model. Use every one of these tags: {tags}.";
    /** In-process Florence-2 reads a task token; taggui's default is the most detailed one (captioning.md §4.4). */
    public static final String TASK_PROMPT = "<MORE_DETAILED_CAPTION>";

    /**
     * @param endpoint    base URL of the OpenAI-compatible server (openai:MODEL only)
     * @param apiKey      bearer key for it, if any
     * @param concurrency requests in flight at most
     * @param timeout     per request
     * @param maxSide     longest image side sent, in pixels
     * @param sendImage   false to send the prompt alone (a text LLM turning tags into a caption)
     * @param precision   in-process models: fp32, fp16, int8 or q4 (empty: the model's default)
     * @param waits       hears that the server is still loading its model and is waited for (openai:MODEL only)
     */
    public record Options(Optional<String> endpoint, Optional<String> apiKey, int concurrency, Duration timeout,
                          int maxSide, boolean sendImage, Optional<String> precision, ServerWaits waits) {
        public Options {
            java.util.Objects.requireNonNull(waits, "waits");
        }

        /** Options whose server waits are logged. */
        public Options(Optional<String> endpoint, Optional<String> apiKey, int concurrency, Duration timeout,
                       int maxSide, boolean sendImage, Optional<String> precision) {
            this(endpoint, apiKey, concurrency, timeout, maxSide, sendImage, precision, ServerWaits.LOGGED);
        }

        /** These options, with the server's waits told to {@code to}. */
        public Options withWaits(ServerWaits to) {
            return new Options(endpoint, apiKey, concurrency, timeout, maxSide, sendImage, precision, to);
        }

        public static Options defaults() {
            return new Options(Optional.empty(), Optional.empty(), OpenAiCaptioner.DEFAULT_CONCURRENCY,
                    Duration.ofSeconds(120), OpenAiCaptioner.DEFAULT_MAX_SIDE, true, Optional.empty());
        }
    }

    private final ModelStore store;
    private final OnnxSessions sessions;
    private final SessionConfig config;
    private final Options options;

    public Captioners(ModelStore store, OnnxSessions sessions, SessionConfig config, Options options) {
        this.store = store;
        this.sessions = sessions;
        this.config = config;
        this.options = options;
    }

    /** True for captioners that are not a model in this JVM: {@code openai:MODEL} and {@code tags}. */
    public static boolean outOfProcess(String id) {
        return id.startsWith(OPENAI) || id.equals(TagComposer.ID);
    }

    /**
     * The prompt when none is given: a task token for in-process models, else a one-sentence description, or with
     * tags ({@code withTags}) the Tag2Text request to keep them.
     */
    public static String defaultPrompt(String id, boolean withTags) {
        return !outOfProcess(id) ? TASK_PROMPT : withTags ? TAGS_PROMPT : PROMPT;
    }

    /** The generation settings when no flag changes them: Florence-2's own, or taggui's VLM defaults. */
    public static GenerationSettings defaultGeneration(String id) {
        return outOfProcess(id) ? GenerationSettings.VLM : GenerationSettings.FLORENCE;
    }

    /**
     * Throws the user's error for settings captioner {@code id} cannot honour, before any image is read: a chat
     * server samples, so {@code --beams} above 1 would fail every image alike.
     */
    public static void requireSupported(String id, GenerationSettings g) {
        if (id.startsWith(OPENAI)) {
            OpenAiCaptioner.requireNoBeams(g);
        }
    }

    /** The captioner {@code id}; {@code modelPath} (may be null) replaces the store's lookup. The caller closes it. */
    public Captioner open(String id, Path modelPath) {
        if (id.startsWith(OPENAI)) {
            notInProcess(id, modelPath);
            String url = options.endpoint().orElseThrow(() -> new TaglineException("--captioner " + id
                    + " needs --endpoint", "Give the server's base URL, e.g. --endpoint http://127.0.0.1:11434/v1"
                    + " for Ollama, http://127.0.0.1:8080/v1 for llama.cpp's server."));
            ChatClient chat = new ChatClient(OpenAiEndpoint.of(url, options.apiKey().orElse(null)),
                    options.timeout(), options.waits());
            return new OpenAiCaptioner(chat, id.substring(OPENAI.length()), options.concurrency(),
                    options.maxSide(), options.sendImage());
        }
        if (id.equals(TagComposer.ID)) {
            notInProcess(id, modelPath);
            return new TagComposer();
        }
        return inProcess(id, modelPath);
    }

    /**
     * Models that run in this JVM through ONNX Runtime: Florence-2 by catalog id ({@code florence-2-base},
     * {@code florence-2-large-ft-q4} …) or from an export folder given with {@code --model-path}.
     */
    private Captioner inProcess(String name, Path modelPath) {
        // a catalog id in any case, or the Hub repository id: microsoft/Florence-2-base-ft → florence-2-base-ft
        String id = store.catalog().find(name).map(ModelEntry::id).orElse(name);
        if (modelPath != null || id.toLowerCase(java.util.Locale.ROOT).startsWith(FLORENCE)) {
            return Florence2Captioner.open(store, sessions, config, id, modelPath, options.precision().orElse(null));
        }
        String near = store.catalog().nearest(name).filter(n -> n.startsWith(FLORENCE))
                .map(n -> "Did you mean '" + n + "'? ").orElse("");
        throw new TaglineException("Captioner '" + id + "' is not one Tagline knows", near + "Use --captioner"
                + " florence-2-base (or -large, -base-ft, -large-ft) in process, openai:MODEL --endpoint URL (a vision"
                + " model on Ollama, llama.cpp, vLLM or LM Studio), or tags (composed from --tagger tags).");
    }

    private void notInProcess(String id, Path modelPath) {
        if (modelPath != null) {
            throw new TaglineException("--model-path does not apply to --captioner " + id,
                    "It names the folder of an in-process model such as Florence-2.");
        }
        if (options.precision().isPresent()) {
            throw new TaglineException("--precision does not apply to --captioner " + id,
                    "It picks the variant of an in-process model (fp32, fp16, int8, q4); a server's model is"
                    + " quantised where it is loaded (docs/caption.md).");
        }
    }
}
