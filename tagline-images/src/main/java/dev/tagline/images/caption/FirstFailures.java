package dev.tagline.images.caption;

import dev.tagline.core.TaglineException;
import dev.tagline.inference.openai.OpenAiException;

/**
 * Stops a run whose first images all fail the same way before any is captioned: when the server answers the first
 * {@link #LIMIT} requests with the same error (a 500 that no retry cured, a 400 the client cannot change), or a
 * reasoning model spends the whole {@code --max-tokens} thinking on each, every further image would get the same,
 * and failing a folder of thousands one image at a time costs hours. Errors that are known to be server-wide (no
 * model, no vision projector) stop at the first; this catches those no list names. Fed in the order the answers
 * come, from the threads that wait for them; once one image is captioned it never stops a run.
 */
final class FirstFailures {
    /** How many failures alike, before any success, stop the run. */
    static final int LIMIT = 3;

    /** The failure that stopped the run: the last of the alike ones, with its hint. */
    static final class Stop extends TaglineException {
        private static final long serialVersionUID = 1L;

        Stop(RuntimeException last, String hint) {
            this("so the rest would too", last, hint);
        }

        private Stop(String why, RuntimeException last, String hint) {
            super("The first " + LIMIT + " images all failed the same way and none was captioned, " + why + ": "
                    + last.getMessage(), hint, last);
        }

        /** A 429 that every retry got: no image is at fault, the run asks faster than the server allows. */
        static Stop rateLimited(OpenAiException last) {
            return new Stop("as the server is rate-limiting this run (HTTP 429 after every retry)", last, "Lower"
                    + " --concurrency (e.g. --concurrency 1), wait for the limit to reset, or check the rate limits of"
                    + " your plan with the provider; then run the same command again.");
        }
    }

    /** A server's "too many tokens" answer: vLLM, OpenAI, llama.cpp and LM Studio word it so. */
    private static final java.util.regex.Pattern CONTEXT = java.util.regex.Pattern.compile("(?i)maximum context"
            + " length|context length|context window|exceeds the available context|n_ctx|too many tokens");
    private boolean captioned;
    private int alike;
    private String signature;
    private Stop stop;

    /** The stop once it was decided: later batches are not sent (the run ends at the stop's image). */
    synchronized Stop stopped() {
        return stop;
    }

    /**
     * The failure that stops the run at this image, or null. {@code failure} is the image's (null when it was
     * captioned); {@code name} its file name, which the failure's text names, so that the text can be compared.
     */
    synchronized RuntimeException next(RuntimeException failure, String name) {
        if (captioned) {
            return null;
        }
        if (failure == null) {
            captioned = true;
            return null;
        }
        String kind = kind(failure, name);
        if (kind == null || !kind.equals(signature)) {
            signature = kind;
            alike = kind == null ? 0 : 1;
        } else {
            alike++;
        }
        if (alike < LIMIT) {
            return null;
        }
        if (failure instanceof OpenAiException o && o.status() == 429) {
            stop = Stop.rateLimited(o);
            return stop;
        }
        String hint = failure instanceof TaglineException t ? t.hint() : "";
        // one image's "run again to retry this image" is no advice for a run that stops (the engine says it once)
        hint = hint.replaceFirst("[;,.]?\\s*run again to retry this image\\.?$", ".");
        if (CONTEXT.matcher(failure.getMessage()).find()) {
            hint = "The image and prompt do not fit the model's context: send smaller images with --max-side (e.g."
                    + " --max-side 512) or a shorter prompt, or start the server with a longer context (vLLM"
                    + " --max-model-len, llama.cpp -c, Ollama num_ctx).";
        }
        stop = new Stop(failure, hint);
        return stop;
    }

    /**
     * What two failures must share to count as alike: an HTTP error answer with its text (the file name left out),
     * or the hint of a reasoning model that wrote no caption; null for a failure that may be the image's own
     * (timeouts, refusals, unreadable files).
     */
    private static String kind(RuntimeException failure, String name) {
        if (failure instanceof OpenAiException o && o.status() > 0) {
            return o.status() + " " + (name.isEmpty() ? o.getMessage() : o.getMessage().replace(name, ""));
        }
        if (failure instanceof ReasoningOnly r) {
            return "reasoning " + r.hint();
        }
        return null;
    }

    /** A reasoning model used the whole {@code --max-tokens} thinking and wrote no caption. */
    static final class ReasoningOnly extends dev.tagline.core.batch.ItemFailedException {
        private static final long serialVersionUID = 1L;

        ReasoningOnly(String userMessage, String hint) {
            super(userMessage, hint, null);
        }
    }
}
