package dev.tagline.video.copy;

/** Writes a clip's copy. Implementations are thread-safe. */
public interface Copywriter {
    /** The built-in copy's {@link Written#source()}. */
    String BUILT_IN = "built-in";

    ClipCopy write(CopyInput input);

    /** The copy and where it came from; the built-in copywriter's by default. */
    default Written writeTraced(CopyInput input) {
        return new Written(write(input), BUILT_IN, null);
    }

    /**
     * Everything that changes this copywriter's copy apart from its input (model, endpoint, token limit, prompt), as
     * text: a re-run whose copy settings differ writes the copy again.
     */
    default String settings() {
        return BUILT_IN;
    }

    /**
     * Copy and its origin.
     *
     * @param source {@link #BUILT_IN} or {@code openai:MODEL}
     * @param fallback why a model's copy was not used and the built-in copy was; null when not asked or it answered
     */
    record Written(ClipCopy copy, String source, String fallback) {
    }
}
