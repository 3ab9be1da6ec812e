package dev.tagline.cli;

import dev.tagline.core.TaglineException;
import dev.tagline.publish.Publishing;
import dev.tagline.publish.store.Channel;
import dev.tagline.publish.store.Post;
import dev.tagline.publish.store.PostState;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code tagline publish list --from --to}: the calendar as text, in each channel's own time. */
@Command(name = "list", mixinStandardHelpOptions = true, sortOptions = false,
        description = "List scheduled posts in a time range, each in its channel's time zone; queued posts too.")
final class PublishListCommand implements Callable<Integer> {
    private final CliContext ctx;
    @Mixin
    PublishOptions db;
    @Option(names = "--from", description = "Start (default: 24 h ago). 2026-12-01, 2026-12-01T18:00 or with offset.")
    String from;
    @Option(names = "--to", description = "End, exclusive (default: 30 days from now).")
    String to;
    @Option(names = "--channel", description = "Only this channel.")
    String channel;
    private java.util.Map<Long, String> broken = java.util.Map.of();

    PublishListCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        Instant now = ctx.clock().instant();
        ZoneId zone = ctx.clock().getZone();
        Instant start = from == null ? now.minusSeconds(86_400) : PublishTimes.parse(from, zone);
        Instant end = to == null ? now.plusSeconds(30L * 86_400) : PublishTimes.parse(to, zone);
        if (!end.isAfter(start)) {
            throw new TaglineException("--to " + (to == null ? "(30 days from now)" : to) + " is not after --from "
                    + (from == null ? "(24 h ago)" : from), "Give the earlier date as --from and the later as --to.");
        }
        try (Publishing p = db.open(ctx)) {
            p.followClips(); // the text each post will be sent with: its clip's copy as it is now, unless edited
            Map<Long, Channel> channels = new HashMap<>();
            p.channels().all().forEach(c -> channels.put(c.id(), c)); // removed ones name their published posts
            Long only = channel == null ? null : p.channels().byName(channel).id();
            broken = p.brokenClips().posts(); // their clip details cannot be read: each row says so
            List<Post> posts = p.posts().between(start, end);
            ctx.out().printf("%-6s %-14s %-12s %-28s %s%n", "POST", "CHANNEL", "STATE", "WHEN (channel time)", "TITLE");
            int shown = 0;
            for (Post post : posts) {
                if (only == null || post.channelId() == only) {
                    row(post, channels.get(post.channelId()));
                    shown++;
                }
            }
            for (Channel c : channels.values()) {
                if (only == null || c.id() == only) {
                    for (Post post : p.posts().queuedByScore(c.id())) {
                        row(post, c);
                        shown++;
                    }
                }
            }
            if (shown == 0) {
                ctx.out().println("(no posts between " + PublishTimes.show(start, zone) + " and "
                        + PublishTimes.show(end, zone) + ")");
            }
        }
        return ExitCode.OK;
    }

    private void row(Post post, Channel c) {
        String when = post.scheduledAt() == null ? "-" : PublishTimes.show(post.scheduledAt(), post.zone());
        String title = post.title() == null ? post.caption().lines().findFirst().orElse("") : post.title();
        // retried by itself: the next try's time, as 'status' gives it (dogfood round 9 L10)
        boolean retries = PublishStatusCommand.resendsItself(c, post) || PublishStatusCommand.retrying(post);
        String extra = broken.containsKey(post.id()) ? "  (" + broken.get(post.id()) + ")"
                : retries ? "  (at " + PublishTimes.showSeconds(post.dueAt(), post.zone()) + ": " + post.lastError() + ")"
                : post.state() == PostState.PUBLISHED && post.externalUrl() != null ? "  " + post.externalUrl()
                : post.lastError() != null && !post.state().equals(PostState.PUBLISHED) ? "  (" + post.lastError() + ")"
                : "";
        ctx.out().printf("%-6d %-14s %-12s %-28s %s%s%n", post.id(), c.name(), retries ? "retrying"
                        : post.state().label(), when,
                title.length() > 48 ? title.substring(0, 47) + "…" : title, extra);
    }
}
