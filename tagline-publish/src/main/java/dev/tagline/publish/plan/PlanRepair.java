package dev.tagline.publish.plan;

import dev.tagline.publish.store.Channel;
import dev.tagline.publish.store.Post;
import dev.tagline.publish.store.PostState;
import dev.tagline.publish.store.PostStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * After a post is placed by hand: re-places only the channel's future auto-placed posts that the rule no longer allows
 * beside the others (closer than the spacing, over the day's or week's count, over a platform cap), earliest first,
 * into the earliest free slots. Every other post keeps its time: a slot a move frees stays free until the next
 * auto-schedule, so no post moves up into it unasked.
 */
final class PlanRepair {
    private final PostStore posts;

    PlanRepair(PostStore posts) {
        this.posts = posts;
    }

    /** The posts moved to keep {@code rule}, with the times they had; those that found no slot are back in the queue. */
    AutoScheduler.Plan repair(Channel channel, PostingRule rule, Instant from, Instant until) {
        Map<Long, Post> movable = new LinkedHashMap<>();
        for (Post post : posts.ofChannel(channel.id())) {
            if (post.state() == PostState.SCHEDULED && post.plannedBy() == Post.PlannedBy.AUTO
                    && post.step() == Post.Step.UPLOAD && !post.scheduledAt().isBefore(from)) {
                movable.put(post.id(), post);
            }
        }
        SlotFiller filler = new SlotFiller(rule, channel.zone(), channel.id(), PlatformQuotas.of(channel));
        for (PostStore.Placement p : posts.placedOnPlatform(channel.platform())) {
            if (p.channelId() != channel.id()) {
                filler.takenByPlatform(p.at(), p.channelId());
            } else if (p.plannedBy() == Post.PlannedBy.NOW) {
                filler.sentNow(p.at());
            } else if (!movable.containsKey(p.postId())) {
                filler.takenByChannel(p.at());
            }
        }
        List<Post> displaced = new ArrayList<>();
        movable.values().stream().sorted(Comparator.comparing(Post::scheduledAt).thenComparing(Post::id))
                .forEach(post -> {
                    if (!filler.keep(post.scheduledAt())) {
                        displaced.add(post);
                    }
                });
        Map<Long, Instant> previous = new LinkedHashMap<>();
        List<Long> ids = new ArrayList<>();
        for (Post post : displaced) {
            if (posts.unschedule(post.id(), post.scheduleVersion())) {
                previous.put(post.id(), post.scheduledAt());
                ids.add(post.id());
            }
        }
        Map<Long, Instant> slots = filler.fill(ids, from, until);
        List<Post> placed = new ArrayList<>();
        List<AutoScheduler.Unplaced> unplaced = new ArrayList<>();
        for (long id : ids) {
            Instant at = slots.get(id);
            Post queued = posts.byId(id);
            if (at != null && posts.schedule(id, queued.scheduleVersion(), at, Post.PlannedBy.AUTO)) {
                placed.add(posts.byId(id));
            } else {
                unplaced.add(new AutoScheduler.Unplaced(id, "it gave way to the move and found no free slot in the"
                        + " next " + AutoScheduler.HORIZON.toDays() + " days under the rule ("
                        + AutoScheduler.describe(rule) + "); it is back in the queue"));
            }
        }
        return new AutoScheduler.Plan(channel.name(), placed, unplaced, previous);
    }
}
