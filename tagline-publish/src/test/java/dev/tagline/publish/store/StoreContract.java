package dev.tagline.publish.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tagline.core.TaglineException;
import dev.tagline.core.manifest.ClipManifest;
import dev.tagline.publish.TestClips;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What every publish database must do the same way; one subclass per database. */
abstract class StoreContract {
    static final Instant NOW = Instant.parse("2026-03-28T12:00:00Z");
    @TempDir
    Path dir;
    Database db;
    ChannelStore channels;
    MediaStore media;
    PostStore posts;
    PostCopy copies;
    PostDecisions decisions;
    CalendarSlots calendar;
    JobStore jobs;

    abstract String url(Path dir);

    @BeforeEach
    void open() {
        db = Database.open(url(dir));
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        channels = new ChannelStore(db, clock);
        media = new MediaStore(db, clock);
        posts = new PostStore(db, clock);
        copies = new PostCopy(db, clock);
        decisions = new PostDecisions(db, clock);
        calendar = new CalendarSlots(db);
        jobs = new JobStore(db);
    }

    @AfterEach
    void close() {
        db.close();
    }

    private Post queued(String clip) {
        Channel channel = channels.find("yt").orElseGet(() -> channels.add("yt", "youtube", "me@example.com",
                ZoneId.of("Europe/Berlin"), Map.of("privacy", "private")));
        Media m = media.register(TestClips.clip(dir, clip, 0.5, 1000));
        return posts.queue(m, channel, m.manifest().copyFor("youtube"));
    }

    /** One row whose stored clip details cannot be read marks only its own waiting posts, on every database. */
    @Test
    void aPostWhoseClipDetailsAreUnreadableIsFoundBrokenAndTheOthersAreNot() {
        Post good = queued("a");
        Post bad = queued("b");
        Post cancelled = queued("c");
        decisions.cancel(cancelled.id());
        db.jdbc().update("UPDATE media SET manifest_json = ? WHERE id IN (?, ?)", "{\"schema\":\"tagline.clip\"",
                bad.mediaId(), cancelled.mediaId());
        assertEquals(Map.of(bad.id(), "clip details unreadable: not valid JSON (cut short?); re-queue the clip or"
                + " cancel the post"), new BrokenClips(db).posts());
        assertThrows(UnreadableClipException.class, () -> media.byId(bad.mediaId()));
        assertEquals("a", media.byId(good.mediaId()).manifest().id());
    }

    @Test
    void channelRoundTripsWithZoneAndOptionsAndNamesDuplicates() {
        Channel c = channels.add("yt", "YouTube", "me@example.com", ZoneId.of("Europe/Berlin"), Map.of("k", "v"));
        assertEquals(c, channels.byName("yt"));
        assertEquals("youtube", c.platform());
        assertEquals(ZoneId.of("Europe/Berlin"), c.zone());
        TaglineException e = assertThrows(TaglineException.class,
                () -> channels.add("yt", "youtube", "x", ZoneId.of("UTC"), Map.of()));
        assertTrue(e.getMessage().contains("'yt' already exists"), e.getMessage());
        assertTrue(assertThrows(TaglineException.class, () -> channels.byName("nope")).hint().contains("yt"));
    }

    @Test
    void aClipGoesToAChannelOnceAndKeepsItsPlatformCopy() {
        Post p = queued("a");
        assertEquals(PostState.QUEUED, p.state());
        assertEquals("Title of a", p.title());
        assertTrue(p.caption().startsWith("Caption of a"));
        Media again = media.register(dir.resolve("a"));
        assertEquals(p.mediaId(), again.id());
        TaglineException e = assertThrows(TaglineException.class,
                () -> posts.queue(again, channels.byName("yt"), again.manifest().copy()));
        assertTrue(e.getMessage().contains("already on channel 'yt' as post " + p.id()), e.getMessage());
        // the command line keeps its advice; the web app words its own from the post id
        assertEquals("Use 'tagline publish move " + p.id() + " TIME' to change its time, or 'tagline publish cancel "
                + p.id() + "' to take it off.", e.hint());
        assertEquals(p.id(), ((AlreadyOnChannelException) e).postId());
    }

