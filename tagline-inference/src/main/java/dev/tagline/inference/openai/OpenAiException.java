package dev.tagline.inference.openai;

import dev.tagline.core.TaglineException;

/** An OpenAI-compatible server refused or failed a request; {@link #status()} is the HTTP status (0: no answer). */
public final class OpenAiException extends TaglineException {
    private static final long serialVersionUID = 1L;
    private final int status;

    public OpenAiException(String userMessage, String hint, int status, Throwable cause) {
        super(userMessage, hint, cause);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
