package dev.tagline.images.caption;

import java.util.List;

/**
 * Captions images (ARCHITECTURE.md: {@code List<Caption> caption(List<RgbImage> batch, CaptionRequest request)}):
 * Florence-2 in process, a VLM behind an OpenAI-compatible server, or tags turned into a sentence. Returns one
 * {@link Caption} per input, in order. As with taggers, the work is split so that the batch engine can spread it:
 * {@link #prepare} (per-image preprocessing, thread-safe, on worker threads) and {@link #captionPrepared} (the model
 * calls, on one thread at a time, or on {@link #concurrency()} threads at once).
 *
 * <p>The prompt is a template rendered per image against {@link CaptionInput#vars()}; how a captioner uses it is its
 * own: a VLM sends it as the user message, Florence-2 reads it as a task token such as {@code <DETAILED_CAPTION>}.
 * Clean-up (CaptionCleanup) is applied by the caller, not by captioners, so raw model output stays testable.
 */
public interface Captioner extends AutoCloseable {

    /** What {@link #prepare} made of one image: the input, and a model-specific payload (a tensor, an encoded JPEG). */
    record Prepared(CaptionInput input, Object payload) {
    }

    /** Registry id, as in {@code tagline caption --captioner florence-2-base}. */
    String id();

    /** Which model ran (repository and revision, or server and model name): part of the journal's fingerprint. */
    default String revision() {
        return "built-in";
    }

    /** One line for the log: model, precision, provider or endpoint, memory footprint when known. */
    default String describe() {
        return id();
    }

    /** Most images one {@link #captionPrepared} call should get. */
    default int maxBatch() {
        return 1;
    }

    /**
     * How many images may be captioned at once, each by its own {@link #captionPrepared} call on its own thread (an
     * HTTP captioner: its requests in flight), so that each answer is written as it comes back; 0, the default: one
     * call at a time, with the whole batch.
     */
    default int concurrency() {
        return 0;
    }

    /** Per-image preprocessing; thread-safe. By default the input as it is. */
    default Prepared prepare(CaptionInput input) {
        return new Prepared(input, null);
    }

    /**
     * Captions prepared images, in order; called from one thread at a time (from several with
     * {@link #concurrency()}). A captioner that works per image (an HTTP one) throws {@link CaptionBatchException}
     * when some images failed, carrying the captions of the others; any other exception fails the whole batch.
     */
    List<Caption> captionPrepared(List<Prepared> batch, CaptionRequest request);

    /** {@link #prepare} then {@link #captionPrepared}. */
    default List<Caption> caption(List<CaptionInput> batch, CaptionRequest request) {
        return captionPrepared(batch.stream().map(this::prepare).toList(), request);
    }

    @Override
    default void close() {
    }
}