    @Test
    void aCancelledOrFailedPostDoesNotBlockQueueingTheClipAgain() {
        Post p = queued("a");
        Channel yt = channels.byName("yt");
        decisions.cancel(p.id());
        Media again = media.register(dir.resolve("a"));
        Post requeued = posts.queue(again, yt, again.manifest().copy());
        assertEquals(p.id(), requeued.id(), "queued again in place; its history stays with it");
        assertEquals(PostState.QUEUED, requeued.state());

        posts.schedule(p.id(), requeued.scheduleVersion(), NOW.minusSeconds(1), Post.PlannedBy.USER);
        JobStore.Due due = jobs.due(NOW, 10).get(0);
        assertTrue(jobs.claim(due, "w1", NOW, NOW.plusSeconds(30)).isPresent());
        assertTrue(jobs.failed(p.id(), "w1", "gave up after 8 tries", NOW));
        Post afterFail = posts.queue(again, yt, new ClipManifest.Copy("New title", "New caption", List.of()));
        assertEquals(PostState.QUEUED, afterFail.state());
        assertEquals("New title", afterFail.title());
        assertEquals(0, afterFail.tries());
        assertNull(afterFail.lastError());
        assertNull(afterFail.scheduledAt());

        TaglineException e = assertThrows(TaglineException.class, () -> posts.queue(again, yt, again.manifest().copy()));
        assertTrue(e.getMessage().contains("already on channel 'yt' as post " + p.id() + " (queued)"), e.getMessage());
        assertTrue(e.hint().contains("tagline publish cancel " + p.id()), e.hint());
    }

    @Test
    void theSameVideoFromAnotherFolderIsNotQueuedTwiceOnAChannel() throws Exception {
        Post p = queued("a");
        Channel yt = channels.byName("yt");
        // a copy of the clip's folder (cp -r, or a render with --out of the same clip): another manifest path
        Path copy = dir.resolve("copy-of-a");
        try (var files = java.nio.file.Files.walk(dir.resolve("a"))) {
            for (Path f : files.toList()) {
                java.nio.file.Files.copy(f, copy.resolve(dir.resolve("a").relativize(f).toString()));
            }
        }
        Media twin = media.register(copy);
        TaglineException e = assertThrows(TaglineException.class, () -> posts.queue(twin, yt, twin.manifest().copy()));
        assertTrue(e.getMessage().contains("is already on channel 'yt' as post " + p.id() + " (queued), queued from"
                + " another folder"), e.getMessage());
        decisions.cancel(p.id());
        assertEquals(PostState.QUEUED, posts.queue(twin, yt, twin.manifest().copy()).state(),
                "a cancelled one does not count");
    }

    @Test
    void aPostThatFailedAfterThePlatformTookTheVideoIsNotQueuedTwice() {
        Post p = queued("a");
        Channel yt = channels.byName("yt");
        posts.schedule(p.id(), p.scheduleVersion(), NOW.minusSeconds(1), Post.PlannedBy.USER);
        JobStore.Due due = jobs.due(NOW, 10).get(0);
        assertTrue(jobs.claim(due, "w1", NOW, NOW.plusSeconds(30)).isPresent());
        // the upload finished (the video exists on YouTube), then a later step was refused
        assertTrue(jobs.checkpoint(p.id(), "w1", Post.Step.UPLOAD, Map.of("external_id", "vid-42"), NOW));
        assertTrue(jobs.failed(p.id(), "w1", "thumbnail refused", NOW));
        Media again = media.register(dir.resolve("a"));
        TaglineException e = assertThrows(TaglineException.class, () -> posts.queue(again, yt,
                again.manifest().copy()));
        assertTrue(e.getMessage().contains("failed after youtube had taken the video (its id there: vid-42)"),
                e.getMessage());
        assertEquals(PostState.FAILED, posts.byId(p.id()).state(), "left as it was");
    }

    /** Leaves {@code p} unconfirmed through the worker's calls: its create call went out and the answer was lost. */
    private Post unconfirm(Post p, Map<String, String> progress) {
        posts.schedule(p.id(), posts.byId(p.id()).scheduleVersion(), NOW.minusSeconds(60), Post.PlannedBy.USER);
        JobStore.Due due = jobs.due(NOW, 10).stream().filter(d -> d.postId() == p.id()).findFirst().orElseThrow();
        assertTrue(jobs.claim(due, "w1", NOW.minusSeconds(30), NOW.plusSeconds(30)).isPresent());
        assertTrue(jobs.checkpoint(p.id(), "w1", Post.Step.CREATING, progress, NOW.minusSeconds(20)));
        assertTrue(jobs.unconfirmed(p.id(), "w1", NOW.plusSeconds(600), "create outcome unknown (HTTP 500 from"
                + " http://127.0.0.1/hook)", NOW.minusSeconds(20)));
        return posts.byId(p.id());
    }

