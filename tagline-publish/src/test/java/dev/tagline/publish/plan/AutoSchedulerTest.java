package dev.tagline.publish.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tagline.core.TaglineException;
import dev.tagline.publish.TestClips;
import dev.tagline.publish.store.Channel;
import dev.tagline.publish.store.ChannelStore;
import dev.tagline.publish.store.Database;
import dev.tagline.publish.store.JobStore;
import dev.tagline.publish.store.Media;
import dev.tagline.publish.store.MediaStore;
import dev.tagline.publish.store.Post;
import dev.tagline.publish.store.PostDecisions;
import dev.tagline.publish.store.PostState;
import dev.tagline.publish.store.PostStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AutoSchedulerTest {
    static final Instant NOW = Instant.parse("2026-03-27T12:00:00Z");
    @TempDir
    Path dir;
    Database db;
    PostStore posts;
    PostDecisions decisions;
    RuleStore rules;
    AutoScheduler scheduler;
    Channel channel;
    MediaStore media;

    @BeforeEach
    void open() {
        db = Database.open("jdbc:sqlite:" + dir.resolve("p.db"));
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        posts = new PostStore(db, clock);
        decisions = new PostDecisions(db, clock);
        rules = new RuleStore(db, clock);
        media = new MediaStore(db, clock);
        scheduler = new AutoScheduler(posts, decisions, rules, clock);
        channel = new ChannelStore(db, clock).add("fold", "folder", "me", ZoneId.of("Europe/Berlin"), Map.of());
        rules.set(channel.id(), new PostingRule(PostingRule.parseDays("daily"), PostingRule.parseTimes("09:00"), 1, 7,
                Duration.ZERO, Set.of()));
    }

    @AfterEach
    void close() {
        db.close();
    }

    private Post queue(String id, double score) {
        Media m = media.register(TestClips.clip(dir, id, score, 100));
        return posts.queue(m, channel, m.manifest().copyFor(channel.platform()));
    }

    @Test
    void placesByScoreAtNineBerlinTimeAcrossTheDstChange() {
        Post low = queue("low", 0.2);
        Post high = queue("high", 0.9);
        Post mid = queue("mid", 0.5);
        AutoScheduler.Plan plan = scheduler.schedule(channel);
        assertEquals(List.of(), plan.unplaced());
        assertEquals(Instant.parse("2026-03-28T08:00:00Z"), posts.byId(high.id()).scheduledAt(), "CET");
        assertEquals(Instant.parse("2026-03-29T07:00:00Z"), posts.byId(mid.id()).scheduledAt(), "CEST");
        assertEquals(Instant.parse("2026-03-30T07:00:00Z"), posts.byId(low.id()).scheduledAt());
        assertEquals("09:00", posts.byId(mid.id()).localTime().toLocalTime().toString());
    }

    /**
     * Dogfood round 6 H5: moving one post re-planned the channel, so the posts planned around it moved up into the
     * slot it left, unannounced. A move by hand moves that post only; its slot stays free.
     */
    @Test
    void movingAPostMovedItsNeighboursUpIntoTheFreedSlot_nowTheyKeepTheirTimes() {
        Post a = queue("a", 0.9);
        Post b = queue("b", 0.5);
        scheduler.schedule(channel);
        Instant later = Instant.parse("2026-04-10T16:00:00Z");
        AutoScheduler.Plan plan = scheduler.move(channel, a.id(), later);
        assertEquals(later, posts.byId(a.id()).scheduledAt());
        assertEquals(Post.PlannedBy.USER, posts.byId(a.id()).plannedBy());
        assertEquals(Instant.parse("2026-03-29T07:00:00Z"), posts.byId(b.id()).scheduledAt(), "b keeps its time");
        assertEquals(List.of(), plan.placed(), "no other post moved");
        assertEquals(List.of(), plan.unplaced());
        scheduler.replan(channel);
        assertEquals(later, posts.byId(a.id()).scheduledAt(), "re-planning never touches the user's time");
    }

    /**
     * Dogfood round 6 H5: an auto-placed post the new time breaks the rule for (here the day's one post) is placed
     * again, and the plan names it with the time it had; Undo puts it back and moves the post back.
     */
    @Test
    void aMoveOntoAFullDayPlacesTheAutoPlacedPostThereAgainNamesItAndUndoPutsItBack() {
        rules.set(channel.id(), new PostingRule(PostingRule.parseDays("daily"), PostingRule.parseTimes("09:00,18:00"), 1,
                7, Duration.ZERO, Set.of()));
        Post a = queue("a", 0.9);
        Post b = queue("b", 0.5);
        Post c = queue("c", 0.2);
        scheduler.schedule(channel);
        Instant today18 = Instant.parse("2026-03-27T17:00:00Z"); // the clock is 13:00 in Berlin
        Instant tomorrow9 = Instant.parse("2026-03-28T08:00:00Z");
        Instant after9 = Instant.parse("2026-03-29T07:00:00Z");
        assertEquals(List.of(today18, tomorrow9, after9), List.of(posts.byId(a.id()).scheduledAt(),
                posts.byId(b.id()).scheduledAt(), posts.byId(c.id()).scheduledAt()));

        Instant tomorrow20 = Instant.parse("2026-03-28T19:00:00Z");
        AutoScheduler.Plan plan = scheduler.move(channel, a.id(), tomorrow20);
        assertEquals(List.of(b.id()), plan.placed().stream().map(Post::id).toList(), "only b shared a's new day");
        assertEquals(Map.of(b.id(), tomorrow9), plan.previous());
        assertEquals(today18, posts.byId(b.id()).scheduledAt(), "b took the earliest free slot");
        assertEquals(Post.PlannedBy.AUTO, posts.byId(b.id()).plannedBy());
        assertEquals(after9, posts.byId(c.id()).scheduledAt(), "c had no conflict and keeps its time");

        assertEquals(1, scheduler.putBack(List.of(new AutoScheduler.PutBack(b.id(), tomorrow9, today18))));
        assertEquals(List.of(), scheduler.move(channel, a.id(), today18).placed());
        assertEquals(List.of(today18, tomorrow9, after9), List.of(posts.byId(a.id()).scheduledAt(),
                posts.byId(b.id()).scheduledAt(), posts.byId(c.id()).scheduledAt()), "Undo restored all three");
        assertEquals(Post.PlannedBy.AUTO, posts.byId(b.id()).plannedBy());
        assertEquals(0, scheduler.putBack(List.of(new AutoScheduler.PutBack(c.id(), tomorrow9, today18))),
                "a post no longer where the move left it is not touched");
        assertEquals(after9, posts.byId(c.id()).scheduledAt());
    }

    @Test
    void cancellingMovesNoOtherPostAndAnUnplaceablePostSaysWhy() {
        Post a = queue("a", 0.9);
        Post b = queue("b", 0.5);
        scheduler.schedule(channel);
        assertEquals(List.of(), scheduler.cancel(channel, a.id()).placed());
        assertEquals(PostState.CANCELLED, posts.byId(a.id()).state());
        assertEquals(Instant.parse("2026-03-29T07:00:00Z"), posts.byId(b.id()).scheduledAt(), "b keeps its time");

        rules.set(channel.id(), new PostingRule(PostingRule.parseDays("daily"), PostingRule.parseTimes("09:00"), 1, 7,
                Duration.ZERO, PostingRule.parseDates("2026-03-01..2027-12-31")));
        queue("c", 0.1);
        AutoScheduler.Plan plan = scheduler.replan(channel);
        assertEquals(2, plan.unplaced().size());
        assertTrue(plan.unplaced().get(0).reason().contains("no free slot in the next 366 days"),
                plan.unplaced().get(0).reason());
    }

    /**
     * Dogfood web: a scheduled post could only be moved or cancelled, never taken back to the queue. Unschedule takes
     * its time away without re-planning (which would place it again at once); the next planning run may place it.
     */
    @Test
    void aScheduledPostCouldNotBeUnscheduled_nowItGoesBackToTheQueueUntilTheNextPlan() {
        Post a = queue("a", 0.9);
        Post b = queue("b", 0.5);
        scheduler.schedule(channel);
        Post back = scheduler.unschedule(a.id());
        assertEquals(PostState.QUEUED, back.state());
        assertEquals(null, back.scheduledAt());
        assertEquals(null, back.dueAt());
        assertEquals(Post.PlannedBy.NONE, back.plannedBy());
        assertEquals(List.of(a.id()), posts.queuedByScore(channel.id()).stream().map(Post::id).toList());
        assertEquals(Instant.parse("2026-03-29T07:00:00Z"), posts.byId(b.id()).scheduledAt(), "b is not re-planned");

        TaglineException queued = assertThrows(TaglineException.class, () -> scheduler.unschedule(a.id()));
        assertEquals("Post " + a.id() + " has no time to take away: it is already queued", queued.getMessage());
        assertEquals(1, scheduler.schedule(channel).placed().size(), "auto-schedule may give it a time again");
        assertEquals(PostState.SCHEDULED, posts.byId(a.id()).state());

        JobStore jobs = new JobStore(db);
        posts.schedule(b.id(), posts.byId(b.id()).scheduleVersion(), NOW, Post.PlannedBy.USER);
        Post claimed = jobs.claim(jobs.due(NOW, 10).get(0), "w", NOW, NOW.plusSeconds(60)).orElseThrow();
        TaglineException sending = assertThrows(TaglineException.class, () -> scheduler.unschedule(claimed.id()));
        assertEquals("Post " + b.id() + " is being published by a worker and cannot be unscheduled",
                sending.getMessage());
        assertTrue(jobs.published(b.id(), "w", "id-1", "https://example.com/1", NOW));
        TaglineException published = assertThrows(TaglineException.class, () -> scheduler.unschedule(b.id()));
        assertEquals("Post " + b.id() + " is published and cannot be unscheduled", published.getMessage());
        assertEquals("Only scheduled posts that have not started publishing can be unscheduled.", published.hint());
    }

    @Test
    void withoutARuleTheMessageSaysHowToSetOne() {
        rules = new RuleStore(db, Clock.systemUTC());
        Channel other = new ChannelStore(db, Clock.systemUTC()).add("b", "folder", "me", ZoneId.of("UTC"), Map.of());
        TaglineException e = assertThrows(TaglineException.class, () -> scheduler.schedule(other));
        assertTrue(e.hint().contains("tagline publish rules set b"), e.hint());
    }

    /** {@code move 1 now}: the command read the clock a moment before the scheduler; the post is due at once. */
    @Test
    void moveToTheMomentJustGoneIsDueNow() {
        Post a = queue("a", 0.9);
        AutoScheduler later = new AutoScheduler(posts, decisions, rules, Clock.fixed(NOW.plusMillis(1500), ZoneOffset.UTC));
        later.move(channel, a.id(), NOW);
        assertEquals(NOW, posts.byId(a.id()).scheduledAt());
    }

    /**
     * Dogfood round 4 F10: {@code move 3 now} took today's {@code --per-day} from the plan and pushed the next planned
     * post to tomorrow, with warnings that "now" is outside the rule; when the post sent now then failed, the other
     * stayed on tomorrow. A post sent now is outside the plan: it takes no slot (per-day, spacing), is not warned about,
     * and no later re-plan counts it, sent or not.
     */
    @Test
    void aPostSentNowPushedThePlannedPostToTomorrow_nowItIsOutsideThePlan() {
        rules.set(channel.id(), new PostingRule(PostingRule.parseDays("daily"), PostingRule.parseTimes("09:00,18:00"), 1,
                7, Duration.ofHours(6), Set.of()));
        Post planned = queue("planned", 0.9);
        Post now = queue("now", 0.5);
        scheduler.schedule(channel);
        Instant today18 = Instant.parse("2026-03-27T17:00:00Z"); // 18:00 Berlin; the clock is 13:00 there
        assertEquals(today18, posts.byId(planned.id()).scheduledAt());

        scheduler.publishNow(channel, now.id());
        assertEquals(NOW, posts.byId(now.id()).scheduledAt());
        assertEquals(NOW, posts.byId(now.id()).dueAt());
        assertEquals(Post.PlannedBy.NOW, posts.byId(now.id()).plannedBy());
        assertEquals(today18, posts.byId(planned.id()).scheduledAt(), "the planned post keeps its slot");
        assertEquals(List.of(), scheduler.warnings(channel, now.id(), NOW), "the user asked for now");
        assertEquals(List.of(), scheduler.warnings(channel, planned.id(), today18),
                "5 h after the post sent now, under the 6 h spacing, yet it holds no place in the plan");

        JobStore jobs = new JobStore(db);
        jobs.claim(jobs.due(NOW, 10).get(0), "w", NOW, NOW.plusSeconds(60)).orElseThrow();
        assertTrue(jobs.failed(now.id(), "w", "the video changed since it was rendered", NOW));
        scheduler.replan(channel);
        assertEquals(today18, posts.byId(planned.id()).scheduledAt(), "its failure changes nothing either");

        Post explicit = queue("explicit", 0.1);
        Instant tomorrow12 = Instant.parse("2026-03-28T11:00:00Z");
        scheduler.move(channel, explicit.id(), tomorrow12);
        assertEquals(Post.PlannedBy.USER, posts.byId(explicit.id()).plannedBy());
        assertEquals(List.of("Outside the posting rule of 'fold' (MON,TUE,WED,THU,FRI,SAT,SUN at 09:00,18:00,"
                + " Europe/Berlin)"), scheduler.warnings(channel, explicit.id(), tomorrow12),
                "a move to a time the user chose keeps its warnings");
    }

    /** The platform counts every post: a post sent now still uses the day's YouTube uploads, though not the rule's. */
    @Test
    void aPostSentNowStillCountsForThePlatformsCap() {
        Channel yt = new ChannelStore(db, Clock.fixed(NOW, ZoneOffset.UTC)).add("yt", "youtube", "me",
                ZoneId.of("Europe/Berlin"), Map.of("daily-uploads", "1"));
        rules.set(yt.id(), new PostingRule(PostingRule.parseDays("daily"), PostingRule.parseTimes("18:00"), 1, 7,
                Duration.ZERO, Set.of()));
        Media m1 = media.register(TestClips.clip(dir, "yt1", 0.9, 100));
        Media m2 = media.register(TestClips.clip(dir, "yt2", 0.5, 100));
        Post now = posts.queue(m1, yt, m1.manifest().copyFor("youtube"));
        Post planned = posts.queue(m2, yt, m2.manifest().copyFor("youtube"));
        scheduler.publishNow(yt, now.id());
        scheduler.schedule(yt);
        assertEquals(Instant.parse("2026-03-28T17:00:00Z"), posts.byId(planned.id()).scheduledAt(),
                "one upload per Pacific day: today's is the post sent now");
    }

    /**
     * Dogfood round 4 F10, the place of a failed post: re-plans already left it out, but a move next to it was still
     * warned "Closer than … to post N". A post that failed holds no place: the warnings pass it over as the next
     * re-plan does, which gives the day's room back to the queue.
     */
    @Test
    void aFailedPostStillCountedInTheSpacingWarning_nowItsPlaceIsFreeAgain() {
        rules.set(channel.id(), new PostingRule(PostingRule.parseDays("daily"), PostingRule.parseTimes("09:00,18:00"), 1,
                7, Duration.ofHours(6), Set.of()));
        Post first = queue("first", 0.9);
        Post second = queue("second", 0.5);
        scheduler.schedule(channel);
        Instant soon = NOW.plus(AutoScheduler.LEAD);
        scheduler.move(channel, first.id(), soon);
        Instant today18 = Instant.parse("2026-03-27T17:00:00Z"); // 18:00 Berlin
        assertEquals(Instant.parse("2026-03-28T08:00:00Z"), posts.byId(second.id()).scheduledAt(),
                "today has its one post");
        assertEquals(List.of("Closer than 360 min to post " + first.id()),
                scheduler.warnings(channel, second.id(), today18));

        JobStore jobs = new JobStore(db);
        jobs.claim(jobs.due(soon, 10).get(0), "w", soon, soon.plusSeconds(60)).orElseThrow();
        assertTrue(jobs.failed(first.id(), "w", "refused by the platform", soon));
        assertEquals(List.of(), scheduler.warnings(channel, second.id(), today18), "the failed post holds no place");
        scheduler.replan(channel);
        assertEquals(today18, posts.byId(second.id()).scheduledAt(), "today's room is free again");
    }

    @Test
    void moveIntoThePastIsRefused() {
        Post a = queue("a", 0.9);
        TaglineException e = assertThrows(TaglineException.class,
                () -> scheduler.move(channel, a.id(), NOW.minusSeconds(60)));
        String when = NOW.minusSeconds(60).atZone(ZoneId.of("Europe/Berlin")).format(java.time.format.DateTimeFormatter
                .ofPattern("yyyy-MM-dd HH:mm"));
        assertEquals("Cannot move post " + a.id() + " to " + when + " (Europe/Berlin): that is in the past. Choose a"
                + " later time (on the command line, e.g. 2026-12-01T18:00 in channel time).", e.oneLine(),
                "a date and time a person reads, not Java's 2026-11-20T12:00+01:00[Europe/Berlin]");
    }

    /**
     * Dogfood round 5 G4: an unconfirmed post could be neither moved nor unscheduled, and the refusals pointed at each
     * other. They now say the outcome is unknown and how to record it; "not posted" sends it again, now outside the
     * plan, or at a time the user names, where the auto-placed post it conflicts with gives way.
     */
    @Test
    void anUnconfirmedPostCouldNotBeMovedOrUnscheduled_nowTheRefusalsPointAtResolveWhichSendsItAgain() {
        Post lost = queue("lost", 0.9);
        Post planned = queue("planned", 0.5);
        posts.schedule(lost.id(), lost.scheduleVersion(), NOW, Post.PlannedBy.USER);
        JobStore jobs = new JobStore(db);
        jobs.claim(jobs.due(NOW, 10).get(0), "w", NOW, NOW.plusSeconds(60)).orElseThrow();
        assertTrue(jobs.checkpoint(lost.id(), "w", Post.Step.CREATING, Map.of(), NOW));
        assertTrue(jobs.unconfirmed(lost.id(), "w", NOW.plusSeconds(300), "create outcome unknown", NOW));
        Instant tomorrow = Instant.parse("2026-03-28T08:00:00Z");
        scheduler.schedule(channel);
        assertEquals(tomorrow, posts.byId(planned.id()).scheduledAt());
        for (Runnable refused : List.<Runnable>of(() -> scheduler.move(channel, lost.id(), tomorrow),
                () -> scheduler.unschedule(lost.id()), () -> scheduler.cancel(channel, lost.id()))) {
            dev.tagline.publish.store.UnconfirmedPostException e = assertThrows(
                    dev.tagline.publish.store.UnconfirmedPostException.class, refused::run);
            assertTrue(e.getMessage().contains("whether the platform has it is not known"), e.getMessage());
            assertTrue(e.hint().contains("tagline publish resolve " + lost.id() + " --not-posted"), e.hint());
        }
        assertEquals(PostState.UNCONFIRMED, posts.byId(lost.id()).state());

        assertThrows(TaglineException.class, () -> scheduler.resend(channel, lost.id(), NOW.minusSeconds(60)));
        assertEquals(PostState.UNCONFIRMED, posts.byId(lost.id()).state(), "a past time changes nothing");
        scheduler.resend(channel, lost.id(), tomorrow);
        Post again = posts.byId(lost.id());
        assertEquals(PostState.SCHEDULED, again.state());
        assertEquals(tomorrow, again.scheduledAt());
        assertEquals(Post.PlannedBy.USER, again.plannedBy());
        assertEquals(Instant.parse("2026-03-29T07:00:00Z"), posts.byId(planned.id()).scheduledAt(),
                "placed again to keep the rule's one post a day");
    }
}
