package dev.tagline.inference.openai;

import dev.tagline.core.TaglineException;

/** An OpenAI-compatible server refused or failed a request; {@link #status()} is the HTTP status (0: no answer). */
public final class OpenAiException extends TaglineException {
    private static final long serialVersionUID = 1L;
    private final int status;
    private final boolean everyRequest;

    public OpenAiException(String userMessage, String hint, int status, Throwable cause) {
        this(userMessage, hint, status, cause, false);
    }

    /**
     * @param everyRequest every request to this server would get the same answer: it came from something other than
     *                     an OpenAI-compatible API (a web page, a plain file server), or from how the server was
     *                     started (no vision projector, no model loaded), or the account has no credit
     */
    public OpenAiException(String userMessage, String hint, int status, Throwable cause, boolean everyRequest) {
        super(userMessage, hint, cause);
        this.status = status;
        this.everyRequest = everyRequest;
    }

    public int status() {
        return status;
    }

    /**
     * True when every further request to this server would fail the same way: no server at the address, a refused
     * key, an unknown model, a wrong base URL, or a server started without what the requests need. A batch stops on
     * these instead of failing each item in turn.
     */
    public boolean affectsEveryRequest() {
        return everyRequest || status == 401 || status == 403 || status == 404
                || status == 0 && getCause() instanceof java.net.ConnectException;
    }
}
