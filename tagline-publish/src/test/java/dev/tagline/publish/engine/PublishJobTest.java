package dev.tagline.publish.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tagline.testkit.MutableClock;
import dev.tagline.publish.Publishing;
import dev.tagline.publish.TestClips;
import dev.tagline.core.config.TaglineHome;
import dev.tagline.publish.auth.ReconnectNeededException;
import dev.tagline.publish.auth.TokenSource;
import dev.tagline.publish.engine.ScriptedPublisher.Fault;
import dev.tagline.publish.store.Channel;
import dev.tagline.publish.store.Media;
import dev.tagline.publish.store.Post;
import dev.tagline.publish.store.PostState;
import java.net.http.HttpClient;
import dev.tagline.core.manifest.ClipManifest;
import dev.tagline.core.manifest.ClipManifests;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PublishJobTest {
    static final Instant T0 = Instant.parse("2026-06-01T10:00:00Z");
    @TempDir
    Path dir;
    MutableClock clock = new MutableClock(T0);
    Publishing p;
    ScriptedPublisher platform = new ScriptedPublisher();
    AtomicInteger refreshes = new AtomicInteger();
    AtomicBoolean refreshWorks = new AtomicBoolean(true);
    Channel channel;
    Post post;

    TokenSource tokens = new TokenSource() {
        @Override
        public String accessToken(Channel c) {
            return "tok";
        }

        @Override
        public String refresh(Channel c) {
            refreshes.incrementAndGet();
            if (!refreshWorks.get()) {
                throw new ReconnectNeededException(c.name(), "refresh token revoked");
            }
            return "tok2";
        }
    };

    @BeforeEach
    void setUp() {
        p = Publishing.open("jdbc:sqlite:" + dir.resolve("p.db"), new TaglineHome(dir), clock);
        channel = p.channels().add("c", "folder", "me", ZoneId.of("UTC"), Map.of());
        Media m = p.media().register(TestClips.clip(dir, "a", 0.5, 10));
        post = p.posts().queue(m, channel, m.manifest().copy());
        p.posts().schedule(post.id(), post.scheduleVersion(), T0, Post.PlannedBy.USER);
    }

    @AfterEach
    void tearDown() {
        p.close();
    }

    private Worker.Summary runWorker() {
        EngineSettings s = EngineSettings.defaults().withTiming(Duration.ofMinutes(5), Duration.ofMillis(10),
                Duration.ofMinutes(2), Duration.ofMinutes(1));
        try (Worker w = new Worker(p, tokens, c -> platform, HttpClient.newHttpClient(), s, new Random(1), "w")) {
            return w.runUntilIdle();
        }
    }

    private Post now() {
        return p.posts().byId(post.id());
    }

    /** Dogfood web #8: nothing told whether a worker runs; each one now writes a heartbeat row the web app reads. */
    @Test
    void aRunningWorkerRecordsItsHeartbeatAndItsCleanStop() {
        assertTrue(p.workers().latest(T0).isEmpty());
        java.util.concurrent.atomic.AtomicReference<dev.tagline.publish.store.WorkerStore.Beat> during =
                new java.util.concurrent.atomic.AtomicReference<>();
        AtomicInteger rounds = new AtomicInteger();
        EngineSettings s = EngineSettings.defaults().withTiming(Duration.ofMinutes(5), Duration.ofMillis(10),
                Duration.ofMinutes(2), Duration.ofMinutes(1));
        try (Worker w = new Worker(p, tokens, c -> platform, HttpClient.newHttpClient(), s, new Random(1), "w-beat")) {
            w.run(() -> {
                if (rounds.incrementAndGet() < 4) {
                    return true;
                }
                during.set(p.workers().latest(clock.instant()).orElse(null));
                return false;
            });
        }
        assertEquals("w-beat", during.get().name());
        assertTrue(during.get().aliveAt(T0), "running: " + during.get());
        var after = p.workers().latest(T0).orElseThrow();
        assertEquals(T0, after.stoppedAt());
        assertFalse(after.aliveAt(T0), "stopped cleanly");
        // a worker that died leaves its last beat, which goes stale after a few polls (at least 30 s)
        p.workers().beat("w-dead", T0, Duration.ofSeconds(10), T0.plusSeconds(1));
        assertTrue(p.workers().latest(T0.plusSeconds(30)).orElseThrow().aliveAt(T0.plusSeconds(30)));
        assertFalse(p.workers().latest(T0.plusSeconds(32)).orElseThrow().aliveAt(T0.plusSeconds(32)));
        assertEquals("w-dead", p.workers().latest(T0.plusSeconds(32)).orElseThrow().name(), "the one seen last");
    }

    /**
     * A post whose clip's stored details (manifest_json) cannot be read failed with "Publish database … failed:
     * corrupt manifest_json"; now it fails with the one line the calendar shows, and the other posts are published.
     */
    @Test
    void aPostWhoseClipDetailsAreUnreadableFailsWithOneLineAndTheOthersArePublished() {
        Media other = p.media().register(TestClips.clip(dir, "b", 0.6, 10));
        Post fine = p.posts().queue(other, channel, other.manifest().copy());
        p.posts().schedule(fine.id(), fine.scheduleVersion(), T0, Post.PlannedBy.USER);
        p.database().jdbc().update("UPDATE media SET manifest_json = '{\"schema\":\"tagline.clip\",\"version\":1'"
                + " WHERE id = ?", post.mediaId());
        Worker.Summary summary = runWorker();
        assertEquals(1, summary.count("PUBLISHED"), summary.toString());
        assertEquals(PostState.FAILED, now().state());
        assertEquals("clip details unreadable: not valid JSON (cut short?); re-queue the clip to send it again"
                + " (tagline publish queue CLIP_DIR)", now().lastError(), "a failed post cannot be cancelled (L7)");
        assertEquals(PostState.PUBLISHED, p.posts().byId(fine.id()).state());
        assertEquals(0, platform.creates.get() - 1, "nothing was sent for the broken post");
    }

    @Test
    void publishesThroughUploadCreateAndStatus() {
        assertEquals(1, runWorker().count("PUBLISHED"));
        assertEquals(PostState.PUBLISHED, now().state());
        assertEquals("https://platform.test/ext-" + post.id(), now().externalUrl());
        assertEquals(1, platform.creates.get());
    }

    @Test
    void anAmbiguousCreateIsNeverRetriedBlindlyButReconciledToTheExistingPost() {
        platform.createFaults.add(Fault.AMBIGUOUS_AFTER);
        assertEquals(1, runWorker().count("UNCONFIRMED"));
        assertEquals(PostState.UNCONFIRMED, now().state());
        assertTrue(now().lastError().contains("create outcome unknown"), now().lastError());
        assertEquals(0, runWorker().count("PUBLISHED"), "not before the reconcile time");
        clock.advance(Duration.ofMinutes(2));
        assertEquals(1, runWorker().count("PUBLISHED"));
        assertEquals(1, platform.creates.get(), "create ran once");
        assertEquals(1, platform.finds.get());
        assertEquals("ext-" + post.id(), now().externalId());
    }

    @Test
    void aDefiniteNotFoundAfterTheGraceLetsCreateRunAgain() {
        platform.createFaults.add(Fault.AMBIGUOUS_BEFORE);
        runWorker();
        clock.advance(Duration.ofSeconds(61));
        runWorker();
        assertEquals(PostState.UNCONFIRMED, now().state(), "not found, but an interrupted call could still land");
        assertTrue(now().lastError().contains("waiting until an interrupted create can no longer land"));
        clock.advance(Duration.ofMinutes(2));
        runWorker();
        assertEquals(PostState.PUBLISHED, now().state());
        assertEquals(2, platform.creates.get());
        assertEquals(1, platform.posts.size());
    }

    @Test
    void whenThePlatformCannotTellThePostStaysUnconfirmed() {
        platform.createFaults.add(Fault.AMBIGUOUS_AFTER);
        platform.findUnknown = true;
        runWorker();
        clock.advance(Duration.ofHours(2));
        runWorker();
        assertEquals(PostState.UNCONFIRMED, now().state());
        assertTrue(now().lastError().contains("check the platform before posting it again"), now().lastError());
        assertEquals(1, platform.creates.get());
    }

    /**
     * Dogfood round 8 K6: 'run: unconfirmed 2' counted a post whose create this run made and one it only asked about
     * again; the summary now tells them apart.
     */
    @Test
    void aPostOnlyReconciledAgainCountedAsNewlyUnconfirmed_nowTheSummarySaysStillUnconfirmed() {
        platform.createFaults.add(Fault.AMBIGUOUS_AFTER);
        platform.findUnknown = true;
        Worker.Summary first = runWorker();
        assertEquals(1, first.count("UNCONFIRMED"));
        assertEquals("unconfirmed 1", first.toString());
        clock.advance(Duration.ofHours(2));
        Worker.Summary again = runWorker();
        assertEquals(0, again.count("UNCONFIRMED"));
        assertEquals(1, again.count("STILL_UNCONFIRMED"));
        assertEquals("still unconfirmed 1", again.toString());
    }

    @Test
    void rateLimitHonoursRetryAfterAndKeepsTheUploadProgress() {
        platform.uploadFaults.add(Fault.RATE_LIMITED);
        runWorker();
        Post retry = now();
        assertEquals(PostState.SCHEDULED, retry.state());
        assertFalse(retry.dueAt().isBefore(T0.plusSeconds(120)), "not before Retry-After: " + retry.dueAt());
        assertTrue(retry.dueAt().isBefore(T0.plusSeconds(133)), "at most 10 % jitter: " + retry.dueAt());
        clock.set(retry.dueAt());
        runWorker();
        assertEquals(PostState.PUBLISHED, now().state());
    }

    @Test
    void aDefiniteRefusalOfCreateIsRetriedFromUploadNotLeftUnconfirmed() {
        platform.createFaults.add(Fault.RATE_LIMITED);
        runWorker();
        assertEquals(PostState.SCHEDULED, now().state());
        assertEquals(Post.Step.UPLOAD, now().step());
        clock.advance(Duration.ofMinutes(3));
        runWorker();
        assertEquals(PostState.PUBLISHED, now().state());
    }

    @Test
    void permanentErrorsFailWithThePlatformsReason() {
        platform.createFaults.add(Fault.PERMANENT);
        assertEquals(1, runWorker().count("FAILED"));
        assertEquals(PostState.FAILED, now().state());
        assertTrue(now().lastError().contains("invalidTitle"), now().lastError());
    }

    @Test
    void anExpiredTokenIsRefreshedOnceAndTheCallRepeated() {
        platform.uploadFaults.add(Fault.AUTH);
        runWorker();
        assertEquals(PostState.PUBLISHED, now().state());
        assertEquals(1, refreshes.get());
    }

    @Test
    void aFailedRefreshMarksTheChannelNeedsReconnectAndThePostWaits() {
        platform.uploadFaults.add(Fault.AUTH);
        refreshWorks.set(false);
        assertEquals(1, runWorker().count("RECONNECT"));
        assertEquals(Channel.State.NEEDS_RECONNECT, p.channels().byId(channel.id()).state());
        assertEquals(PostState.SCHEDULED, now().state());
        assertEquals(0, runWorker().count("PUBLISHED"), "nothing runs on a channel that needs reconnecting");
        p.channels().setState(channel.id(), Channel.State.ACTIVE, null);
        assertEquals(1, runWorker().count("PUBLISHED"));
    }

    @Test
    void retryableErrorsBackOffAndFailAfterMaxTries() {
        for (int i = 0; i < 8; i++) {
            platform.uploadFaults.add(Fault.RETRYABLE);
        }
        Instant last = T0;
        for (int i = 0; i < 8; i++) {
            runWorker();
            if (now().state() == PostState.FAILED) {
                break;
            }
            assertTrue(now().dueAt().isAfter(last));
            last = now().dueAt();
            clock.set(last);
        }
        assertEquals(PostState.FAILED, now().state());
        assertTrue(now().lastError().startsWith("gave up after 8 tries"), now().lastError());
    }

    @Test
    void aWorkerThatDiedAfterRecordingTheCreateIntentIsReconciledByTheNext() {
        platform.createFaults.add(Fault.AMBIGUOUS_AFTER);
        var jobs = p.jobs();
        var due = jobs.due(T0, 1).get(0);
        Post claimed = jobs.claim(due, "dead", T0, T0.plusSeconds(30)).orElseThrow();
        jobs.checkpoint(claimed.id(), "dead", Post.Step.CREATING, Map.of(), T0);
        platform.posts.put(post.id(), "ext-" + post.id());
        clock.advance(Duration.ofSeconds(31));
        runWorker();
        assertEquals(PostState.PUBLISHED, now().state());
        assertEquals(0, platform.creates.get(), "found, so never created again");
    }

    @Test
    void aPostThatIsOnThePlatformAndStillProcessingCanNeitherBeCancelledNorReplanned() {
        platform.statusFaults.add(Fault.PENDING);
        runWorker();
        Post processing = now();
        assertEquals(PostState.SCHEDULED, processing.state());
        assertEquals(Post.Step.CREATED, processing.step());
        var e = org.junit.jupiter.api.Assertions.assertThrows(dev.tagline.core.TaglineException.class,
                () -> p.decisions().cancel(post.id()));
        assertTrue(e.getMessage().contains("already on the platform"), e.getMessage());
        assertFalse(p.posts().unschedule(post.id(), processing.scheduleVersion()));
        assertFalse(p.posts().schedule(post.id(), processing.scheduleVersion(), T0.plusSeconds(3600),
                Post.PlannedBy.USER));
    }

    @Test
    void pendingProcessingHandsThePostBackInsteadOfHoldingAThread() {
        platform.statusFaults.add(Fault.PENDING);
        assertEquals(1, runWorker().count("RETRY"));
        assertEquals(Post.Step.CREATED, now().step());
        clock.advance(Duration.ofMinutes(5));
        runWorker();
        assertEquals(PostState.PUBLISHED, now().state());
        assertEquals(1, platform.creates.get());
    }

    /** A clip folder rendered again: new bytes, and clip.json recording their SHA-256 with the copy given. */
    private Media reRender(String id, int bytes, ClipManifest.Copy copy) throws Exception {
        Path folder = dir.resolve(id);
        byte[] video = new byte[bytes];
        new Random(bytes).nextBytes(video);
        Files.write(folder.resolve("clip.mp4"), video);
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(video));
        ClipManifest m = ClipManifests.read(folder);
        ClipManifests.write(folder.resolve("clip.json"), new ClipManifest(m.schema(), m.version(), m.id(), m.video(),
                m.source(), m.durationSeconds(), m.width(), m.height(), m.score(), true, copy, Map.of(),
                new ClipManifest.Render("9:16", List.of(), null, null, Map.of(m.video(), sha))));
        return p.media().byId(post.mediaId());
    }

    private Post rendered(String id) {
        Media m = p.media().register(TestClips.rendered(dir, id, 0.9, 20));
        Post q = p.posts().queue(m, channel, m.manifest().copyFor(channel.platform()));
        p.decisions().cancel(post.id()); // the set-up's post is not part of these
        p.posts().schedule(q.id(), q.scheduleVersion(), T0, Post.PlannedBy.USER);
        post = p.posts().byId(q.id());
        return post;
    }

    /**
     * Dogfood round 5 G9: a queued post published the title, caption and video SHA-256/size of queue time after the
     * clip's copy was edited and the clip re-rendered. It now sends the clip as it is just before the upload.
     */
    @Test
    void aQueuedPostSentItsQueueTimeCopyAndVideoIdentity_nowItSendsTheClipAsItIsNow() throws Exception {
        Post q = rendered("r");
        assertEquals("Title of r", q.title());
        reRender("r", 33, new ClipManifest.Copy("My edited <title>", "Edited caption & more", List.of("python")));

        assertEquals(1, runWorker().count("PUBLISHED"));
        ScriptedPublisher.Sent sent = platform.sent.get(q.id());
        byte[] now = Files.readAllBytes(dir.resolve("r/clip.mp4"));
        assertEquals(new ScriptedPublisher.Sent("My edited <title>", "Edited caption & more\n\n#python",
                HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(now)), 33), sent);
        Post done = now();
        assertEquals("My edited <title>", done.title(), "the post says what was sent");
        assertEquals(sent.sha256(), done.progress().get("video_sha256"));
        assertEquals("33", done.progress().get("video_bytes"));
        assertEquals(sent.sha256(), p.media().byId(q.mediaId()).sha256(), "the clip's record follows the file");
    }

    /** G9: a text edited on the calendar is the user's: the clip's later copy does not replace it. */
    @Test
    void aPostWhoseTextWasEditedOnTheCalendarKeepsItWhenTheClipsCopyChanges() throws Exception {
        Post q = rendered("r");
        assertTrue(p.copies().editCopy(q.id(), "Calendar title", "Calendar caption"));
        reRender("r", 21, new ClipManifest.Copy("Clip title", "Clip caption", List.of()));
        assertEquals(1, runWorker().count("PUBLISHED"));
        ScriptedPublisher.Sent sent = platform.sent.get(q.id());
        assertEquals("Calendar title", sent.title());
        assertEquals("Calendar caption", sent.caption());
        assertEquals(21, sent.sizeBytes(), "the video is still the file as it is now");
    }

    /** G9: a video changed behind clip.json's back (not a render) is still refused before anything is sent. */
    @Test
    void aVideoThatNoLongerMatchesClipJsonIsStillNotSent() throws Exception {
        Post q = rendered("r");
        Files.write(dir.resolve("r/clip.mp4"), new byte[] {1, 2, 3});
        assertEquals(1, runWorker().count("FAILED"));
        assertTrue(now().lastError().contains("changed since it was rendered"), now().lastError());
        assertEquals(0, platform.uploads.get());
        assertEquals(0, platform.creates.get());
        assertEquals("Title of r", p.posts().byId(q.id()).title());
    }

    /** G9: an upload begun with the old video or text starts over (nothing exists before create), and says so. */
    @Test
    void anUploadBegunBeforeAReRenderStartsOverWithTheNewVideo() throws Exception {
        Post q = rendered("r");
        platform.createFaults.add(Fault.RATE_LIMITED);
        runWorker();
        assertEquals("yes", now().progress().get("uploaded"), "the upload was done, the create refused");
        reRender("r", 40, new ClipManifest.Copy("Title of r", "Caption of r", List.of("tagline")));
        clock.advance(Duration.ofMinutes(3));
        assertEquals(1, runWorker().count("PUBLISHED"));
        assertEquals(2, platform.uploads.get(), "uploaded again");
        assertEquals(40, platform.sent.get(q.id()).sizeBytes());
        assertTrue(p.attempts().of(q.id()).stream().anyMatch(a -> a.detail() != null && a.detail().contains(
                "video changed since the upload began; it starts over")), p.attempts().of(q.id()).toString());
    }

    /** G9, exactly once: once the create call started, nothing about the post changes, whatever the clip does. */
    @Test
    void aPostWhoseCreateCallStartedKeepsTheTextAndVideoItWasSentWith() throws Exception {
        Post q = rendered("r");
        platform.createFaults.add(Fault.AMBIGUOUS_AFTER);
        runWorker();
        assertEquals(PostState.UNCONFIRMED, now().state());
        ScriptedPublisher.Sent first = platform.sent.get(q.id());
        reRender("r", 50, new ClipManifest.Copy("Later", "Later caption", List.of()));
        p.followClip(dir.resolve("r/clip.json"));
        clock.advance(Duration.ofMinutes(2));
        assertEquals(1, runWorker().count("PUBLISHED"));
        assertEquals(1, platform.creates.get());
        assertEquals(first.title(), now().title());
        assertEquals(first.sha256(), now().progress().get("video_sha256"), "the identity that was sent");
    }

    /**
     * Dogfood round 5 G4: a platform that cannot be asked left the post unconfirmed for good. The user checked: it is
     * not there, so it is sent again, once; the attempts before stay in its audit trail.
     */
    @Test
    void anUnconfirmedPostTheUserFoundMissingIsSentAgainOnce() {
        platform.createFaults.add(Fault.AMBIGUOUS_BEFORE);
        platform.findUnknown = true;
        runWorker();
        clock.advance(Duration.ofMinutes(10));
        runWorker();
        assertEquals(PostState.UNCONFIRMED, now().state(), "the platform cannot tell");
        int calls = p.attempts().of(post.id()).size();
        p.scheduler().resend(channel, post.id(), clock.instant());
        assertEquals(1, runWorker().count("PUBLISHED"));
        assertEquals(2, platform.creates.get());
        assertEquals(1, platform.posts.size(), "one post on the platform");
        assertTrue(p.attempts().of(post.id()).size() > calls, "the history is kept");
    }

    /** G4: the user found the post on the platform: it is published, and the create call never runs again. */
    @Test
    void anUnconfirmedPostTheUserFoundOnThePlatformIsPublishedWithoutAnotherCreate() {
        platform.createFaults.add(Fault.AMBIGUOUS_AFTER);
        platform.findUnknown = true;
        runWorker();
        p.decisions().resolvePosted(post.id(), "https://platform.test/ext-" + post.id());
        clock.advance(Duration.ofHours(2));
        assertEquals(0, runWorker().count("PUBLISHED"), "nothing left to do");
        assertEquals(PostState.PUBLISHED, now().state());
        assertEquals("https://platform.test/ext-" + post.id(), now().externalUrl());
        assertEquals(1, platform.creates.get());
        assertEquals(0, platform.finds.get(), "not even asked again");
    }
}
