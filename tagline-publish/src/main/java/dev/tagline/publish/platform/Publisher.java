package dev.tagline.publish.platform;

import java.time.Duration;

/**
 * One platform's publishing flow, split by what may be retried (publishing.md §17.3). The engine calls
 * {@link #upload} (any number of times, resuming from the request's progress), then {@link #create} at most once per
 * proof that no post exists, then {@link #status} until the post is live. After a crash or an ambiguous
 * {@code create} it asks {@link #find} before anything else. Implementations are stateless; all state lives in the
 * request's progress map, which the engine persists.
 */
public interface Publisher {
    /** Retry-safe and resumable: sends the media (or prepares a container); checkpoints progress as it goes. */
    void upload(PublishRequest request);

    /**
     * The one non-idempotent call that makes the post exist. Throws {@link PlatformException}; one that is
     * {@link PlatformException#ambiguous() ambiguous} means the post may or may not exist now.
     */
    Created create(PublishRequest request);

    /** Retry-safe: is the created post live yet? */
    Outcome status(PublishRequest request);

    /** For the reconciler: does the post exist on the platform? Must not guess: say Unknown when it cannot tell. */
    Lookup find(PublishRequest request);

    /** How many posts of this platform one worker may publish at once. */
    default int concurrency() {
        return 4;
    }

    /** What {@link #create} returned: the platform's id for the post, and its URL when already known. */
    record Created(String externalId, String url) {
    }

    /** Status of a created post. */
    sealed interface Outcome {
        /** Live at {@code url}. */
        record Published(String externalId, String url) implements Outcome {
        }

        /** Still processing; ask again after {@code after}. */
        record Pending(Duration after, String what) implements Outcome {
        }

        /** The platform rejected it after accepting it (moderation, processing failure). */
        record Rejected(String reason) implements Outcome {
        }
    }

    /** The reconciler's answer. */
    sealed interface Lookup {
        /** The post exists. */
        record Found(String externalId, String url) implements Lookup {
        }

        /** The platform says for certain that no post was made: creating it now cannot double-post. */
        record NotFound(String evidence) implements Lookup {
        }

        /** The platform cannot tell; the post stays unconfirmed until it can, or the user decides. */
        record Unknown(String why) implements Lookup {
        }
    }
}
