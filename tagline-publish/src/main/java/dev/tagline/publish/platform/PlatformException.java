package dev.tagline.publish.platform;

import dev.tagline.core.TaglineException;
import java.time.Duration;

/**
 * A platform call that did not succeed, classified the way the engine acts on it (publishing.md §17.3 rule 5).
 * {@code ambiguous} marks failures after which the request may still have taken effect (timeouts, dropped
 * connections, 5xx): on the create step those make a post {@code unconfirmed} instead of being retried.
 */
public final class PlatformException extends TaglineException {
    private static final long serialVersionUID = 1L;

    /** How the engine reacts. */
    public enum Kind {
        /** 5xx, network: retry with backoff. */
        RETRYABLE,
        /** 429 or a platform rate-limit code: retry after {@code retryAfter}. */
        RATE_LIMITED,
        /** A quota or cap window (daily upload quota, 24 h publishing limit): retry when it frees. */
        QUOTA,
        /** The platform is still processing what was sent (a container, an upload): ask again later. */
        PENDING,
        /** 401 / expired token: refresh once, then the channel needs reconnecting. */
        AUTH,
        /** Validation, policy, format: fail the post with the platform's reason. */
        PERMANENT
    }

    private final Kind kind;
    private final Integer status;
    private final Duration retryAfter;
    private final boolean ambiguous;

    public PlatformException(Kind kind, Integer status, String reason, Duration retryAfter, boolean ambiguous,
                             Throwable cause) {
        super(reason, hintFor(kind), cause);
        this.kind = kind;
        this.status = status;
        this.retryAfter = retryAfter;
        this.ambiguous = ambiguous;
    }

    public static PlatformException permanent(Integer status, String reason) {
        return new PlatformException(Kind.PERMANENT, status, reason, null, false, null);
    }

    public static PlatformException auth(Integer status, String reason) {
        return new PlatformException(Kind.AUTH, status, reason, null, false, null);
    }

    public static PlatformException rateLimited(Integer status, String reason, Duration retryAfter) {
        return new PlatformException(Kind.RATE_LIMITED, status, reason, retryAfter, false, null);
    }

    public static PlatformException quota(String reason, Duration retryAfter) {
        return new PlatformException(Kind.QUOTA, null, reason, retryAfter, false, null);
    }

    public static PlatformException pending(String what, Duration after) {
        return new PlatformException(Kind.PENDING, null, what, after, false, null);
    }

    /** A call that never reached the platform (no connection): safe to try again. */
    public static PlatformException notSent(String reason, Throwable cause) {
        return new PlatformException(Kind.RETRYABLE, null, reason, null, false, cause);
    }

    /** A failure after which the request may have taken effect. */
    public static PlatformException ambiguous(Integer status, String reason, Throwable cause) {
        return new PlatformException(Kind.RETRYABLE, status, reason, null, true, cause);
    }

    public Kind kind() {
        return kind;
    }

    /** The HTTP status, or null when there was no answer. */
    public Integer status() {
        return status;
    }

    /** The wait the platform asked for, or null. */
    public Duration retryAfter() {
        return retryAfter;
    }

    public boolean ambiguous() {
        return ambiguous;
    }

    private static String hintFor(Kind kind) {
        return switch (kind) {
            case RETRYABLE, RATE_LIMITED, QUOTA, PENDING -> "The worker retries it later.";
            case AUTH -> "Reconnect the channel if the token cannot be refreshed.";
            case PERMANENT -> "Fix the post (caption, video, settings) and queue it again.";
        };
    }
}