    /**
     * Dogfood round 5 G4: an unconfirmed post was a dead end: queue, move, cancel and unschedule all refused, cancel
     * said it was "already on the platform (processing)", and nothing recorded what the user found on the platform.
     */
    @Test
    void anUnconfirmedPostWasADeadEnd_nowTheUsersAnswerPublishesItOrSendsItAgain() {
        Post there = unconfirm(queued("a"), Map.of());
        TaglineException cancel = assertThrows(UnconfirmedPostException.class, () -> decisions.cancel(there.id()));
        assertEquals("Post " + there.id() + " is unconfirmed: the answer to its create call was lost, so whether the"
                + " platform has it is not known, and it cannot be cancelled", cancel.getMessage());
        assertEquals("Check the platform, then record what you found: 'tagline publish resolve " + there.id()
                + " --posted [URL]' if it is there, or 'tagline publish resolve " + there.id() + " --not-posted' to"
                + " send it again.", cancel.hint());
        Media again = media.register(dir.resolve("a"));
        TaglineException queue = assertThrows(TaglineException.class, () -> posts.queue(again, channels.byName("yt"),
                again.manifest().copy()));
        assertTrue(queue.hint().contains("'tagline publish resolve " + there.id() + " --posted [URL]'"), queue.hint());
        assertFalse(queue.hint().contains("publish move"), "move refuses it: " + queue.hint());

        Post published = decisions.resolvePosted(there.id(), " https://youtu.be/abc ");
        assertEquals(PostState.PUBLISHED, published.state());
        assertEquals(Post.Step.DONE, published.step());
        assertEquals("https://youtu.be/abc", published.externalUrl());
        assertEquals(NOW.minusSeconds(20), published.publishedAt(), "when the create call went out");
        assertNull(published.lastError());
        List<AttemptLog.Attempt> audit = new AttemptLog(db).of(there.id());
        assertEquals("user", audit.get(audit.size() - 1).worker());
        assertEquals("the user checked the platform: the post is there (https://youtu.be/abc); marked published",
                audit.get(audit.size() - 1).detail());
        TaglineException twice = assertThrows(TaglineException.class, () -> decisions.resolvePosted(there.id(), null));
        assertEquals("Post " + there.id() + " is published, not unconfirmed, so there is nothing to record",
                twice.getMessage());

        Post byId = unconfirm(queued("b"), Map.of("session", "s-1"));
        assertEquals("d7", decisions.resolvePosted(byId.id(), "d7").externalId(), "an id, not a link");
        assertNull(posts.byId(byId.id()).externalUrl());

        Post notThere = unconfirm(queued("c"), Map.of("session", "s-2"));
        Post again2 = decisions.resolveNotPosted(notThere.id(), NOW, Post.PlannedBy.NOW);
        assertEquals(PostState.SCHEDULED, again2.state());
        assertEquals(Post.Step.UPLOAD, again2.step(), "before the create call, which runs again");
        assertEquals(NOW, again2.dueAt());
        assertEquals(0, again2.tries());
        assertNull(again2.lastError());
        assertEquals("s-2", again2.progress().get("session"), "upload progress kept, as after a definite not-found");
        assertEquals(List.of(notThere.id()), jobs.due(NOW, 10).stream().map(JobStore.Due::postId).toList());
        assertTrue(jobs.claim(jobs.due(NOW, 10).get(0), "w2", NOW, NOW.plusSeconds(30)).isPresent());
        assertTrue(new AttemptLog(db).of(notThere.id()).stream().anyMatch(a -> ("the user checked the platform: the"
                + " post is not there; it is sent again").equals(a.detail())));

        Post racing = unconfirm(queued("d"), Map.of());
        JobStore.Due reconcile = jobs.due(NOW.plusSeconds(600), 10).stream().filter(d -> d.postId() == racing.id())
                .findFirst().orElseThrow();
        assertTrue(jobs.claim(reconcile, "w3", NOW.plusSeconds(600), NOW.plusSeconds(700)).isPresent());
        TaglineException busy = assertThrows(TaglineException.class, () -> decisions.resolveNotPosted(racing.id(), NOW,
                Post.PlannedBy.NOW));
        assertTrue(busy.hint().startsWith("A worker is asking the platform about it right now"), busy.hint());
        assertEquals(PostState.PUBLISHING, posts.byId(racing.id()).state());
    }

    /** Fails {@code p} through the worker's calls, with the step and progress it had reached. */
    private void failAt(Post p, Post.Step step, Map<String, String> progress) {
        posts.schedule(p.id(), posts.byId(p.id()).scheduleVersion(), NOW.minusSeconds(1), Post.PlannedBy.USER);
        JobStore.Due due = jobs.due(NOW, 10).stream().filter(d -> d.postId() == p.id()).findFirst().orElseThrow();
        assertTrue(jobs.claim(due, "w1", NOW, NOW.plusSeconds(30)).isPresent());
        assertTrue(jobs.checkpoint(p.id(), "w1", step, progress, NOW));
        assertTrue(jobs.failed(p.id(), "w1", "refused", NOW));
    }

    @Test
    void aPostThatFailedWithItsCreateCallInFlightIsNotQueuedAgain_theOutcomeIsUnknown() {
        Post p = queued("a");
        failAt(p, Post.Step.CREATING, Map.of());
        Media again = media.register(dir.resolve("a"));
        TaglineException e = assertThrows(TaglineException.class, () -> posts.queue(again, channels.byName("yt"),
                again.manifest().copy()));
        assertTrue(e.getMessage().contains("failed while its create call to youtube was in flight, so whether youtube"
                + " has it is unknown; queueing it again could post it twice"), e.getMessage());
        assertEquals(PostState.FAILED, posts.byId(p.id()).state(), "left as it was");
    }

