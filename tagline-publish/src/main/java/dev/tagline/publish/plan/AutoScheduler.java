package dev.tagline.publish.plan;

import dev.tagline.core.TaglineException;
import dev.tagline.publish.store.Channel;
import dev.tagline.publish.store.Post;
import dev.tagline.publish.store.PostDecisions;
import dev.tagline.publish.store.PostState;
import dev.tagline.publish.store.PostStore;
import dev.tagline.publish.store.UnconfirmedPostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Fills a channel's free slots with its queued posts in clip-score order. A post the user moves is fixed where it is
 * put, and only the auto-placed posts it now conflicts with (spacing, per day, per week, platform caps) are placed
 * again ({@link PlanRepair}); no other post moves, so a slot a move or a cancel frees stays free until the next
 * auto-schedule. A new posting rule re-plans the channel ({@link #replan}). Every change bumps a post's schedule
 * version, so a worker never acts on an old plan. A post
 * the user sends now is outside the plan: it takes no slot from the rule (per-day, per-week, spacing), so the posts
 * planned around it keep their times; the platforms' caps still count it. A failed or cancelled post takes no slot
 * either: the next planning run gives its place back. Over 200 lines: placing, moving, unscheduling and cancelling
 * share one transaction pattern and one version bump, and read better side by side; repairing after a move is in
 * {@link PlanRepair}.
 */
public final class AutoScheduler {
    /** Nothing is planned closer to now than this, so a worker never races a plan being written. */
    static final Duration LEAD = Duration.ofMinutes(2);
    static final Duration HORIZON = Duration.ofDays(366);
    /** Why a post of a {@link Channel.State#NEEDS_CONNECT} channel got no slot. */
    public static final String NOT_CONNECTED = "its channel is not connected yet: open Channels in 'tagline serve'"
            + " and click Connect; auto-schedule plans it then";

    private final PostStore posts;
    private final PostDecisions decisions;
    private final RuleStore rules;
    private final Clock clock;

    public AutoScheduler(PostStore posts, PostDecisions decisions, RuleStore rules, Clock clock) {
        this.posts = posts;
        this.decisions = decisions;
        this.rules = rules;
        this.clock = clock;
    }

    /**
     * What a planning run did for one channel. {@code previous}: for a post of {@code placed} that already had a
     * time, or one of {@code unplaced} that lost it, that time (a post moved to keep the rule).
     */
    public record Plan(String channel, List<Post> placed, List<Unplaced> unplaced, Map<Long, Instant> previous) {
        public Plan(String channel, List<Post> placed, List<Unplaced> unplaced) {
            this(channel, placed, unplaced, Map.of());
        }

        /** Empty: nothing placed or moved. */
        static Plan none(Channel channel) {
            return new Plan(channel.name(), List.of(), List.of());
        }
    }

    /** A queued post that found no slot, and why. */
    public record Unplaced(long postId, String reason) {
    }

    /**
     * Places the channel's queued posts into free slots; on a channel that is not connected yet it places none and
     * says so for each (dogfood round 8 K4: a post planned there could only go stale).
     */
    public Plan schedule(Channel channel) {
        if (channel.state() == Channel.State.NEEDS_CONNECT) {
            return new Plan(channel.name(), List.of(), posts.queuedByScore(channel.id()).stream()
                    .map(p -> new Unplaced(p.id(), NOT_CONNECTED)).toList());
        }
        PostingRule rule = rules.find(channel.id()).orElseThrow(() -> new TaglineException("Channel '"
                + channel.name() + "' has no posting rule", "Set one with 'tagline publish rules set " + channel.name()
                + " --days mon-fri --times 09:00,18:00'."));
        Instant from = clock.instant().plus(LEAD);
        SlotFiller filler = new SlotFiller(rule, channel.zone(), channel.id(), PlatformQuotas.of(channel));
        for (PostStore.Placement p : posts.placedOnPlatform(channel.platform())) {
            if (p.channelId() == channel.id() && p.plannedBy() == Post.PlannedBy.NOW) {
                filler.sentNow(p.at());
            } else if (p.channelId() == channel.id()) {
                filler.takenByChannel(p.at());
            } else {
                filler.takenByPlatform(p.at(), p.channelId());
            }
        }
        List<Post> queue = posts.queuedByScore(channel.id());
        Map<Long, Instant> slots = filler.fill(queue.stream().map(Post::id).toList(), from, from.plus(HORIZON));
        List<Post> placed = new ArrayList<>();
        List<Unplaced> unplaced = new ArrayList<>();
        for (Post post : queue) {
            Instant at = slots.get(post.id());
            if (at != null && posts.schedule(post.id(), post.scheduleVersion(), at, Post.PlannedBy.AUTO)) {
                placed.add(posts.byId(post.id()));
            } else {
                unplaced.add(new Unplaced(post.id(), at != null ? "it changed while planning; run auto-schedule again"
                        : "no free slot in the next " + HORIZON.toDays() + " days under the rule (" + describe(rule)
                                + ")" + (filler.lastRefusal().isEmpty() ? "" : "; last refusal: "
                                + filler.lastRefusal())));
            }
        }
        return new Plan(channel.name(), placed, unplaced);
    }

    /** Returns the channel's future auto-placed posts to the queue and places the queue again. */
    public Plan replan(Channel channel) {
        Instant from = clock.instant().plus(LEAD);
        for (Post post : posts.ofChannel(channel.id())) {
            if (post.state() == PostState.SCHEDULED && post.plannedBy() == Post.PlannedBy.AUTO
                    && post.step() == Post.Step.UPLOAD && !post.scheduledAt().isBefore(from)) {
                posts.unschedule(post.id(), post.scheduleVersion());
            }
        }
        return rules.find(channel.id()).isPresent() ? schedule(channel) : new Plan(channel.name(), List.of(), List.of());
    }

    /**
     * How far in the past a move may still be: {@code move 1 now} reads the clock a few milliseconds before the
     * scheduler does, and such a post is simply due at once.
     */
    static final Duration NOW_GRACE = Duration.ofSeconds(5);

    /**
     * Moves a post to {@code at} (fixed from now on). Only the auto-placed posts of the channel that the rule no
     * longer allows beside it are placed again (the plan names them, with their old times); the others keep theirs,
     * and the slot it leaves stays free. A time that has come ({@code move 1 now}, the web app's Publish now) sends
     * the post now, outside the plan ({@link Post.PlannedBy#NOW}): the rule does not count it, so no planned post
     * gives way to it (a platform's cap still may).
     */
    public Plan move(Channel channel, long postId, Instant at) {
        Post post = posts.byId(postId);
        if (post.state() == PostState.UNCONFIRMED) {
            throw new UnconfirmedPostException(postId, "moved");
        }
        boolean plannable = post.state() == PostState.QUEUED || post.state() == PostState.SCHEDULED;
        if (!plannable || post.step() != Post.Step.UPLOAD) {
            throw new TaglineException("Post " + postId + " is " + post.state().label() + " and cannot be moved",
                    "Only queued or scheduled posts can be moved.");
        }
        requireNotPast(channel, "move post " + postId, at);
        Post.PlannedBy by = isNow(at) ? Post.PlannedBy.NOW : Post.PlannedBy.USER;
        if (!posts.schedule(postId, post.scheduleVersion(), at, by)) {
            throw new TaglineException("Post " + postId + " changed while moving it", "Run the command again.");
        }
        return makeRoom(channel);
    }

    /**
     * A post a move placed again, to be put back at {@code at} by Undo; {@code movedTo}: where the move put it (null:
     * back in the queue).
     */
    public record PutBack(long postId, Instant at, Instant movedTo) {
    }

    /**
     * Undo of a move's side effects: each post the move placed again goes back to its time, as auto-placed, while it
     * is still where the move left it (else it is left as it is: it changed since). Call before moving the post back.
     * Returns how many went back.
     */
    public int putBack(List<PutBack> back) {
        int done = 0;
        Instant from = clock.instant().plus(LEAD);
        for (PutBack b : back) {
            Post post = posts.byId(b.postId());
            boolean asLeft = b.movedTo() == null ? post.state() == PostState.QUEUED
                    : post.state() == PostState.SCHEDULED && post.plannedBy() == Post.PlannedBy.AUTO
                            && b.movedTo().equals(post.scheduledAt());
            if (asLeft && post.step() == Post.Step.UPLOAD && !b.at().isBefore(from)
                    && posts.schedule(post.id(), post.scheduleVersion(), b.at(), Post.PlannedBy.AUTO)) {
                done++;
            }
        }
        return done;
    }

    /** Places again the auto-placed posts that a post placed by hand now conflicts with; see {@link PlanRepair}. */
    private Plan makeRoom(Channel channel) {
        Instant from = clock.instant().plus(LEAD);
        return rules.find(channel.id()).map(rule -> new PlanRepair(posts).repair(channel, rule, from,
                from.plus(HORIZON))).orElseGet(() -> Plan.none(channel));
    }

    private void requireNotPast(Channel channel, String what, Instant at) {
        if (at.isBefore(clock.instant().minus(NOW_GRACE))) {
            throw new TaglineException("Cannot " + what + " to " + at.atZone(channel.zone()).format(
                    java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", java.util.Locale.ROOT)) + " ("
                    + channel.zone().getId() + "): that is in the past", "Choose a later time (on the command line,"
                    + " e.g. 2026-12-01T18:00 in channel time).");
        }
    }

    /**
     * The user checked the platform and an unconfirmed post is not there: it is sent again at {@code at}, now (outside
     * the plan, as {@link #publishNow}) or at a time the user names (fixed, and the auto-placed posts it conflicts with
     * are placed again, as after a {@link #move}). See {@link PostDecisions#resolveNotPosted}.
     */
    public Plan resend(Channel channel, long postId, Instant at) {
        requireNotPast(channel, "send post " + postId + " again", at);
        Post.PlannedBy by = isNow(at) ? Post.PlannedBy.NOW : Post.PlannedBy.USER;
        decisions.resolveNotPosted(postId, at, by);
        return makeRoom(channel);
    }

    /** Sends a post now, outside the plan: {@link #move} to this moment. */
    public Plan publishNow(Channel channel, long postId) {
        return move(channel, postId, clock.instant());
    }

    /** Whether {@code at} has come: a move there sends the post now. */
    private boolean isNow(Instant at) {
        return !at.isAfter(clock.instant());
    }

    /**
     * What is wrong with a hand-placed time, by the channel's rule: the move stands (the user chose it), the user is
     * told. Empty without a rule, and for now (the user asked for now; such a post is outside the plan). Only posts
     * that hold a place in the plan count for the spacing: not failed ones, nor ones sent now. The calendar's PATCH
     * and {@code publish move} say the same.
     */
    public List<String> warnings(Channel channel, long postId, Instant at) {
        PostingRule rule = rules.find(channel.id()).orElse(null);
        if (rule == null || isNow(at)) {
            return List.of();
        }
        List<String> warnings = new ArrayList<>();
        if (!SlotCalendar.slotsOn(rule, channel.zone(), at.atZone(channel.zone()).toLocalDate()).contains(at)) {
            warnings.add("Outside the posting rule of '" + channel.name() + "' (" + rule.daysText() + " at "
                    + rule.timesText() + ", " + channel.zone().getId() + ")");
        }
        for (Post other : posts.ofChannel(channel.id())) {
            boolean holdsAPlace = other.state() != PostState.FAILED && other.plannedBy() != Post.PlannedBy.NOW;
            if (other.id() != postId && other.scheduledAt() != null && holdsAPlace
                    && Duration.between(other.scheduledAt(), at).abs().compareTo(rule.minSpacing()) < 0) {
                warnings.add("Closer than " + rule.minSpacing().toMinutes() + " min to post " + other.id());
            }
        }
        return warnings;
    }

    /**
     * Takes a scheduled post's time away: it goes back to the queue (the calendar's Unscheduled list), where the next
     * planning run may give it a new time. The channel is not re-planned here, which would place it again at once.
     * Refused, with the reason, for a post without a time and for one a worker has started or finished: a post is
     * sent once, so only a time nothing has acted on yet can go.
     */
    public Post unschedule(long postId) {
        Post post = posts.byId(postId);
        if (post.state() == PostState.QUEUED) {
            throw new TaglineException("Post " + postId + " has no time to take away: it is already queued",
                    "Give it a time, or let auto-schedule place it.");
        }
        if (post.state() == PostState.UNCONFIRMED) {
            throw new UnconfirmedPostException(postId, "unscheduled");
        }
        if (post.state() != PostState.SCHEDULED || post.step() != Post.Step.UPLOAD) {
            throw new TaglineException("Post " + postId + " " + whyKept(post) + " and cannot be unscheduled",
                    "Only scheduled posts that have not started publishing can be unscheduled.");
        }
        if (!decisions.unscheduleByUser(postId, post.scheduleVersion())) {
            throw new TaglineException("Post " + postId + " changed while unscheduling it (a worker may have taken"
                    + " it)", "Look at the post again; unschedule it if it is still scheduled.");
        }
        return posts.byId(postId);
    }

    private static String whyKept(Post post) {
        return switch (post.state()) {
            case PUBLISHING -> "is being published by a worker";
            case SCHEDULED -> post.step() == Post.Step.CREATING ? "has its create call to the platform in flight"
                    : "is already on the platform (processing)";
            default -> "is " + post.state().label();
        };
    }

    /**
     * Cancels a post. No other post moves: its slot stays free until the next auto-schedule gives it to a queued post.
     * The plan is empty, for the callers' one way of reporting.
     */
    public Plan cancel(Channel channel, long postId) {
        decisions.cancel(postId);
        return Plan.none(channel);
    }

    static String describe(PostingRule rule) {
        return rule.daysText() + " at " + rule.timesText() + ", " + rule.perDay() + "/day, " + rule.perWeek()
                + "/week, spacing " + SlotCalendar.human(rule.minSpacing())
                + (rule.blackouts().isEmpty() ? "" : ", " + rule.blackouts().size() + " blackout day(s)");
    }
}
