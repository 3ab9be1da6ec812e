package dev.tagline.publish.engine;

import dev.tagline.publish.platform.PlatformException;
import dev.tagline.publish.platform.Publisher;
import dev.tagline.publish.platform.PublishRequest;
import dev.tagline.publish.store.AttemptLog;
import dev.tagline.publish.store.Post;
import java.time.Duration;
import java.time.Instant;

/**
 * Decides what to do with a post whose create call may or may not have happened (publishing.md §17.3 rule 3): ask
 * the platform. Found ⇒ carry on from {@code CREATED}; a definite "not found", once the interrupted call can no
 * longer land, ⇒ back to {@code UPLOAD} so the create runs again; anything else ⇒ stay {@code unconfirmed} and ask
 * again later. Never creates on a guess.
 */
final class Reconciler {
    private final JobContext ctx;
    private final PublishJob.StepTracker step;
    private final Post post;

    Reconciler(JobContext ctx, PublishJob.StepTracker step, Post post) {
        this.ctx = ctx;
        this.step = step;
        this.post = post;
    }

    /** Null when the run may go on (the step was moved); otherwise the run's result. */
    PublishJob.Result reconcile(Publisher publisher, PublishRequest req) {
        Instant now = ctx.clock().instant();
        Publisher.Lookup lookup;
        try {
            lookup = publisher.find(req);
        } catch (PlatformException e) {
            return step.stillUnconfirmed(later(now, e.retryAfter()), "could not ask the platform whether post exists: "
                    + e.getMessage());
        }
        if (lookup instanceof Publisher.Lookup.Found found) {
            note(now, "found " + found.externalId());
            req.note("external_id", found.externalId());
            if (found.url() != null) {
                req.note("external_url", found.url());
            }
            step.move(Post.Step.CREATED, req.progress());
            return null;
        }
        if (lookup instanceof Publisher.Lookup.NotFound notFound) {
            Instant safeFrom = (post.stepAt() == null ? now : post.stepAt()).plus(ctx.settings().createGrace());
            if (now.isBefore(safeFrom)) {
                return step.stillUnconfirmed(safeFrom, dev.tagline.publish.platform.Platforms.resendsSafely(
                        req.channel()) ? "create got no answer; will be sent again by itself once the lost call can no"
                        + " longer land (" + dev.tagline.publish.platform.Platforms.whyResendIsSafe(post.id()) + ")"
                        : "not on the platform yet (" + notFound.evidence() + "); waiting until an interrupted"
                        + " create can no longer land");
            }
            note(now, "not found (" + notFound.evidence() + "); create may run again");
            step.move(Post.Step.UPLOAD, req.progress());
            return null;
        }
        Publisher.Lookup.Unknown unknown = (Publisher.Lookup.Unknown) lookup;
        note(now, "unknown: " + unknown.why());
        return step.stillUnconfirmed(later(now, null), "cannot tell whether the post exists (" + unknown.why()
                + "); check the platform before posting it again");
    }

    private Instant later(Instant now, Duration retryAfter) {
        Instant backoff = ctx.backoff().next(post.tries(), retryAfter, now);
        Instant min = now.plus(ctx.settings().reconcileEvery());
        return backoff.isBefore(min) ? min : backoff;
    }

    private void note(Instant at, String what) {
        ctx.attempts().record(new AttemptLog.Attempt(post.id(), at, "reconciler", "reconcile", "-", null, "decided",
                what, Duration.ZERO));
    }
}
