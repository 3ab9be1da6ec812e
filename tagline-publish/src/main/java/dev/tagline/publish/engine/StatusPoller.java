package dev.tagline.publish.engine;

import dev.tagline.publish.platform.Publisher;
import dev.tagline.publish.platform.PublishRequest;
import java.time.Duration;

/**
 * Polls a created post until it is live. Short waits happen while holding the lease; a long one hands the post back
 * with a due time, so one slow platform does not hold a worker thread for hours.
 */
final class StatusPoller {
    private final JobContext ctx;
    private final PublishJob.StepTracker step;

    StatusPoller(JobContext ctx, PublishJob.StepTracker step) {
        this.ctx = ctx;
        this.step = step;
    }

    PublishJob.Result poll(Publisher publisher, PublishRequest req) {
        Duration maxInlineWait = ctx.settings().lease().dividedBy(3);
        for (int i = 0; ; i++) {
            Publisher.Outcome outcome = publisher.status(req);
            if (outcome instanceof Publisher.Outcome.Published p) {
                return step.published(p.externalId(), p.url());
            }
            if (outcome instanceof Publisher.Outcome.Rejected r) {
                return step.fail("the platform rejected the post after accepting it: " + r.reason());
            }
            Publisher.Outcome.Pending pending = (Publisher.Outcome.Pending) outcome;
            if (i + 1 >= ctx.settings().inlinePolls() || pending.after().compareTo(maxInlineWait) > 0) {
                return step.retry(ctx.clock().instant().plus(pending.after()), "processing: " + pending.what(),
                        PublishJob.Result.RETRY);
            }
            try {
                Thread.sleep(pending.after().toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return step.retry(ctx.clock().instant(), "worker stopping while the post is processing",
                        PublishJob.Result.RETRY);
            }
        }
    }
}
