package dev.tagline.publish.store;

import dev.tagline.core.TaglineException;

/**
 * A clip queued on a channel where it already is (queued, scheduled, publishing or published). The hint is the
 * command line's; the web app words its own from {@link #postId()} and {@link #published()}.
 */
public final class AlreadyOnChannelException extends TaglineException {
    private static final long serialVersionUID = 1L;
    private final long postId;
    private final PostState state;

    AlreadyOnChannelException(String message, Post post) {
        super(message, switch (post.state()) {
            case PUBLISHED -> "A clip is published on a channel once.";
            case UNCONFIRMED -> "Whether the platform has it is not known. " + UnconfirmedPostException.cliHint(
                    post.id());
            case PUBLISHING -> "A worker is publishing it now.";
            default -> post.step() != Post.Step.UPLOAD ? "It is on the platform, processing." : "Use 'tagline"
                    + " publish move " + post.id() + " TIME' to change its time, or 'tagline publish cancel "
                    + post.id() + "' to take it off.";
        });
        this.postId = post.id();
        this.state = post.state();
    }

    /** The post that holds the clip on the channel. */
    public long postId() {
        return postId;
    }

    public boolean published() {
        return state == PostState.PUBLISHED;
    }

    /** The state of the post that holds the clip on the channel. */
    public PostState state() {
        return state;
    }
}