    @Test
    void retryPutsAFailedPostBackInTheQueueInPlaceWithNewTextOnlyWhenThePlatformDidNotTakeIt() {
        Channel yt = channels.find("yt").orElseGet(() -> channels.add("yt", "youtube", "me@example.com",
                ZoneId.of("Europe/Berlin"), Map.of()));
        Post refused = queued("a");
        failAt(refused, Post.Step.UPLOAD, Map.of("upload_url", "https://upload.example/1"));
        assertEquals(Optional.empty(), PostDecisions.whyNotSentAgain(posts.byId(refused.id()), "youtube"));
        Post retried = decisions.retry(refused.id(), yt, "New title", "New caption", true);
        assertEquals(refused.id(), retried.id(), "in place");
        assertEquals(PostState.QUEUED, retried.state());
        assertEquals("New title", retried.title());
        assertEquals("New caption", retried.caption());
        assertEquals(Map.of(), retried.progress());
        assertNull(retried.lastError());
        assertEquals(0, retried.tries());
        TaglineException notFailed = assertThrows(TaglineException.class,
                () -> decisions.retry(refused.id(), yt, "t", "c", true));
        assertTrue(notFailed.getMessage().contains("is queued, not failed"), notFailed.getMessage());

        Post taken = queued("b");
        failAt(taken, Post.Step.CREATED, Map.of("external_id", "vid-7"));
        TaglineException e = assertThrows(TaglineException.class, () -> decisions.retry(taken.id(), yt, "t", "c", true));
        assertEquals("Post " + taken.id() + " failed after youtube had taken the video (its id there: vid-7); sending"
                + " it again could post it twice", e.getMessage());
        assertEquals(PostState.FAILED, posts.byId(taken.id()).state(), "left as it was");

        Post unknown = queued("c");
        failAt(unknown, Post.Step.CREATING, Map.of());
        assertTrue(PostDecisions.whyNotSentAgain(posts.byId(unknown.id()), "youtube").orElseThrow().contains("unknown"));
        assertThrows(TaglineException.class, () -> decisions.retry(unknown.id(), yt, "t", "c", true));
        assertEquals(PostState.FAILED, posts.byId(unknown.id()).state());
    }

    /**
     * Dogfood round 5 G9: a queued post kept the copy of queue time after the clip's copy was edited on the Clips page.
     * It now follows clip.json (its platform's variant) until it starts publishing, unless its own text was edited.
     */
    @Test
    void aQueuedPostKeptItsQueueTimeCopy_nowItFollowsTheClipUntilItsTextIsEditedOrItIsSent() {
        Post follows = queued("a");
        Post edited = queued("b");
        Post sent = queued("c");
        assertFalse(follows.copyEdited());
        assertTrue(copies.editCopy(edited.id(), "Mine", "My caption"));
        assertTrue(posts.byId(edited.id()).copyEdited(), "the calendar's edit is the user's text");
        assertTrue(copies.editCopy(follows.id(), follows.title(), follows.caption()));
        assertFalse(posts.byId(follows.id()).copyEdited(), "a Save of the same text (a new time) edits nothing");
        posts.schedule(sent.id(), sent.scheduleVersion(), NOW.minusSeconds(1), Post.PlannedBy.USER);
        Post claimed = jobs.claim(jobs.due(NOW, 10).get(0), "w1", NOW, NOW.plusSeconds(30)).orElseThrow();
        assertEquals(sent.id(), claimed.id());

        for (String id : List.of("a", "b", "c")) {
            ClipManifest m = dev.tagline.core.manifest.ClipManifests.read(dir.resolve(id));
            dev.tagline.core.manifest.ClipManifests.write(dir.resolve(id).resolve("clip.json"), new ClipManifest(
                    m.schema(), m.version(), m.id(), m.video(), m.source(), m.durationSeconds(), m.width(), m.height(),
                    m.score(), true, new ClipManifest.Copy("New " + id, "Edited", List.of("python")),
                    Map.of("youtube", new ClipManifest.Copy("New " + id + " for YouTube", null, null)), m.render()));
        }
        List<PostCopy.Following> a = copies.followClip(media.reread(dir.resolve("a/clip.json")).orElseThrow());
        assertEquals(List.of(new PostCopy.Following(follows.id(), "yt", false, true)), a);
        assertEquals("New a for YouTube", posts.byId(follows.id()).title(), "the platform's variant");
        assertEquals("Edited\n\n#python", posts.byId(follows.id()).caption());
        assertEquals(List.of(new PostCopy.Following(edited.id(), "yt", true, false)),
                copies.followClip(media.reread(dir.resolve("b/clip.json")).orElseThrow()));
        assertEquals("Mine", posts.byId(edited.id()).title());
        assertEquals(List.of(), copies.followClip(media.reread(dir.resolve("c/clip.json")).orElseThrow()),
                "a post a worker holds is not changed");
        assertEquals("Title of c", posts.byId(sent.id()).title());
        assertEquals(List.of(follows.mediaId()), copies.mediaFollowingClips(), "only posts that follow and wait");
        assertEquals(Optional.empty(), media.reread(dir.resolve("elsewhere/clip.json")), "not registered");
    }

