package dev.tagline.publish.engine;

import dev.tagline.core.TaglineException;
import dev.tagline.publish.auth.ReconnectNeededException;
import dev.tagline.publish.auth.TokenSource;
import dev.tagline.publish.platform.PlatformException;
import dev.tagline.publish.platform.Platforms;
import dev.tagline.publish.platform.Publisher;
import dev.tagline.publish.platform.PublishRequest;
import dev.tagline.publish.store.Channel;
import dev.tagline.publish.store.Post;
import java.time.Instant;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Runs one claimed post through its steps: {@code UPLOAD} (retry-safe) → record the intent {@code CREATING} →
 * {@code create} (at most once) → {@code CREATED} → status polls → published. A post found in {@code CREATING} (its
 * worker died, or create was ambiguous) is reconciled first: only a definite "not found" from the platform lets the
 * create run again. Every write is fenced by the claim token, so a worker that lost its lease changes nothing.
 */
final class PublishJob {
    /**
     * How a run ended, for the worker's summary. {@code UNCONFIRMED}: this run's create call got no answer;
     * {@code STILL_UNCONFIRMED}: the reconciler asked about an earlier run's create and could not settle it (dogfood
     * round 8 K6: both counted as "unconfirmed", as if the second had just failed too).
     */
    enum Result {
        PUBLISHED, RETRY, UNCONFIRMED, STILL_UNCONFIRMED, FAILED, RECONNECT, LEASE_LOST
    }

    private final JobContext ctx;

    PublishJob(JobContext ctx) {
        this.ctx = ctx;
    }

    Result run(Post post, String owner) {
        Channel channel = ctx.channelCache().get(post.channelId());
        StepTracker step = new StepTracker(ctx, post, owner);
        try {
            Publisher publisher = ctx.publishers().forChannel(channel);
            PublishRequest req = request(post, CurrentClip.asSent(ctx.media().byId(post.mediaId()), post.progress()),
                    channel, owner, step);
            if (post.step() == Post.Step.CREATING) {
                Result reconciled = new Reconciler(ctx, step, post).reconcile(publisher, req);
                if (reconciled != null) {
                    return reconciled;
                }
            }
            if (step.current() == Post.Step.UPLOAD) {
                // the clip as it is now: its copy, and never a video that is not the one rendered and reviewed
                CurrentClip.Sending now = CurrentClip.take(ctx, post.sending(post.title(), post.caption(),
                        req.progress()), req.media(), channel.platform(), owner);
                PublishRequest sending = request(now.post(), now.media(), channel, owner, step);
                withAuthRetry(channel, () -> {
                    publisher.upload(sending);
                    return null;
                });
                step.move(Post.Step.CREATING, sending.progress());
                Publisher.Created created;
                try {
                    created = withAuthRetry(channel, () -> publisher.create(sending));
                } catch (PlatformException e) {
                    if (e.ambiguous() && Platforms.resendsSafely(channel)) {
                        // nothing to check: sent again (same Idempotency-Key) once this call can no longer land
                        return step.unconfirmed(ctx.clock().instant().plus(ctx.settings().createGrace()),
                                "create got no answer (" + e.getMessage() + "); will be sent again by itself ("
                                        + Platforms.whyResendIsSafe(post.id()) + ")");
                    }
                    if (e.ambiguous()) {
                        return step.unconfirmed(ctx.clock().instant().plus(ctx.settings().reconcileEvery()),
                                "create outcome unknown (" + e.getMessage() + "); the reconciler will ask the platform");
                    }
                    step.move(Post.Step.UPLOAD, sending.progress());
                    throw e;
                }
                sending.note("external_id", created.externalId());
                if (created.url() != null) {
                    sending.note("external_url", created.url());
                }
                step.move(Post.Step.CREATED, sending.progress());
                req = sending;
            }
            return new StatusPoller(ctx, step).poll(publisher, req);
        } catch (PublishRequest.LeaseLostException e) {
            return Result.LEASE_LOST;
        } catch (ReconnectNeededException e) {
            ctx.channels().setState(channel.id(), Channel.State.NEEDS_RECONNECT, e.getMessage());
            return step.retry(ctx.clock().instant(), e.getMessage(), Result.RECONNECT);
        } catch (PlatformException e) {
            return onPlatformError(post, step, e);
        } catch (dev.tagline.publish.store.UnreadableClipException e) {
            return step.fail(e.failedLine()); // the calendar's broken line, with the fix a failed post has
        } catch (TaglineException e) {
            return step.fail(e.oneLine());
        }
    }

