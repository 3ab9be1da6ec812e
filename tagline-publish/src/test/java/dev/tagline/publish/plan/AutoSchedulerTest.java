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
    RuleStore rules;
    AutoScheduler scheduler;
    Channel channel;
    MediaStore media;

    @BeforeEach
    void open() {
        db = Database.open("jdbc:sqlite:" + dir.resolve("p.db"));
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        posts = new PostStore(db, clock);
        rules = new RuleStore(db, clock);
        media = new MediaStore(db, clock);
        scheduler = new AutoScheduler(posts, rules, clock);
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

    @Test
    void movingAPostAwayLetsTheQueueCloseTheGapAndKeepsTheMovedOneFixed() {
        Post a = queue("a", 0.9);
        Post b = queue("b", 0.5);
        scheduler.schedule(channel);
        Instant later = Instant.parse("2026-04-10T16:00:00Z");
        scheduler.move(channel, a.id(), later);
        assertEquals(later, posts.byId(a.id()).scheduledAt());
        assertEquals(Post.PlannedBy.USER, posts.byId(a.id()).plannedBy());
        assertEquals(Instant.parse("2026-03-28T08:00:00Z"), posts.byId(b.id()).scheduledAt(), "b moved up");
        scheduler.replan(channel);
        assertEquals(later, posts.byId(a.id()).scheduledAt(), "re-planning never touches the user's time");
    }

    @Test
    void cancellingReplansAndAnUnplaceablePostSaysWhy() {
        Post a = queue("a", 0.9);
        Post b = queue("b", 0.5);
        scheduler.schedule(channel);
        scheduler.cancel(channel, a.id());
        assertEquals(PostState.CANCELLED, posts.byId(a.id()).state());
        assertEquals(Instant.parse("2026-03-28T08:00:00Z"), posts.byId(b.id()).scheduledAt());

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
        AutoScheduler later = new AutoScheduler(posts, rules, Clock.fixed(NOW.plusMillis(1500), ZoneOffset.UTC));
        later.move(channel, a.id(), NOW);
        assertEquals(NOW, posts.byId(a.id()).scheduledAt());
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
}