    /**
     * Schema 5 added {@code copy_edited} and marked every post as following its clip, so the next calendar load replaced
     * the text of posts edited before the upgrade with their clip's copy. Upgrading from schema 4 now marks a waiting
     * post whose text differs from the copy it was queued with as edited; a database that reached schema 5 under a
     * later build is left as it is, and so is a post that has been sent.
     */
    @Test
    void postsEditedBeforeTheUpgradeToCopyEditsKeepTheirText() throws Exception {
        for (String version : List.of("4", "5")) {
            String old = url(dir.resolve("v" + version));
            java.nio.file.Files.createDirectories(dir.resolve("v" + version).resolve("sub"));
            org.flywaydb.core.Flyway.configure().dataSource(old, null, null)
                    .locations("classpath:db/publish/" + Database.Dialect.of(old).folder())
                    .table("publish_schema_history").target(version).load().migrate();
            long channel;
            List<Long> ids = new java.util.ArrayList<>();
            try (java.sql.Connection c = java.sql.DriverManager.getConnection(old)) {
                channel = insert(c, "INSERT INTO channel (name, platform, account, zone, state, options_json,"
                        + " created_at) VALUES ('yt', 'youtube', 'me', 'UTC', 'active', '{}', 0)");
                for (String[] post : List.of(new String[] {"follows", "queued", null},
                        new String[] {"edited", "scheduled", "Mine"}, new String[] {"sent", "published", "Mine"})) {
                    Path clip = TestClips.clip(dir.resolve("v" + version), post[0], 0.5, 100);
                    ClipManifest m = dev.tagline.core.manifest.ClipManifests.read(clip);
                    long media = insert(c, "INSERT INTO media (manifest_path, video_path, clip_id, score, duration_ms,"
                            + " width, height, size_bytes, sha256, manifest_json, added_at) VALUES ('"
                            + clip.resolve("clip.json") + "', '" + clip.resolve("clip.mp4") + "', '" + post[0]
                            + "', 0.5, 30000, 1080, 1920, 100, 'x', '"
                            + new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(m)
                                    .replace("'", "''") + "', 0)");
                    ClipManifest.Copy copy = m.copyFor("youtube");
                    try (java.sql.PreparedStatement ps = c.prepareStatement("INSERT INTO post (media_id, channel_id,"
                            + " title, caption, state, planned_by, zone, schedule_version, step, progress_json, tries,"
                            + " created_at, updated_at) VALUES (?, ?, ?, ?, ?, 'none', 'UTC', 0, ?, '{}', 0, 0, 0)",
                            java.sql.Statement.RETURN_GENERATED_KEYS)) {
                        ps.setLong(1, media);
                        ps.setLong(2, channel);
                        ps.setString(3, post[2] == null ? copy.title() : post[2]);
                        ps.setString(4, copy.text());
                        ps.setString(5, post[1]);
                        ps.setString(6, post[1].equals("published") ? "done" : "upload");
                        ps.executeUpdate();
                        ids.add(generatedKey(ps));
                    }
                }
            }
            try (Database upgraded = Database.open(old)) {
                PostStore store = new PostStore(upgraded, Clock.fixed(NOW, ZoneOffset.UTC));
                assertFalse(store.byId(ids.get(0)).copyEdited(), "from " + version + ": the queued copy follows");
                assertEquals(version.equals("4"), store.byId(ids.get(1)).copyEdited(),
                        "from " + version + ": an edit made before copy_edited existed is kept");
                assertEquals("Mine", store.byId(ids.get(1)).title());
                assertFalse(store.byId(ids.get(2)).copyEdited(), "from " + version + ": a sent post is left alone");
            }
        }
    }

    private static long insert(java.sql.Connection c, String sql) throws java.sql.SQLException {
        try (java.sql.Statement st = c.createStatement()) {
            st.executeUpdate(sql, java.sql.Statement.RETURN_GENERATED_KEYS);
            return generatedKey(st);
        }
    }

    private static long generatedKey(java.sql.Statement st) throws java.sql.SQLException {
        try (java.sql.ResultSet keys = st.getGeneratedKeys()) {
            keys.next();
            return keys.getLong(1);
        }
    }

