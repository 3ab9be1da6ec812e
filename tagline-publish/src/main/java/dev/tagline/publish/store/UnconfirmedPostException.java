package dev.tagline.publish.store;

import dev.tagline.core.TaglineException;

/**
 * An action refused because its post is {@link PostState#UNCONFIRMED unconfirmed}: the answer to its create call was
 * lost, so whether the platform has it is not known, and neither moving, cancelling nor queueing it again is safe until
 * the user has checked the platform and recorded what they found ({@link PostDecisions#resolvePosted},
 * {@link PostDecisions#resolveNotPosted}). The hint is the command line's; the web app words its own from {@link #postId()}.
 */
public final class UnconfirmedPostException extends TaglineException {
    private static final long serialVersionUID = 1L;
    private final long postId;

    /** {@code cannot}: what was refused, as "cancelled" or "moved". */
    public UnconfirmedPostException(long postId, String cannot) {
        super("Post " + postId + " is unconfirmed: the answer to its create call was lost, so whether the platform has"
                + " it is not known, and it cannot be " + cannot, cliHint(postId));
        this.postId = postId;
    }

    public long postId() {
        return postId;
    }

    /** What to do about an unconfirmed post on the command line. */
    public static String cliHint(long postId) {
        return "Check the platform, then record what you found: 'tagline publish resolve " + postId + " --posted [URL]'"
                + " if it is there, or 'tagline publish resolve " + postId + " --not-posted' to send it again.";
    }

    /** What to do about an unconfirmed post in the web app. */
    public static String webHint() {
        return "Check the platform, then record what you found in the post's editor: Posted (it is there) or Not"
                + " posted (send it again).";
    }
}
