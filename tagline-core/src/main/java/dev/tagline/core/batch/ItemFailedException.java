package dev.tagline.core.batch;

import dev.tagline.core.TaglineException;

/** One item could not be done (unreadable file, model error on one image); the run goes on without it. */
public class ItemFailedException extends TaglineException {
    private static final long serialVersionUID = 1L;

    public ItemFailedException(String userMessage, String hint, Throwable cause) {
        super(userMessage, hint, cause);
    }
}