    /**
     * An edited post had no way back to its clip's copy. followClipAgain gives it the clip's copy for its platform now,
     * and it follows clip.json again; a post a worker holds is not changed.
     */
    @Test
    void anEditedPostHadNoWayBack_nowFollowClipAgainTakesTheClipsCopyAndFollowsIt() {
        Post edited = queued("a");
        Post sent = queued("b");
        assertTrue(copies.editCopy(edited.id(), "Mine", "My caption"));
        assertTrue(copies.editCopy(sent.id(), "Mine too", "My caption"));
        rewriteCopy("a", "Clip title");
        assertEquals(List.of(new PostCopy.Following(edited.id(), "yt", true, false)),
                copies.followClip(media.reread(dir.resolve("a/clip.json")).orElseThrow()), "edited: kept");

        assertTrue(copies.followClipAgain(edited.id(), media.reread(dir.resolve("a/clip.json")).orElseThrow()));
        Post back = posts.byId(edited.id());
        assertFalse(back.copyEdited());
        assertEquals("Clip title for YouTube", back.title(), "the platform's variant");
        assertEquals("Edited\n\n#python", back.caption());
        rewriteCopy("a", "Later title");
        copies.followClip(media.reread(dir.resolve("a/clip.json")).orElseThrow());
        assertEquals("Later title for YouTube", posts.byId(edited.id()).title(), "follows the clip again");

        assertFalse(copies.followClipAgain(edited.id(), media.reread(dir.resolve("b/clip.json")).orElseThrow()),
                "another clip's copy is never taken");
        posts.schedule(sent.id(), sent.scheduleVersion(), NOW.minusSeconds(1), Post.PlannedBy.USER);
        jobs.claim(jobs.due(NOW, 10).get(0), "w1", NOW, NOW.plusSeconds(30)).orElseThrow();
        assertFalse(copies.followClipAgain(sent.id(), media.reread(dir.resolve("b/clip.json")).orElseThrow()));
        assertEquals("Mine too", posts.byId(sent.id()).title(), "a post a worker holds keeps its text");
        assertTrue(posts.byId(sent.id()).copyEdited());
    }

    private void rewriteCopy(String clip, String title) {
        ClipManifest m = dev.tagline.core.manifest.ClipManifests.read(dir.resolve(clip));
        dev.tagline.core.manifest.ClipManifests.write(dir.resolve(clip).resolve("clip.json"), new ClipManifest(
                m.schema(), m.version(), m.id(), m.video(), m.source(), m.durationSeconds(), m.width(), m.height(),
                m.score(), true, new ClipManifest.Copy(title, "Edited", List.of("python")),
                Map.of("youtube", new ClipManifest.Copy(title + " for YouTube", null, null)), m.render()));
    }

    @Test
    void removingAChannelKeepsItsPublishedPostsAndTheirHistoryAndDropsTheRest() {
        Post published = queued("a");
        Post waiting = queued("b");
        Channel yt = channels.byName("yt");
        posts.schedule(published.id(), published.scheduleVersion(), NOW.minusSeconds(1), Post.PlannedBy.USER);
        assertTrue(jobs.claim(jobs.due(NOW, 10).get(0), "w1", NOW, NOW.plusSeconds(30)).isPresent());
        AttemptLog attempts = new AttemptLog(db);
        attempts.record(new AttemptLog.Attempt(published.id(), NOW, "w1", "create", "POST https://platform.test/v",
                200, "ok", null, java.time.Duration.ofMillis(40)));
        assertTrue(jobs.published(published.id(), "w1", "ext-1", "https://platform.test/ext-1", NOW));

        assertEquals(new ChannelStore.Removal(1, 1), channels.remove("yt"));
        assertEquals(PostState.PUBLISHED, posts.byId(published.id()).state());
        assertEquals(1, attempts.of(published.id()).size(), "the audit trail stays");
        assertThrows(TaglineException.class, () -> posts.byId(waiting.id()), "unpublished posts go");
        assertTrue(channels.list().isEmpty());
        assertTrue(channels.find("yt").isEmpty());
        Channel removed = channels.byId(yt.id());
        assertEquals("yt (removed)", removed.name());
        assertEquals(Channel.State.REMOVED, removed.state());
        assertEquals(List.of(removed), channels.all());
        Channel again = channels.add("yt", "youtube", "me@example.com", ZoneId.of("UTC"), Map.of());
        assertTrue(again.id() != yt.id(), "the name is free again");

        Channel tt = channels.add("tt", "tiktok", "me", ZoneId.of("UTC"), Map.of());
        Media c = media.register(TestClips.clip(dir, "c", 0.5, 1000));
        posts.queue(c, tt, c.manifest().copy());
        assertEquals(new ChannelStore.Removal(0, 1), channels.remove("tt"));
        assertThrows(TaglineException.class, () -> channels.byId(tt.id()), "nothing published: removed for good");
    }

