package dev.tagline.cli;

import dev.tagline.publish.Publishing;
import dev.tagline.publish.store.AttemptLog;
import dev.tagline.publish.store.Channel;
import dev.tagline.publish.store.Post;
import dev.tagline.publish.store.PostState;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code tagline publish status [POST]}: what happened, and what needs the user. */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = {"Counts per state, channels that need reconnecting and posts that need attention.",
            "With POST: that post's state and every call made to the platform for it."})
final class PublishStatusCommand implements Callable<Integer> {
    private final CliContext ctx;
    @Mixin
    PublishOptions db;
    @Parameters(paramLabel = "POST", arity = "0..1")
    Long post;

    PublishStatusCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        try (Publishing p = db.open(ctx)) {
            return post == null ? overview(p) : detail(p, p.posts().byId(post));
        }
    }

    private int overview(Publishing p) {
        Map<PostState, Integer> counts = p.posts().countByState();
        StringBuilder line = new StringBuilder("posts:");
        for (PostState s : PostState.values()) {
            line.append(' ').append(s.label()).append(' ').append(counts.getOrDefault(s, 0));
        }
        ctx.out().println(line);
        boolean attention = false;
        for (Channel c : p.channels().list()) {
            if (c.state() != Channel.State.ACTIVE) {
                attention = true;
                ctx.out().println("channel " + c.name() + ": " + c.state().name().toLowerCase().replace('_', ' ')
                        + (PublishChannelsCommand.stateReason(c) == null ? ""
                        : " (" + PublishChannelsCommand.stateReason(c) + ")"));
            }
        }
        for (PostState s : new PostState[] {PostState.UNCONFIRMED, PostState.FAILED}) {
            for (Post post : p.posts().inState(s)) {
                if (resendsItself(p.channels().byId(post.channelId()), post)) { // nothing to check (K5)
                    ctx.out().println("post " + post.id() + " retrying at " + PublishTimes.showSeconds(post.dueAt(),
                            post.zone()) + " (try " + (post.tries() + 1) + "): " + post.lastError());
                    continue;
                }
                attention = true;
                ctx.out().println("post " + post.id() + " " + s.label() + ": " + post.lastError()
                        + (s == PostState.UNCONFIRMED ? " — " + resolveHint(post.id()) : ""));
            }
        }
        for (Post post : p.posts().inState(PostState.SCHEDULED)) {
            if (retrying(post)) {
                // nothing lost: the worker tries again by itself, but a user should see why it is late
                ctx.out().println("post " + post.id() + " retrying at " + PublishTimes.showSeconds(post.dueAt(), post.zone())
                        + " (try " + (post.tries() + 1) + "): " + post.lastError());
            }
        }
        return attention ? ExitCode.SOME_FAILED : ExitCode.OK;
    }

    private int detail(Publishing p, Post post) {
        Channel c = p.channels().byId(post.channelId());
        boolean resends = resendsItself(c, post);
        // a post the worker sends again by itself reads as retrying in the header too (dogfood round 9 L10)
        ctx.out().println("post " + post.id() + " on " + c.name() + " (" + c.platform() + "): " + (resends
                || retrying(post) ? "retrying" + (post.scheduledAt() == null ? "" : ", planned for "
                + PublishTimes.show(post.scheduledAt(), post.zone()) + " " + post.zone()) : PublishTimes.describe(post)));
        ctx.out().println("  " + stage(post, c.platform()) + ", tries " + post.tries()
                + (post.externalUrl() == null ? "" : ", " + post.externalUrl())
                + (post.lastError() == null ? "" : ", last error: " + post.lastError()));
        if (retrying(post)) {
            // a try failed; the worker tries again by itself (dogfood round 8 K14: the next try went unsaid)
            ctx.out().println("  retrying at " + PublishTimes.showSeconds(post.dueAt(), post.zone()) + " (try "
                    + (post.tries() + 1) + ")");
        }
        if (resends) {
            ctx.out().println("  retrying at " + PublishTimes.showSeconds(post.dueAt(), post.zone()) + " (try "
                    + (post.tries() + 1) + "): nothing to check, Tagline sends it again by itself ("
                    + dev.tagline.publish.platform.Platforms.whyResendIsSafe(post.id()) + "). Not waiting? 'tagline"
                    + " publish resolve " + post.id() + " --posted [URL]' or '--not-posted' decides now.");
        } else if (post.state() == PostState.UNCONFIRMED) {
            ctx.out().println("  " + resolveHint(post.id()));
        }
        String broken = p.brokenClips().posts().get(post.id());
        if (broken != null) {
            ctx.out().println("  " + broken);
        }
        for (AttemptLog.Attempt a : p.attempts().of(post.id())) {
            ctx.out().printf("  %s %-8s %-44s %-4s %-10s %s%n", PublishTimes.show(a.at(), c.zone()), a.step(),
                    a.request(), a.status() == null ? "-" : a.status(), a.outcome(), a.detail() == null ? ""
                            : a.detail());
        }
        return post.state() == PostState.FAILED || post.state() == PostState.UNCONFIRMED && !resends
                ? ExitCode.SOME_FAILED : ExitCode.OK;
    }

    /**
     * An unconfirmed post that the worker sends again by itself, safely (a webhook receiver that dedupes by
     * Idempotency-Key): shown as retrying, without asking the user to check the platform (dogfood round 8 K5).
     */
    static boolean resendsItself(Channel c, Post post) {
        return post.state() == PostState.UNCONFIRMED && post.dueAt() != null
                && dev.tagline.publish.platform.Platforms.resendsSafely(c);
    }

    /**
     * Where the post is, in the words of the audit's steps (upload, create, status): a create call the platform
     * refused for certain leaves the post before create, which the audit's refused "create" line agrees with.
     */
    static String stage(Post post, String platform) {
        return switch (post.step()) {
            case UPLOAD -> "stage: before create (nothing created on " + platform + " yet)";
            case CREATING -> post.state() == PostState.PUBLISHING ? "stage: create (the call is in flight)"
                    : "stage: create (the call was made; whether " + platform + " has the post is not known)";
            case CREATED -> "stage: after create (on " + platform + ", processing)";
            case DONE -> "stage: done";
        };
    }

    private static String resolveHint(long post) {
        return dev.tagline.publish.store.UnconfirmedPostException.cliHint(post);
    }

    /** A scheduled post whose last try failed (a 429, a 5xx): the worker tries it again by itself at its due time. */
    static boolean retrying(Post post) {
        return post.state() == PostState.SCHEDULED && post.lastError() != null && post.dueAt() != null;
    }
}
