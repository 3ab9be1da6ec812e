package dev.tagline.cli;

import dev.tagline.publish.Publishing;
import dev.tagline.publish.plan.AutoScheduler;
import dev.tagline.publish.store.Channel;
import dev.tagline.publish.store.Post;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code auto-schedule}, {@code move}, {@code unschedule} and {@code cancel}: the commands that change the plan. */
final class PublishPlanCommands {
    private PublishPlanCommands() {
    }

    /** Prints what a planning run did; unplaced posts are listed with the reason. */
    static boolean report(CliContext ctx, Publishing p, AutoScheduler.Plan plan) {
        for (Post post : plan.placed()) {
            java.time.Instant was = plan.previous().get(post.id());
            ctx.out().println("  post " + post.id() + " → " + PublishTimes.show(post.scheduledAt(), post.zone())
                    + " " + plan.channel() + (was == null ? "" : " (was " + PublishTimes.show(was, post.zone()) + ")"));
        }
        for (AutoScheduler.Unplaced u : plan.unplaced()) {
            ctx.err().println("  post " + u.postId() + " not scheduled on " + plan.channel() + ": " + u.reason());
        }
        return plan.unplaced().isEmpty();
    }

    @Command(name = "auto-schedule", mixinStandardHelpOptions = true,
            description = "Fill free slots with queued posts, best clip score first, within rules and platform caps.")
    static final class AutoSchedule implements Callable<Integer> {
        private final CliContext ctx;
        @Mixin
        PublishOptions db;
        @Option(names = "--channels", split = ",", description = "Only these channels (default: all).")
        List<String> channels;

        AutoSchedule(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() {
            boolean all = true;
            try (Publishing p = db.open(ctx)) {
                List<Channel> targets = channels == null ? p.channels().list()
                        : channels.stream().map(n -> p.channels().byName(n.strip())).toList();
                if (targets.isEmpty()) {
                    ctx.out().println("No channels yet: add one with 'tagline publish channels add NAME --platform …',"
                            + " then queue clips on it.");
                    return ExitCode.OK;
                }
                boolean planned = false;
                for (Channel c : targets) {
                    if (p.rules().find(c.id()).isEmpty()) {
                        if (!p.posts().queuedByScore(c.id()).isEmpty()) {
                            ctx.err().println(c.name() + ": queued posts wait for a rule: tagline publish rules set "
                                    + c.name() + " --times 09:00");
                            all = false;
                            planned = true;
                        }
                        continue;
                    }
                    planned = true;
                    AutoScheduler.Plan plan = p.scheduler().schedule(c);
                    ctx.out().println(c.name() + ": " + plan.placed().size() + " scheduled, " + plan.unplaced().size()
                            + " left in the queue");
                    all &= report(ctx, p, plan);
                }
                if (!planned) {
                    ctx.out().println("Nothing to schedule: no channel has posting rules or queued posts. Set rules"
                            + " with 'tagline publish rules set CHANNEL --times 09:00' and queue clips with"
                            + " 'tagline publish queue'.");
                }
            }
            return all ? ExitCode.OK : ExitCode.SOME_FAILED;
        }
    }

    @Command(name = "move", mixinStandardHelpOptions = true,
            description = "Move a post to a time (fixed from then on). Other posts keep their times, except auto-placed"
                    + " ones the new time breaks the posting rule for: those are placed again, and named.")
    static final class Move implements Callable<Integer> {
        private final CliContext ctx;
        @Mixin
        PublishOptions db;
        @Parameters(index = "0", paramLabel = "POST")
        long post;
        @Parameters(index = "1", paramLabel = "TIME", description = "2026-12-01T18:00 (channel's clock), with an"
                + " offset, 18:00 (the next 18:00 on the channel's clock), or now: due at once, a running 'tagline"
                + " publish run' sends it.")
        String time;

        Move(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() {
            try (Publishing p = db.open(ctx)) {
                Channel c = p.channels().byId(p.posts().byId(post).channelId());
                java.time.Instant at = PublishTimes.due(time, c.zone(), ctx.clock());
                String broken = p.brokenClips().posts().get(post);
                if (broken != null && !at.isAfter(ctx.clock().instant())) { // now: a run would only fail it
                    throw dev.tagline.publish.store.UnreadableClipException.notNow(post, broken);
                }
                AutoScheduler.Plan plan = p.scheduler().move(c, post, at);
                Post moved = p.posts().byId(post);
                ctx.out().println("post " + post + ": " + PublishTimes.describe(moved)
                        + (moved.plannedBy() == Post.PlannedBy.NOW ? " (now: outside the plan, so the posting rule does"
                        + " not count it)" : ""));
                PublishTimes.skipped(time, c.zone(), at).ifPresent(n -> ctx.out().println("note: " + n));
                // the calendar says the same on a drag: the move stands, the user is told (never for now: asked for)
                p.scheduler().warnings(c, post, at).forEach(w -> ctx.out().println("warning: " + w + "."));
                int others = plan.placed().size() + plan.unplaced().size();
                ctx.out().println(others == 0 ? "no other post moved" : "moved " + others + " other post(s) of "
                        + c.name() + " to keep its posting rule:");
                return report(ctx, p, plan) ? ExitCode.OK : ExitCode.SOME_FAILED;
            }
        }
    }

    @Command(name = "unschedule", mixinStandardHelpOptions = true,
            description = "Take a scheduled post's time away: it goes back to the queue (not cancelled), where the"
                    + " next auto-schedule may give it a time. Refused once a worker has started it.")
    static final class Unschedule implements Callable<Integer> {
        private final CliContext ctx;
        @Mixin
        PublishOptions db;
        @Parameters(paramLabel = "POST")
        long post;

        Unschedule(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() {
            try (Publishing p = db.open(ctx)) {
                Post before = p.posts().byId(post);
                p.scheduler().unschedule(post);
                ctx.out().println("post " + post + ": back in the queue, no time (was " + PublishTimes.describe(before)
                        + "); 'tagline publish auto-schedule' or 'tagline publish move " + post + " TIME' gives it one");
                return ExitCode.OK;
            }
        }
    }

    @Command(name = "cancel", mixinStandardHelpOptions = true,
            description = "Cancel a post that has not gone out. No other post moves; the next auto-schedule may give"
                    + " its slot to a queued post.")
    static final class Cancel implements Callable<Integer> {
        private final CliContext ctx;
        @Mixin
        PublishOptions db;
        @Parameters(paramLabel = "POST")
        long post;

        Cancel(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() {
            try (Publishing p = db.open(ctx)) {
                Channel c = p.channels().byId(p.posts().byId(post).channelId());
                AutoScheduler.Plan plan = p.scheduler().cancel(c, post);
                ctx.out().println("post " + post + ": cancelled; no other post moved (the next auto-schedule may give its"
                        + " slot to a queued post)");
                return report(ctx, p, plan) ? ExitCode.OK : ExitCode.SOME_FAILED;
            }
        }
    }
}
