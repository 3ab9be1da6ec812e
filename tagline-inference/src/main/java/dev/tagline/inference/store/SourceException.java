package dev.tagline.inference.store;

/**
 * One source could not deliver a file. {@code reason} is short ("not there", "HTTP 404 EntryNotFound") because it is
 * listed with the other sources in one message; {@code hint} is what the user can do about this source, or empty.
 */
final class SourceException extends Exception {
    private static final long serialVersionUID = 1L;
    private final String hint;

    SourceException(String reason, String hint) {
        this(reason, hint, null);
    }

    SourceException(String reason, String hint, Throwable cause) {
        super(reason, cause);
        this.hint = hint == null ? "" : hint;
    }

    String hint() {
        return hint;
    }
}
