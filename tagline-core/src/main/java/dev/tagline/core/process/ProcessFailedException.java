package dev.tagline.core.process;

import dev.tagline.core.TaglineException;

/** A tool exited with an error, could not start, or ran past its time limit. Carries the end of its stderr. */
public final class ProcessFailedException extends TaglineException {
    private static final long serialVersionUID = 1L;
    private final transient ProcessResult result;

    public ProcessFailedException(String userMessage, String hint, ProcessResult result, Throwable cause) {
        super(userMessage, hint, cause);
        this.result = result;
    }

    /** The result when the process ran to an exit code; null when it could not start or timed out. */
    public ProcessResult result() {
        return result;
    }
}