    private PublishRequest request(Post post, dev.tagline.publish.store.Media media, Channel channel, String owner,
                                   StepTracker step) {
        return new PublishRequest(post, media, channel, ctx.http(post.id(), owner),
                () -> ctx.tokens().accessToken(channel), ctx.clock(), step::save);
    }

    private Result onPlatformError(Post post, StepTracker step, PlatformException e) {
        Instant now = ctx.clock().instant();
        switch (e.kind()) {
            case PERMANENT:
                return step.fail(e.getMessage());
            case AUTH:
                return step.fail("the platform refused a freshly refreshed token: " + e.getMessage());
            default:
                if (e.kind() == PlatformException.Kind.RETRYABLE && post.tries() >= ctx.settings().maxTries()) {
                    return step.fail("gave up after " + post.tries() + " tries: " + e.getMessage());
                }
                return step.retry(ctx.backoff().next(post.tries(), e.retryAfter(), now), e.getMessage(), Result.RETRY);
        }
    }

    /** Runs {@code call}; after a 401 refreshes the token once and runs it again. */
    private <T> T withAuthRetry(Channel channel, Supplier<T> call) {
        try {
            return call.get();
        } catch (PlatformException e) {
            if (e.kind() != PlatformException.Kind.AUTH) {
                throw e;
            }
            ctx.tokens().refresh(channel);
            try {
                return call.get();
            } catch (PlatformException again) {
                if (again.kind() == PlatformException.Kind.AUTH) {
                    throw new ReconnectNeededException(channel.name(), "the platform refused the refreshed token ("
                            + again.getMessage() + ")");
                }
                throw again;
            }
        }
    }

    /** Step state of the run, persisted through fenced writes. */
    static final class StepTracker {
        private final JobContext ctx;
        private final Post post;
        private final String owner;
        private Post.Step current;

        StepTracker(JobContext ctx, Post post, String owner) {
            this.ctx = ctx;
            this.post = post;
            this.owner = owner;
            this.current = post.step();
        }

        Post.Step current() {
            return current;
        }

        boolean save(Map<String, String> progress) {
            return ctx.jobs().checkpoint(post.id(), owner, current, progress, ctx.clock().instant());
        }

        void move(Post.Step next, Map<String, String> progress) {
            current = next;
            if (!save(progress)) {
                throw new PublishRequest.LeaseLostException(post.id());
            }
        }

        Result retry(Instant at, String reason, Result kind) {
            return fenced(ctx.jobs().retryAt(post.id(), owner, at, reason, ctx.clock().instant()), kind);
        }

        Result unconfirmed(Instant at, String reason) {
            return fenced(ctx.jobs().unconfirmed(post.id(), owner, at, reason, ctx.clock().instant()),
                    Result.UNCONFIRMED);
        }

        /** As {@link #unconfirmed}, for a post whose create call an earlier run made. */
        Result stillUnconfirmed(Instant at, String reason) {
            return fenced(ctx.jobs().unconfirmed(post.id(), owner, at, reason, ctx.clock().instant()),
                    Result.STILL_UNCONFIRMED);
        }

        Result fail(String reason) {
            return fenced(ctx.jobs().failed(post.id(), owner, reason, ctx.clock().instant()), Result.FAILED);
        }

        Result published(String id, String url) {
            return fenced(ctx.jobs().published(post.id(), owner, id, url, ctx.clock().instant()), Result.PUBLISHED);
        }

        private static Result fenced(boolean ok, Result result) {
            return ok ? result : Result.LEASE_LOST;
        }
    }
}