    @Test
    void scheduleStoresUtcAndBumpsTheVersionSoStalePlansLose() {
        Post p = queued("a");
        Instant at = Instant.parse("2026-03-29T07:30:00Z");
        assertTrue(posts.schedule(p.id(), p.scheduleVersion(), at, Post.PlannedBy.AUTO));
        assertFalse(posts.schedule(p.id(), p.scheduleVersion(), at.plusSeconds(60), Post.PlannedBy.AUTO));
        Post s = posts.byId(p.id());
        assertEquals(at, s.scheduledAt());
        assertEquals("2026-03-29T09:30+02:00[Europe/Berlin]", s.localTime().toString());
        assertEquals(p.scheduleVersion() + 1, s.scheduleVersion());
        assertEquals(1, posts.between(at, at.plusSeconds(1)).size());
    }

    @Test
    void onlyOneWorkerClaimsADuePostAndALostLeaseFencesEveryWrite() {
        Post p = queued("a");
        posts.schedule(p.id(), p.scheduleVersion(), NOW.minusSeconds(1), Post.PlannedBy.USER);
        JobStore.Due due = jobs.due(NOW, 10).get(0);
        Optional<Post> a = jobs.claim(due, "w1", NOW, NOW.plusSeconds(30));
        Optional<Post> b = jobs.claim(due, "w2", NOW, NOW.plusSeconds(30));
        assertTrue(a.isPresent());
        assertTrue(b.isEmpty());
        assertTrue(jobs.due(NOW.plusSeconds(10), 10).isEmpty(), "a live lease is not due");
        Instant later = NOW.plusSeconds(31);
        JobStore.Due expired = jobs.due(later, 10).get(0);
        assertTrue(jobs.claim(expired, "w2", later, later.plusSeconds(30)).isPresent(), "expired lease is taken over");
        assertFalse(jobs.checkpoint(p.id(), "w1", Post.Step.CREATING, Map.of(), later), "w1 lost its lease");
        assertFalse(jobs.published(p.id(), "w1", "x", "u", later));
        assertTrue(jobs.checkpoint(p.id(), "w2", Post.Step.CREATING, Map.of("session", "s1"), later));
        assertTrue(jobs.published(p.id(), "w2", "vid1", "https://example.com/vid1", later));
        Post done = posts.byId(p.id());
        assertEquals(PostState.PUBLISHED, done.state());
        assertEquals(Map.of("session", "s1"), done.progress());
        assertEquals(2, done.tries());
        assertEquals(1, jobs.publishedBetween(done.channelId(), NOW, later.plusSeconds(1)));
    }

    @Test
    void firstOfEachDayReturnsTheEarliestPostsPerDayWithTheDayTotalAndSkipsCancelled() {
        Instant d1 = Instant.parse("2026-12-01T00:00:00Z");
        Instant d2 = d1.plusSeconds(86_400);
        int[] hours = {9, 7, 8, 12, 30, 31};
        Post[] p = new Post[hours.length];
        for (int i = 0; i < hours.length; i++) {
            p[i] = queued("c" + i);
            posts.schedule(p[i].id(), p[i].scheduleVersion(), d1.plusSeconds(hours[i] * 3600L), Post.PlannedBy.USER);
        }
        decisions.cancel(p[3].id());
        java.util.List<CalendarSlots.Day> days = calendar.firstOfEachDay(java.util.List.of(d1, d2, d2.plusSeconds(86_400),
                d2.plusSeconds(2 * 86_400)), 2);
        assertEquals(2, days.size(), "the empty third day is left out");
        assertEquals(d1, days.get(0).start());
        assertEquals(3, days.get(0).total(), "cancelled post not counted");
        assertEquals(java.util.List.of(p[1].id(), p[2].id()), days.get(0).first().stream().map(CalendarSlots.Slot::id).toList());
        assertEquals(d1.plusSeconds(7 * 3600), days.get(0).first().get(0).scheduledAt());
        assertEquals(d2, days.get(1).start());
        assertEquals(2, days.get(1).total());
        assertEquals(2, days.get(1).first().size());
    }

