package dev.tagline.inference.openai;

import dev.tagline.core.TaglineException;

/**
 * The most tokens a chat model may write in one answer, sent as {@code max_tokens} so that no server's own default
 * applies (some stop at 16 tokens, a reasoning model under no limit may think for as long as the context lasts), with
 * the option that sets it ({@code --judge-max-tokens}), which the fixes name when the limit was too small.
 *
 * @param option    the command-line option that sets the limit, as the user types it
 * @param maxTokens the limit, at least 1
 */
public record AnswerLimit(String option, int maxTokens) {
    public AnswerLimit {
        if (maxTokens < 1) {
            throw new TaglineException(option + " must be a whole number of tokens, 1 or more (got " + maxTokens
                    + ")", "Give the longest answer the model may write, e.g. " + option + " 2048.");
        }
    }

    /** The sampling fields that send this limit, the others at their neutral value. */
    public ChatClient.Sampling sampling() {
        return new ChatClient.Sampling(maxTokens, 1.0, 1.0);
    }

    /**
     * The fix for a reasoning model that wrote no answer ({@link ChatClient.Reply#thinkingOnly}): raise this limit,
     * or the server's own when that is lower, or turn the thinking off.
     */
    public String thinkingFix() {
        return "raise " + option + " (now " + maxTokens + ") and, if it is lower, the server's own limit (llama-server"
                + " -n or -c, Ollama num_ctx), or turn the model's thinking off";
    }

    /** The fix for an answer cut off at the limit ({@code finish_reason: length}) before it was complete. */
    public String cutFix() {
        return "raise " + option + " (now " + maxTokens + ") and, if it is lower, the server's own limit";
    }
}
