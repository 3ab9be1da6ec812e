package dev.tagline.core;

import java.util.Objects;

/**
 * The one unchecked exception family of Tagline. The message says what failed and on which input; the hint says what
 * the user can do about it. Both are shown to the user as they are, so they are part of the interface.
 */
public class TaglineException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String hint;

    public TaglineException(String userMessage, String hint) {
        this(userMessage, hint, null);
    }

    public TaglineException(String userMessage, String hint, Throwable cause) {
        super(Objects.requireNonNull(userMessage, "userMessage"), cause);
        this.hint = hint == null ? "" : hint;
    }

    /** What to do about it; empty when there is nothing more to say than the message. */
    public String hint() {
        return hint;
    }

    /** Message and hint as one line, the way the command line shows it. */
    public String oneLine() {
        String message = getMessage().strip();
        if (hint.isBlank()) {
            return message;
        }
        return message + (message.endsWith(".") ? " " : ". ") + hint.strip();
    }
}