    /**
     * The user's Unschedule on every database: the time, the due entry and a waiting retry's error go; a stale version
     * or a post a worker has claimed is left as it is, so a post is never both sent and back in the queue.
     */
    @Test
    void unscheduleByUserTakesTheTimeAwayOnlyBeforeAWorkerHasThePost() {
        Post p = queued("a");
        posts.schedule(p.id(), p.scheduleVersion(), NOW.minusSeconds(1), Post.PlannedBy.AUTO);
        JobStore.Due due = jobs.due(NOW, 10).get(0);
        assertTrue(jobs.claim(due, "w1", NOW, NOW.plusSeconds(30)).isPresent());
        assertTrue(jobs.retryAt(p.id(), "w1", NOW.plusSeconds(600), "HTTP 503", NOW));
        Post retrying = posts.byId(p.id());
        assertEquals("HTTP 503", retrying.lastError());
        assertFalse(decisions.unscheduleByUser(p.id(), retrying.scheduleVersion() - 1), "a stale version loses");
        assertTrue(decisions.unscheduleByUser(p.id(), retrying.scheduleVersion()));
        Post back = posts.byId(p.id());
        assertEquals(PostState.QUEUED, back.state());
        assertNull(back.scheduledAt());
        assertNull(back.dueAt());
        assertNull(back.lastError());
        assertEquals(Post.PlannedBy.NONE, back.plannedBy());
        assertEquals(retrying.scheduleVersion() + 1, back.scheduleVersion());
        assertEquals(List.of(p.id()), posts.inState(PostState.QUEUED).stream().map(Post::id).toList());
        assertTrue(jobs.due(NOW.plusSeconds(3600), 10).isEmpty(), "nothing left for a worker");
        assertFalse(decisions.unscheduleByUser(p.id(), back.scheduleVersion()), "a queued post has no time to take away");

        Post q = queued("b");
        posts.schedule(q.id(), q.scheduleVersion(), NOW.minusSeconds(1), Post.PlannedBy.USER);
        Post claimed = jobs.claim(jobs.due(NOW, 10).get(0), "w2", NOW, NOW.plusSeconds(30)).orElseThrow();
        assertFalse(decisions.unscheduleByUser(q.id(), claimed.scheduleVersion()), "a worker has it");
        assertEquals(PostState.PUBLISHING, posts.byId(q.id()).state());
    }

    /**
     * What the planner counts, on every database (dogfood round 4 F10): a post sent now says so, a published one is
     * placed at its publish time, and a failed one holds no place; the worker claims and publishes a post sent now
     * as any other, exactly once.
     */
    @Test
    void placedOnPlatformTellsAPostSentNowAndLeavesAFailedOneOut() {
        Post now = queued("now");
        Post failed = queued("failed");
        Post auto = queued("auto");
        assertTrue(posts.schedule(now.id(), now.scheduleVersion(), NOW.minusSeconds(3), Post.PlannedBy.NOW));
        assertTrue(posts.schedule(failed.id(), failed.scheduleVersion(), NOW.minusSeconds(2), Post.PlannedBy.USER));
        assertTrue(posts.schedule(auto.id(), auto.scheduleVersion(), NOW.plusSeconds(3600), Post.PlannedBy.AUTO));
        for (JobStore.Due d : jobs.due(NOW, 10)) {
            jobs.claim(d, "w", NOW, NOW.plusSeconds(30)).orElseThrow();
        }
        assertTrue(jobs.published(now.id(), "w", "id-1", "https://example.com/1", NOW));
        assertTrue(jobs.failed(failed.id(), "w", "refused", NOW));
        assertEquals(Post.PlannedBy.NOW, posts.byId(now.id()).plannedBy());
        assertEquals(List.of(new PostStore.Placement(now.id(), now.channelId(), NOW, Post.PlannedBy.NOW),
                new PostStore.Placement(auto.id(), auto.channelId(), NOW.plusSeconds(3600), Post.PlannedBy.AUTO)),
                posts.placedOnPlatform("youtube").stream().sorted(java.util.Comparator.comparing(
                        PostStore.Placement::at)).toList());
    }

    @Test
    void aRescheduleMakesAnOldDueEntryStale() {
        Post p = queued("a");
        posts.schedule(p.id(), p.scheduleVersion(), NOW.minusSeconds(1), Post.PlannedBy.USER);
        JobStore.Due due = jobs.due(NOW, 10).get(0);
        posts.schedule(p.id(), due.scheduleVersion(), NOW.minusSeconds(2), Post.PlannedBy.USER);
        assertTrue(jobs.claim(due, "w1", NOW, NOW.plusSeconds(30)).isEmpty());
    }

    @Test
    void pausedChannelsAreNotDueAndCancelRefusesPublishedPosts() {
        Post p = queued("a");
        posts.schedule(p.id(), p.scheduleVersion(), NOW.minusSeconds(1), Post.PlannedBy.USER);
        channels.setState(p.channelId(), Channel.State.NEEDS_RECONNECT, "refresh failed");
        assertTrue(jobs.due(NOW, 10).isEmpty());
        channels.setState(p.channelId(), Channel.State.ACTIVE, null);
        Post claimed = jobs.claim(jobs.due(NOW, 10).get(0), "w", NOW, NOW.plusSeconds(5)).orElseThrow();
        jobs.published(claimed.id(), "w", "id", "url", NOW);
        assertTrue(assertThrows(TaglineException.class, () -> decisions.cancel(p.id())).getMessage()
                .contains("is published and cannot be cancelled"));
    }
}
