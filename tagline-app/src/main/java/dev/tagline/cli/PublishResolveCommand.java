package dev.tagline.cli;

import dev.tagline.core.TaglineException;
import dev.tagline.publish.Publishing;
import dev.tagline.publish.plan.AutoScheduler;
import dev.tagline.publish.store.Channel;
import dev.tagline.publish.store.Post;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code tagline publish resolve POST --posted [URL] | --not-posted [--at TIME]}: what the user found on the platform
 * for an unconfirmed post, whose create call's answer was lost and which the reconciler could not settle.
 */
@Command(name = "resolve", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Record what you found on the platform for an unconfirmed post.",
            "Its create call's answer was lost, and the platform cannot be asked or could not tell.",
            "What you record is kept in the post's audit trail.", "",
            "  tagline publish resolve 3 --posted https://www.youtube.com/shorts/abc   # it is there: published",
            "  tagline publish resolve 3 --not-posted                                  # it is not: send it again"})
final class PublishResolveCommand implements Callable<Integer> {
    private final CliContext ctx;
    @Mixin
    PublishOptions db;
    @Parameters(paramLabel = "POST")
    long post;
    @Option(names = "--posted", arity = "0..1", fallbackValue = "", paramLabel = "URL", description = "It is on the"
            + " platform: mark it published, with its URL (or the platform's id for it) when you give one.")
    String posted;
    @Option(names = "--not-posted", description = "It is not on the platform: send it again (now, or --at TIME).")
    boolean notPosted;
    @Option(names = "--at", paramLabel = "TIME", description = "With --not-posted: when to send it, as for 'move'"
            + " (2026-12-01T18:00 on the channel's clock, 18:00, or now; default now).")
    String at;

    PublishResolveCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        if ((posted != null) == notPosted) {
            throw new TaglineException("Say what you found on the platform for post " + post + ": --posted or"
                    + " --not-posted", "Give --posted [URL] if it is there, or --not-posted to send it again.");
        }
        if (at != null && !notPosted) {
            throw new TaglineException("--at goes with --not-posted: a post that is there is not sent again",
                    "Leave out --at, or give --not-posted.");
        }
        try (Publishing p = db.open(ctx)) {
            Channel c = p.channels().byId(p.posts().byId(post).channelId());
            if (posted != null) {
                Post done = p.decisions().resolvePosted(post, posted);
                ctx.out().println("post " + post + ": published (you found it on " + c.platform() + ")"
                        + (done.externalUrl() != null ? " " + done.externalUrl() : done.externalId() != null
                        ? " as " + done.externalId() : "") + "; a clip goes to a channel once, so it is not sent again");
                return ExitCode.OK;
            }
            java.time.Instant when = at == null ? ctx.clock().instant() : PublishTimes.due(at, c.zone(), ctx.clock());
            AutoScheduler.Plan plan = p.scheduler().resend(c, post, when);
            Post again = p.posts().byId(post);
            ctx.out().println("post " + post + ": not on " + c.platform() + ", so it is sent again: "
                    + PublishTimes.describe(again) + (again.plannedBy() == Post.PlannedBy.NOW ? " (now: a running"
                    + " 'tagline publish run' sends it)" : ""));
            return PublishPlanCommands.report(ctx, p, plan) ? ExitCode.OK : ExitCode.SOME_FAILED;
        }
    }
}
