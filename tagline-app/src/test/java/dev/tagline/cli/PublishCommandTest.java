package dev.tagline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tagline.core.manifest.ClipManifest;
import dev.tagline.core.manifest.ClipManifests;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PublishCommandTest {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-27T12:00:00Z"), ZoneOffset.UTC);
    @TempDir
    Path dir;
    CliTestSupport cli;

    @BeforeEach
    void setUp() {
        cli = new CliTestSupport(dir, Map.of("TAGLINE_HOME", dir.resolve("home").toString()), CLOCK);
    }

    private Path clip(String id, double score) throws Exception {
        Path folder = dir.resolve(id);
        Files.createDirectories(folder);
        Files.write(folder.resolve("clip.mp4"), new byte[] {1, 2, 3});
        ClipManifests.write(folder.resolve("clip.json"), ClipManifest.of(id, "clip.mp4", null, 20, 1080, 1920, score,
                true, new ClipManifest.Copy("Title " + id, "Caption " + id, List.of("x")), Map.of()));
        return folder;
    }

    private int run(String... args) {
        cli.clear();
        return cli.run(args);
    }

    /**
     * One media row whose stored clip details could not be read failed 'publish list' and 'publish run' for every
     * post; now its post's row says it is broken, the other post is listed and published, and the run fails the broken
     * one with that line.
     */
    @Test
    void aPostWhoseClipDetailsAreUnreadableShowsAsBrokenInTheListAndTheOtherPostsPublish() throws Exception {
        assertEquals(ExitCode.OK, run("publish", "channels", "add", "fold", "--platform", "folder", "--zone", "UTC",
                "--option", "path=" + dir.resolve("out")), cli.err());
        Path broken = clip("a", 0.4);
        assertEquals(ExitCode.OK, run("publish", "queue", broken.toString(), clip("b", 0.5).toString(), "--channels",
                "fold", "--at", "now"), cli.err());
        dev.tagline.core.config.TaglineHome home = new dev.tagline.core.config.TaglineHome(dir.resolve("home"));
        try (dev.tagline.publish.Publishing p = dev.tagline.publish.Publishing.open(
                dev.tagline.publish.store.Database.defaultUrl(home), home, CLOCK)) {
            p.database().jdbc().update("UPDATE media SET manifest_json = '{}' WHERE clip_id = 'a'");
        }
        // and its clip.json a newer tagline's, so reading the file does not mend the row
        Files.writeString(broken.resolve("clip.json"), "{\"schema\":\"tagline.clip\",\"version\":2}");

        assertEquals(ExitCode.OK, run("publish", "list"), cli.err());
        String line = "(clip details unreadable: \"id\" is missing; re-queue the clip or cancel the post)";
        assertTrue(cli.out().lines().anyMatch(l -> l.startsWith("1 ") && l.endsWith(line)), cli.out());
        assertTrue(cli.out().lines().anyMatch(l -> l.startsWith("2 ") && l.contains("Title b")
                && !l.contains("unreadable")), cli.out());
        assertEquals(ExitCode.OK, run("publish", "status", "1"), cli.err());
        assertTrue(cli.out().contains("  clip details unreadable: \"id\" is missing"), cli.out());

        // dogfood round 9 L7: 'publish move N now' of a broken post is refused with the reason (a run would fail it)
        assertNotEquals(ExitCode.OK, run("publish", "move", "1", "now"));
        assertTrue(cli.err().contains("Post 1 cannot be published now: a run would fail it (clip details unreadable:"
                + " \"id\" is missing)"), cli.err());

        assertEquals(ExitCode.SOME_FAILED, run("publish", "run", "--once"), cli.err());
        assertFalse(cli.err().contains("Exception") || cli.out().contains("Exception"), cli.err() + cli.out());
        assertEquals(ExitCode.SOME_FAILED, run("publish", "status"));
        // and the failed post is told to re-queue the clip, not "or cancel the post": a failed post cannot be cancelled
        String failed = "clip details unreadable: \"id\" is missing; re-queue the clip to send it again (tagline"
                + " publish queue CLIP_DIR)";
        assertTrue(cli.out().contains("post 1 failed: " + failed), cli.out());
        assertTrue(cli.out().contains("published 1"), cli.out());
        assertEquals(ExitCode.OK, run("publish", "list"), cli.err());
        assertTrue(cli.out().lines().anyMatch(l -> l.startsWith("1 ") && l.contains(" failed ")
                && l.endsWith("(" + failed + ")")), cli.out());
    }

    @Test
    void channelsRemoveKeepsThePublishedPostsAndTheirHistory() throws Exception {
        assertEquals(ExitCode.OK, run("publish", "channels", "add", "fold", "--platform", "folder", "--zone", "UTC",
                "--option", "path=" + dir.resolve("out")), cli.err());
        assertEquals(ExitCode.OK, run("publish", "queue", clip("a", 0.4).toString(), "--channels", "fold", "--at",
                "now"), cli.err());
        assertEquals(ExitCode.OK, run("publish", "run", "--once"), cli.err());
        assertTrue(cli.out().contains("published 1"), cli.out());
        assertEquals(ExitCode.OK, run("publish", "queue", clip("b", 0.5).toString(), "--channels", "fold"),
                cli.err());

        assertEquals(ExitCode.USAGE, run("publish", "channels", "remove", "fold"));
        assertEquals("error: Channel 'fold' has 1 unpublished post (queued, scheduled or failed) that removing it"
                + " deletes. Nothing removed: add --yes to remove it.", cli.err().strip());
        assertEquals(ExitCode.OK, run("publish", "channels", "remove", "fold", "--yes"), cli.err());
        assertTrue(cli.out().contains("removed channel fold; deleted its 1 unpublished post (queued, scheduled or failed);"
                + " kept its 1 published post and its history"),
                cli.out());
        assertEquals(ExitCode.OK, run("publish", "status", "1"), cli.err());
        assertTrue(cli.out().contains("post 1 on fold (removed) (folder)"), cli.out());
        assertEquals(ExitCode.OK, run("publish", "status"), cli.err());
        assertTrue(cli.out().contains("published 1"), cli.out());
        assertEquals(ExitCode.USAGE, run("publish", "status", "2"));
        assertTrue(cli.err().contains("No post with id 2"), "the unpublished post went: " + cli.err());
        assertEquals(ExitCode.OK, run("publish", "channels", "add", "fold", "--platform", "folder", "--zone", "UTC",
                "--option", "path=" + dir.resolve("out")), "the name is free again: " + cli.err());
    }

    @Test
    void channelsRulesQueueScheduleListMoveCancelStatus() throws Exception {
        assertEquals(ExitCode.OK, run("publish", "auto-schedule"), cli.err());
        assertTrue(cli.out().contains("No channels yet: add one with 'tagline publish channels add"), cli.out());
        assertEquals(ExitCode.OK, run("publish", "channels", "add", "fold", "--platform", "folder", "--zone",
                "Europe/Berlin", "--option", "path=" + dir.resolve("out")), cli.err());
        assertTrue(cli.out().contains("added channel fold (folder, Europe/Berlin)"), cli.out());
        assertTrue(Files.exists(dir.resolve("home/publish.db")), "SQLite in TAGLINE_HOME by default");
        assertEquals(ExitCode.OK, run("publish", "auto-schedule"), cli.err());
        assertTrue(cli.out().contains("Nothing to schedule: no channel has posting rules or queued posts."),
                cli.out());

        assertEquals(ExitCode.OK, run("publish", "rules", "set", "fold", "--days", "daily", "--times", "09:00"),
                cli.err());
        assertEquals(ExitCode.OK, run("publish", "queue", clip("a", 0.4).toString(), clip("b", 0.9).toString(),
                "--channels", "fold"), cli.err());
        assertTrue(cli.out().contains("post 1: a → fold (queued)"), cli.out());

        assertEquals(ExitCode.OK, run("publish", "auto-schedule"), cli.err());
        assertTrue(cli.out().contains("fold: 2 scheduled, 0 left"), cli.out());
        assertTrue(cli.out().contains("post 2 → 2026-03-28 09:00 +01:00 fold"), "best score first: " + cli.out());
        assertTrue(cli.out().contains("post 1 → 2026-03-29 09:00 +02:00 fold"), "DST: still 09:00: " + cli.out());

        assertEquals(ExitCode.USAGE, run("publish", "list", "--from", "2026-03-30", "--to", "2026-03-28"));
        assertTrue(cli.err().contains("error: --to 2026-03-28 is not after --from 2026-03-30. Give the earlier date"),
                cli.err());
        assertEquals(ExitCode.OK, run("publish", "list", "--from", "2026-03-28", "--to", "2026-03-30"), cli.err());
        assertTrue(cli.out().matches("(?s).*2\\s+fold\\s+scheduled\\s+2026-03-28 09:00 \\+01:00\\s+Title b.*"),
                cli.out());

        assertEquals(ExitCode.OK, run("publish", "move", "2", "2026-04-02T18:30"), cli.err());
        assertTrue(cli.out().contains("post 2: scheduled for 2026-04-02 18:30 +02:00 Europe/Berlin"), cli.out());
        assertTrue(cli.out().contains("warning: Outside the posting rule of 'fold' ("), "as the calendar warns: "
                + cli.out());
        assertTrue(cli.out().contains("no other post moved"), "post 1 keeps 2026-03-29, the gap stays: " + cli.out());

        assertEquals(ExitCode.OK, run("publish", "cancel", "1"), cli.err());
        assertEquals(ExitCode.OK, run("publish", "status"), cli.err());
        assertTrue(cli.out().contains("scheduled 1") && cli.out().contains("cancelled 1"), cli.out());
        assertEquals(ExitCode.OK, run("publish", "channels", "list"));
        assertTrue(cli.out().contains("fold") && cli.out().contains("MON,TUE,WED,THU,FRI,SAT,SUN 09:00"), cli.out());
        assertTrue(cli.out().startsWith("CHANNEL          PLATFORM   ZONE                 STATE            POSTING RULE"),
                cli.out());
    }

    /**
     * Dogfood web: a scheduled post could only be moved or cancelled, never sent back to the queue; the calendar's
     * Unschedule and this command take its time away, refused once a worker has started it.
     */
    @Test
    void aScheduledPostCouldNotBeUnscheduled_nowUnscheduleSendsItBackToTheQueue() throws Exception {
        run("publish", "channels", "add", "fold", "--platform", "folder", "--zone", "Europe/Berlin", "--option",
                "path=" + dir.resolve("out"));
        run("publish", "rules", "set", "fold", "--days", "daily", "--times", "09:00");
        run("publish", "queue", clip("a", 0.4).toString(), clip("b", 0.9).toString(), "--channels", "fold");
        assertEquals(ExitCode.OK, run("publish", "auto-schedule"), cli.err());

        assertEquals(ExitCode.OK, run("publish", "unschedule", "2"), cli.err());
        assertEquals("post 2: back in the queue, no time (was scheduled for 2026-03-28 09:00 +01:00 Europe/Berlin);"
                + " 'tagline publish auto-schedule' or 'tagline publish move 2 TIME' gives it one", cli.out().strip());
        assertEquals(ExitCode.OK, run("publish", "list", "--from", "2026-03-28", "--to", "2026-03-31"), cli.err());
        assertTrue(cli.out().matches("(?s).*\\n2\\s+fold\\s+queued\\s.*"), "queued, not cancelled: " + cli.out());
        assertTrue(cli.out().matches("(?s).*\\n1\\s+fold\\s+scheduled\\s+2026-03-29 09:00.*"),
                "the others are not re-planned: " + cli.out());
        assertEquals(ExitCode.USAGE, run("publish", "unschedule", "2"));
        assertEquals("error: Post 2 has no time to take away: it is already queued. Give it a time, or let"
                + " auto-schedule place it.", cli.err().strip());

        assertEquals(ExitCode.OK, run("publish", "move", "1", "now"), cli.err());
        assertEquals(ExitCode.OK, run("publish", "run", "--once"), cli.err());
        assertEquals(ExitCode.USAGE, run("publish", "unschedule", "1"));
        assertEquals("error: Post 1 is published and cannot be unscheduled. Only scheduled posts that have not started"
                + " publishing can be unscheduled.", cli.err().strip());
        assertEquals(ExitCode.USAGE, run("publish", "unschedule", "7"));
        assertTrue(cli.err().contains("No post with id 7"), cli.err());
    }

    /**
     * A post whose text was edited on the calendar kept it for good: there was no way back to its clip's copy. Now
     * 'publish follow-clip' gives it the clip's copy again, and it follows clip.json until it is sent; refused once
     * sending began.
     */
    @Test
    void anEditedPostHadNoWayBack_nowFollowClipGivesItTheClipsCopyAgain() throws Exception {
        run("publish", "channels", "add", "fold", "--platform", "folder", "--zone", "UTC", "--option",
                "path=" + dir.resolve("out"));
        Path a = clip("a", 0.4);
        run("publish", "queue", a.toString(), "--channels", "fold");
        dev.tagline.core.config.TaglineHome home = new dev.tagline.core.config.TaglineHome(dir.resolve("home"));
        try (dev.tagline.publish.Publishing p = dev.tagline.publish.Publishing.open(
                dev.tagline.publish.store.Database.defaultUrl(home), home, CLOCK)) {
            assertTrue(p.copies().editCopy(1, "My title", "My caption"));
        }
        render(a, new byte[] {1, 2, 3}, new ClipManifest.Copy("Fresh title", "Fresh caption", List.of("go")));

        assertEquals(ExitCode.OK, run("publish", "list"), cli.err());
        assertTrue(cli.out().contains("My title"), "edited: kept: " + cli.out());
        assertEquals(ExitCode.OK, run("publish", "follow-clip", "1"), cli.err());
        assertEquals("post 1: follows its clip's copy again; it is sent with \"Fresh title\": Fresh caption #go",
                cli.out().strip());
        render(a, new byte[] {1, 2, 3}, new ClipManifest.Copy("Later title", "Later caption", List.of()));
        assertEquals(ExitCode.OK, run("publish", "list"), cli.err());
        assertTrue(cli.out().contains("Later title") && !cli.out().contains("My title"), "follows again: " + cli.out());

        assertEquals(ExitCode.OK, run("publish", "move", "1", "now"), cli.err());
        assertEquals(ExitCode.OK, run("publish", "run", "--once"), cli.err());
        assertEquals(ExitCode.USAGE, run("publish", "follow-clip", "1"));
        assertEquals("error: Post 1 is published: its text was fixed when sending began, so it cannot follow its clip"
                + " again. Only a queued or scheduled post that has not started publishing can take its clip's copy.",
                cli.err().strip());
        assertEquals(ExitCode.USAGE, run("publish", "follow-clip", "7"));
        assertTrue(cli.err().contains("No post with id 7"), cli.err());
    }

    /** Renders {@code folder}'s clip again: new video bytes, recorded in clip.json as a render does, with this copy. */
    private static void render(Path folder, byte[] video, ClipManifest.Copy copy) throws Exception {
        Files.write(folder.resolve("clip.mp4"), video);
        ClipManifest m = ClipManifests.read(folder);
        ClipManifests.write(folder.resolve("clip.json"), new ClipManifest(m.schema(), m.version(), m.id(), m.video(),
                m.source(), m.durationSeconds(), m.width(), m.height(), m.score(), m.accepted(), copy, m.variants(),
                new ClipManifest.Render("9:16", List.of(), null, null, Map.of("clip.mp4", sha256(video)))));
    }

    private static String sha256(byte[] bytes) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    /**
     * Dogfood round 5 G9: a post queued, then its clip's copy edited on the Clips page (which rewrites clip.json) and
     * the clip rendered again, published the copy of queue time with the SHA-256 and size of a video that no longer
     * existed, and {@code list} showed the old title. It now follows the clip until it is sent.
     */
    @Test
    void aQueuedPostPublishedItsQueueTimeCopyAndVideo_nowTheClipAsEditedAndRenderedSince() throws Exception {
        Path out = dir.resolve("out");
        run("publish", "channels", "add", "fold", "--platform", "folder", "--zone", "UTC", "--option", "path=" + out);
        Path folder = clip("a", 0.4);
        render(folder, new byte[] {1, 2, 3, 4, 5}, new ClipManifest.Copy("Every GET request", "Generated caption",
                List.of("header", "matter")));
        assertEquals(ExitCode.OK, run("publish", "queue", folder.toString(), "--channels", "fold"), cli.err());

        byte[] rendered = new byte[] {9, 8, 7, 6, 5, 4, 3, 2, 1};
        render(folder, new byte[] {7}, new ClipManifest.Copy("My edited <title>", "Edited caption & more",
                List.of("python", "webdev")));
        render(folder, rendered, ClipManifests.read(folder).copy());
        assertEquals(ExitCode.OK, run("publish", "list"), cli.err());
        assertTrue(cli.out().matches("(?s).*\\n1\\s+fold\\s+queued\\s+-\\s+My edited <title>\\n.*"), cli.out());

        run("publish", "move", "1", "now");
        assertEquals(ExitCode.OK, run("publish", "run", "--once"), cli.err());
        assertTrue(cli.out().contains("run: published 1"), cli.out());
        com.fasterxml.jackson.databind.JsonNode sent = new com.fasterxml.jackson.databind.ObjectMapper().readTree(
                out.resolve("2026-03-27/a-p1.json").toFile());
        assertEquals("My edited <title>", sent.get("title").asText());
        assertEquals("Edited caption & more\n\n#python #webdev", sent.get("caption").asText());
        assertEquals(sha256(rendered), sent.get("sha256").asText(), "the file that went out");
        assertEquals(rendered.length, sent.get("sizeBytes").asLong());
        assertEquals(ExitCode.OK, run("publish", "list", "--from", "2026-03-27", "--to", "2026-03-28"), cli.err());
        assertTrue(cli.out().contains("My edited <title>"), cli.out());
    }

    @Test
    void runOncePublishesDuePostsIntoTheFolderAndStatusShowsTheCalls() throws Exception {
        Path out = dir.resolve("out");
        run("publish", "channels", "add", "fold", "--platform", "folder", "--zone", "UTC", "--option", "path=" + out);
        assertEquals(ExitCode.OK, run("publish", "queue", clip("a", 0.4).toString(), "--channels", "fold", "--at",
                "2026-03-27T12:00Z"), cli.err());
        assertEquals(ExitCode.OK, run("publish", "run", "--once"), cli.err());
        assertTrue(cli.out().contains("run: published 1"), cli.out());
        assertTrue(Files.exists(out.resolve("2026-03-27/a-p1.mp4")));
        assertEquals(ExitCode.OK, run("publish", "status", "1"), cli.err());
        assertTrue(cli.out().contains("post 1 on fold (folder): published"), cli.out());
    }

    @Test
    void theFolderRenderWroteQueuesEachClipInRankOrder() throws Exception {
        run("publish", "channels", "add", "fold", "--platform", "folder", "--option", "path=" + dir.resolve("out"));
        Path rendered = java.nio.file.Files.createDirectories(dir.resolve("talk.clips"));
        for (String id : List.of("talk-002", "talk-001", "talk-003")) {
            Path clip = clip(id, 0.5);
            java.nio.file.Files.move(clip, rendered.resolve(id));
        }
        java.nio.file.Files.createDirectories(rendered.resolve("notes")); // not a clip: passed over
        assertEquals(ExitCode.OK, run("publish", "queue", "talk.clips", "--channels", "fold"), cli.err());
        assertEquals(List.of("post 1: talk-001 → fold (queued)", "post 2: talk-002 → fold (queued)",
                "post 3: talk-003 → fold (queued)"), cli.out().strip().lines().toList());
        assertEquals(ExitCode.USAGE, run("publish", "queue", "out-of-nothing", "--channels", "fold"));
    }

    @Test
    void nowMakesAPostDueAtOnce() throws Exception {
        Path out = dir.resolve("out");
        run("publish", "channels", "add", "fold", "--platform", "folder", "--zone", "Europe/Berlin", "--option",
                "path=" + out);
        run("publish", "rules", "set", "fold", "--days", "daily", "--times", "09:00");
        run("publish", "queue", clip("a", 0.4).toString(), "--channels", "fold");
        run("publish", "auto-schedule");
        assertEquals(ExitCode.OK, run("publish", "run", "--once"), cli.err());
        assertTrue(cli.out().contains("run: nothing was due"), cli.out());
        assertEquals(ExitCode.OK, run("publish", "move", "1", "now"), cli.err());
        assertTrue(cli.out().contains("post 1: scheduled for 2026-03-27 13:00 +01:00 Europe/Berlin"), cli.out());
        assertEquals(ExitCode.OK, run("publish", "run", "--once"), cli.err());
        assertTrue(cli.out().contains("run: published 1"), cli.out());
        assertEquals(ExitCode.OK, run("publish", "queue", clip("b", 0.5).toString(), "--channels", "fold", "--at",
                "NOW"), cli.err());
        assertEquals(ExitCode.OK, run("publish", "run", "--once"), cli.err());
        assertTrue(cli.out().contains("run: published 1"), cli.out());
        assertTrue(Files.exists(out.resolve("2026-03-27/b-p2.mp4")), "queued --at now went out at once");
    }

    /**
     * Dogfood round 4 F10: {@code move 1 now} warned that now is outside the rule and too close to another post, and
     * took the day's {@code --per-day} from the plan, so the post planned for later today went to tomorrow, and stayed
     * there when the post sent now failed. Now is outside the plan: no warnings, and the planned post keeps its time.
     */
    @Test
    void movingAPostToNowPushedThePlannedPostToTomorrow_nowPlannedPostsKeepTheirTimes() throws Exception {
        run("publish", "channels", "add", "out", "--platform", "folder", "--zone", "Europe/Berlin", "--option",
                "path=" + dir.resolve("out"));
        run("publish", "rules", "set", "out", "--days", "daily", "--times", "09:00,18:00", "--per-day", "1",
                "--min-spacing", "6h");
        run("publish", "queue", clip("a", 0.4).toString(), clip("b", 0.9).toString(), "--channels", "out");
        assertEquals(ExitCode.OK, run("publish", "auto-schedule"), cli.err());
        assertTrue(cli.out().contains("post 2 → 2026-03-27 18:00 +01:00 out"), cli.out());

        // the test clock is 2026-03-27 12:00Z, 13:00 in Berlin
        assertEquals(ExitCode.OK, run("publish", "move", "1", "now"), cli.err());
        assertEquals(List.of("post 1: scheduled for 2026-03-27 13:00 +01:00 Europe/Berlin (now: outside the plan, so"
                + " the posting rule does not count it)", "no other post moved"),
                cli.out().strip().lines().toList(), "no warning, and post 2 keeps today 18:00");
        assertEquals(ExitCode.OK, run("publish", "list", "--from", "2026-03-27", "--to", "2026-03-28"), cli.err());
        assertTrue(cli.out().matches("(?s).*\\n2\\s+out\\s+scheduled\\s+2026-03-27 18:00.*"), cli.out());

        assertEquals(ExitCode.OK, run("publish", "move", "1", "2026-03-27T20:00"), cli.err());
        assertTrue(cli.out().contains("warning: Outside the posting rule of 'out' (MON,TUE,WED,THU,FRI,SAT,SUN at"
                + " 09:00,18:00, Europe/Berlin)."), "a time the user names keeps its warnings: " + cli.out());
        assertTrue(cli.out().contains("moved 1 other post(s) of out to keep its posting rule:\n  post 2 → 2026-03-28"
                + " 09:00 +01:00 out (was 2026-03-27 18:00 +01:00)"), "and takes its place: " + cli.out());
    }

    /**
     * Dogfood round 6 H5: {@code move 6 now} printed "(now: outside the plan, so planned posts keep their times)" above
     * three posts it had moved up into the freed slot. A move by hand moves that post only; the output says so, and
     * names (with the time it had) each auto-placed post the new time made give way.
     */
    @Test
    void movingOnePostMovedItsNeighboursUnderASentenceSayingTheyKeepTheirTimes_nowOnlyConflictsMoveAndAreNamed()
            throws Exception {
        run("publish", "channels", "add", "out", "--platform", "folder", "--zone", "Europe/Berlin", "--option",
                "path=" + dir.resolve("out"));
        run("publish", "rules", "set", "out", "--days", "daily", "--times", "09:00,18:00", "--per-day", "1");
        run("publish", "queue", clip("a", 0.9).toString(), clip("b", 0.5).toString(), clip("c", 0.2).toString(),
                "--channels", "out");
        assertEquals(ExitCode.OK, run("publish", "auto-schedule"), cli.err());
        // the test clock is 2026-03-27 13:00 in Berlin: a today 18:00, b tomorrow 09:00, c the day after
        assertEquals(ExitCode.OK, run("publish", "move", "1", "2026-04-10T18:00"), cli.err());
        assertEquals(List.of("post 1: scheduled for 2026-04-10 18:00 +02:00 Europe/Berlin", "no other post moved"),
                cli.out().strip().lines().toList());
        assertEquals(ExitCode.OK, run("publish", "list"), cli.err());
        assertTrue(cli.out().matches("(?s).*\\n2\\s+out\\s+scheduled\\s+2026-03-28 09:00.*"), "b did not move up: "
                + cli.out());
        assertEquals(ExitCode.OK, run("publish", "move", "3", "2026-03-28T18:00"), cli.err());
        assertTrue(cli.out().contains("moved 1 other post(s) of out to keep its posting rule:\n  post 2 → 2026-03-27"
                + " 18:00 +01:00 out (was 2026-03-28 09:00 +01:00)"), cli.out());
        assertEquals(ExitCode.OK, run("publish", "cancel", "3"), cli.err());
        assertEquals(List.of("post 3: cancelled; no other post moved (the next auto-schedule may give its slot to a"
                + " queued post)"), cli.out().strip().lines().toList());
    }

    /** {@code move 1 18:00}: the next 18:00 on the channel's clock, today or, once it has passed, tomorrow. */
    @Test
    void aTimeOfDayAloneIsTheNextSuchTimeOnTheChannelsClock() throws Exception {
        run("publish", "channels", "add", "fold", "--platform", "folder", "--zone", "Europe/Berlin", "--option",
                "path=" + dir.resolve("out"));
        run("publish", "queue", clip("a", 0.4).toString(), "--channels", "fold");
        // the test clock is 2026-03-27 12:00Z, 13:00 in Berlin
        assertEquals(ExitCode.OK, run("publish", "move", "1", "18:00"), cli.err());
        assertTrue(cli.out().contains("post 1: scheduled for 2026-03-27 18:00 +01:00 Europe/Berlin"), cli.out());
        assertEquals(ExitCode.OK, run("publish", "move", "1", "9:30"), cli.err());
        assertTrue(cli.out().contains("post 1: scheduled for 2026-03-28 09:30 +01:00 Europe/Berlin"), cli.out());
        assertEquals(ExitCode.USAGE, run("publish", "move", "1", "25:00"));
        assertTrue(cli.err().contains("Time '25:00' is not a time of day"), cli.err());
    }

    @Test
    void webhookSecretsComeFromTheNamedVariableAndAreNeverStoredInTheClear() throws Exception {
        cli = new CliTestSupport(dir, Map.of("TAGLINE_HOME", dir.resolve("home").toString(), "HOOK_SECRET",
                "very-secret-value"), CLOCK);
        assertEquals(ExitCode.USAGE, run("publish", "channels", "add", "h", "--platform", "webhook", "--option",
                "url=http://127.0.0.1:9/x", "--option", "media-base-url=http://cdn"));
        assertTrue(cli.err().contains("error: A webhook channel needs --secret-env VAR. Put the secret in an environment"
                + " variable and name it, e.g. --secret-env WEBHOOK_SECRET."), cli.err());
        cli.clear();
        assertEquals(ExitCode.USAGE, run("publish", "channels", "add", "ig", "--platform", "instagram"));
        assertTrue(cli.err().startsWith("error: An Instagram channel needs"), cli.err());
        assertEquals(ExitCode.OK, run("publish", "channels", "add", "h", "--platform", "webhook", "--option",
                "url=http://127.0.0.1:9/x", "--option", "media-base-url=http://cdn", "--secret-env", "HOOK_SECRET"),
                cli.err());
        try (var files = Files.list(dir.resolve("home"))) {
            for (Path file : files.toList()) {
                String bytes = new String(Files.readAllBytes(file), java.nio.charset.StandardCharsets.ISO_8859_1);
                assertTrue(!bytes.contains("very-secret-value"), "no clear secret in " + file);
            }
        }
        assertTrue(Files.exists(dir.resolve("home/secret.key")));
    }

    /**
     * An Instagram media-base-url whose public-looking name leads to this machine ("localhost." with its root dot)
     * was accepted; now it is refused in one line naming the option. A name that does not resolve here (".invalid"
     * never does) is added with a warning, for a channel set up before its DNS record exists.
     */
    @Test
    void anInstagramMediaBaseUrlNamingThisMachineWasAccepted_nowRefusedAndAnUnresolvableNameIsWarnedAbout() {
        cli = new CliTestSupport(dir, Map.of("TAGLINE_HOME", dir.resolve("home").toString(), "IG_TOKEN", "t"), CLOCK);
        assertEquals(ExitCode.USAGE, run("publish", "channels", "add", "ig", "--platform", "instagram", "--option",
                "media-base-url=http://localhost.:8080", "--secret-env", "IG_TOKEN"));
        assertEquals("error: --option media-base-url=http://localhost.:8080 is localhost, which Instagram's servers can"
                + " never fetch videos from. Give a public address that leads to 'tagline serve' (a reverse proxy or"
                + " tunnel in front of it), e.g. --option media-base-url=https://clips.example.com; only webhook"
                + " channels may use a local or private address.", cli.err().strip());
        assertEquals(ExitCode.OK, run("publish", "channels", "add", "ig", "--platform", "instagram", "--option",
                "media-base-url=https://clips.tagline.invalid", "--secret-env", "IG_TOKEN"), cli.err());
        assertEquals("warning: --option media-base-url=https://clips.tagline.invalid: clips.tagline.invalid does not"
                + " resolve on this machine; Instagram's servers must reach it, so make it resolve to the public"
                + " address of 'tagline serve' (or its proxy) before the first post (each post checks the link first)",
                cli.err().strip());
        assertTrue(cli.out().startsWith("added channel ig"), cli.out());
    }

    @Test
    void aMediaBaseUrlThatCannotLeadToTaglineServeWasAccepted_nowChannelsAddNamesTheOption() throws Exception {
        cli = new CliTestSupport(dir, Map.of("TAGLINE_HOME", dir.resolve("home").toString(), "HOOK_SECRET", "s",
                "IG_TOKEN", "t"), CLOCK);
        String[][] bad = {
            {"https://cdn.example.com/clips?sig=1", "has a query or fragment"},
            {"cdn.example.com", "is not an http:// or https:// URL"},
            {"file:///srv/clips", "is not an http:// or https:// URL"}};
        for (String[] b : bad) {
            assertEquals(ExitCode.USAGE, run("publish", "channels", "add", "h", "--platform", "webhook", "--option",
                    "url=http://127.0.0.1:9/x", "--option", "media-base-url=" + b[0], "--secret-env", "HOOK_SECRET"));
            assertTrue(cli.err().startsWith("error: --option media-base-url=" + b[0] + " " + b[1]), cli.err());
            assertEquals(1, cli.err().strip().lines().count(), cli.err());
            assertEquals(ExitCode.USAGE, run("publish", "channels", "add", "ig", "--platform", "instagram", "--option",
                    "media-base-url=" + b[0], "--secret-env", "IG_TOKEN"));
            assertTrue(cli.err().startsWith("error: --option media-base-url=" + b[0] + " " + b[1]), cli.err());
        }
        assertEquals(ExitCode.OK, run("publish", "channels", "list"));
        assertTrue(cli.out().startsWith("no channels yet"), "nothing was added: " + cli.out());
    }

    @Test
    void statusListsAPostWaitingToBeTriedAgainWithItsReason() throws Exception {
        cli = new CliTestSupport(dir, Map.of("TAGLINE_HOME", dir.resolve("home").toString(), "HOOK_SECRET",
                "very-secret-value"), CLOCK);
        int closed;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closed = s.getLocalPort();
        }
        dev.tagline.testkit.platform.FakeMediaHost serve = new dev.tagline.testkit.platform.FakeMediaHost();
        assertEquals(ExitCode.OK, run("publish", "channels", "add", "h", "--platform", "webhook", "--option",
                "url=http://127.0.0.1:" + closed + "/x", "--option", "media-base-url=" + serve.baseUrl(), "--secret-env",
                "HOOK_SECRET"), cli.err());
        assertEquals(ExitCode.OK, run("publish", "queue", clip("a", 0.4).toString(), "--channels", "h", "--at", "now"),
                cli.err());
        serve.serve(1, dir.resolve("a/clip.mp4")); // the video link answers; the receiver does not
        try (serve) {
            run("publish", "run", "--once");
        }
        assertEquals(ExitCode.OK, run("publish", "status"), cli.err() + cli.out());
        assertTrue(cli.out().matches("(?s).*post 1 retrying at 2026-03-27 \\d\\d:\\d\\d:\\d\\d \\+00:00 \\(try 2\\): .+"),
                cli.out());
        run("publish", "status", "1");
        assertTrue(cli.out().contains("no-answer  the connection was refused (offline, or nothing listens there)"),
                "the audit in words, not 'ConnectException: null': " + cli.out());
        // the user gives it a new time: it is no longer a retry of the old failure
        assertEquals(ExitCode.OK, run("publish", "move", "1", "2026-03-28T10:00"), cli.err());
        run("publish", "status");
        assertFalse(cli.out().contains("retrying"), cli.out());
    }

    /**
     * Dogfood round 8 K4: a YouTube/TikTok/X/LinkedIn channel could not be added without a refresh token, which the
     * browser's Connect exists to get. Now it is added as 'needs connect' with the way to Connect; nothing is
     * published to it, auto-schedule plans nothing on it and says why, and the wording says "An X channel" and
     * suggests a ..._REFRESH_TOKEN variable.
     */
    @Test
    void anOAuthChannelNeededARefreshTokenToBeAdded_nowItIsAddedAsNeedsConnect() throws Exception {
        cli = new CliTestSupport(dir, Map.of("TAGLINE_HOME", dir.resolve("home").toString(), "YT_SECRET", "abc"),
                CLOCK);
        assertEquals(ExitCode.OK, run("publish", "channels", "add", "yt", "--platform", "youtube", "--zone", "UTC",
                "--client-id", "123.apps.googleusercontent.com", "--client-secret-env", "YT_SECRET"), cli.err());
        assertTrue(cli.out().contains("added channel yt (youtube, UTC): needs connect"), cli.out());
        assertTrue(cli.out().contains("next: open http://127.0.0.1:8080/channels ('tagline serve') and click Connect"),
                cli.out());
        assertEquals(ExitCode.OK, run("publish", "channels", "add", "xx", "--platform", "x", "--zone", "UTC"),
                cli.err());
        run("publish", "channels", "list");
        assertTrue(cli.out().matches("(?s).*yt +youtube +UTC +needs connect .*"), cli.out());
        assertEquals(ExitCode.OK, run("publish", "rules", "set", "yt", "--times", "09:00,18:00"), cli.err());
        assertEquals(ExitCode.OK, run("publish", "queue", clip("a", 0.4).toString(), "--channels", "yt"), cli.err());
        assertTrue(cli.out().contains("note: channel yt is not connected yet: its posts wait until you click Connect"),
                cli.out());
        run("publish", "auto-schedule");
        assertTrue(cli.out().contains("yt: 0 scheduled, 1 left in the queue"), cli.out());
        assertTrue((cli.out() + cli.err()).contains("not connected yet"), cli.out() + cli.err());
        assertEquals(ExitCode.OK, run("publish", "queue", clip("b", 0.5).toString(), "--channels", "xx", "--at", "now"),
                cli.err());
        run("publish", "run", "--once");
        assertTrue(cli.out().contains("run: nothing was due"), "nothing is published to it: " + cli.out());
        run("publish", "status");
        assertTrue(cli.out().contains("channel yt: needs connect (not connected yet: open Channels in 'tagline serve'"
                + " and click Connect)"), cli.out());
        // the wording: "An X channel", a refresh token suggested as ..._REFRESH_TOKEN
        assertEquals(ExitCode.USAGE, run("publish", "channels", "add", "x2", "--platform", "x", "--refresh-token-env",
                "YT_SECRET"));
        assertTrue(cli.err().startsWith("error: An X channel needs --client-id"), cli.err());
        assertEquals(ExitCode.USAGE, run("publish", "channels", "add", "yt", "--platform", "youtube", "--reconnect"));
        assertTrue(cli.err().contains("Reconnecting YouTube channel 'yt' needs --refresh-token-env VAR")
                && cli.err().contains("e.g. --refresh-token-env YOUTUBE_REFRESH_TOKEN"), cli.err());
    }

    /**
     * Dogfood round 8 K6: the webhook's 30 s answer timeout was neither documented nor an option. 'channels add --help'
     * now names {@code timeout}, and a bad value is refused in one line naming the option.
     */
    @Test
    void theWebhookTimeoutWasNoOption_nowChannelsAddTakesItAndRefusesABadOne() {
        cli = new CliTestSupport(dir, Map.of("TAGLINE_HOME", dir.resolve("home").toString(), "HOOK_SECRET", "s"),
                CLOCK);
        assertEquals(ExitCode.OK, run("publish", "channels", "add", "--help"));
        assertTrue(cli.out().replaceAll("\\s+", " ").contains("timeout=30s (how long the POST waits for the receiver's"
                + " answer, 1s-10m; default 30s)"), cli.out());
        assertEquals(ExitCode.USAGE, run("publish", "channels", "add", "h", "--platform", "webhook", "--option",
                "url=http://127.0.0.1:9/x", "--option", "media-base-url=http://cdn", "--option", "timeout=2 hours",
                "--secret-env", "HOOK_SECRET"));
        assertEquals("error: --option timeout=2 hours is not a time from 1s to 10m. Write it as e.g. --option"
                + " timeout=120s or --option timeout=2m (how long the POST waits for the receiver's answer; default"
                + " 30s).", cli.err().strip());
        assertEquals(ExitCode.OK, run("publish", "channels", "add", "h", "--platform", "webhook", "--option",
                "url=http://127.0.0.1:9/x", "--option", "media-base-url=http://cdn", "--option", "timeout=120s",
                "--secret-env", "HOOK_SECRET"), cli.err());
    }

    /**
     * A webhook channel 'hook' on {@code receiver}, its secret in HOOK_SECRET, its video links on {@code media}, which
     * serves post N the clip queued N-th (the order the tests queue in), so the worker's check of the link passes.
     */
    private void hook(dev.tagline.testkit.platform.FakeWebhookReceiver receiver,
                      dev.tagline.testkit.platform.FakeMediaHost media) {
        cli = new CliTestSupport(dir, Map.of("TAGLINE_HOME", dir.resolve("home").toString(), "HOOK_SECRET", "s3cret"),
                CLOCK);
        assertEquals(ExitCode.OK, run("publish", "channels", "add", "hook", "--platform", "webhook", "--zone", "UTC",
                "--option", "url=" + receiver.baseUrl() + "/hook", "--option", "media-base-url=" + media.baseUrl(),
                "--secret-env", "HOOK_SECRET"), cli.err());
        media.serveAll(id -> {
            try (java.util.stream.Stream<Path> clips = Files.list(dir)) {
                List<Path> queued = clips.filter(f -> Files.exists(f.resolve("clip.json"))).sorted().toList();
                return id <= queued.size() ? queued.get((int) id - 1).resolve("clip.mp4") : null;
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    /** Post 1 on 'hook', sent now, whose create call is answered 429 with Retry-After: 5 (one run). */
    private void postAnswered429(dev.tagline.testkit.platform.FakeWebhookReceiver receiver,
                                 dev.tagline.testkit.platform.FakeMediaHost media) throws Exception {
        hook(receiver, media);
        run("publish", "queue", clip("code-001", 0.4).toString(), "--channels", "hook", "--at", "now");
        receiver.failNext("POST", "/hook", 429, java.time.Duration.ofSeconds(5), "slow down");
        run("publish", "run", "--once");
    }

    /** Post 1 on 'hook2', a webhook with idempotent=true, sent now, whose create call got a 500 (one run). */
    private void idempotentPostWhoseCreateGot500(dev.tagline.testkit.platform.FakeWebhookReceiver receiver,
                                                 dev.tagline.testkit.platform.FakeMediaHost media) throws Exception {
        hook(receiver, media);
        assertEquals(ExitCode.OK, run("publish", "channels", "add", "hook2", "--platform", "webhook", "--zone", "UTC",
                "--option", "url=" + receiver.baseUrl() + "/hook", "--option", "media-base-url=" + media.baseUrl(),
                "--option", "idempotent=true", "--secret-env", "HOOK_SECRET"), cli.err());
        run("publish", "queue", clip("code-001", 0.4).toString(), "--channels", "hook2", "--at", "now");
        receiver.failNext("POST", "/hook", 500, null, "");
        run("publish", "run", "--once");
    }

    /**
     * Dogfood round 8 K14: a webhook answering 429 with Retry-After: 5 was tried again every ~7 s, and 'status POST'
     * named no next try. Now the backoff (30 s doubling, equal jitter) applies, never earlier than Retry-After, and
     * status says when.
     */
    @Test
    void a429WithAShortRetryAfterWasRetriedEverySevenSeconds_nowStatusSaysRetryingAtTheBackoffTime() throws Exception {
        try (var receiver = new dev.tagline.testkit.platform.FakeWebhookReceiver("s3cret");
             var media = new dev.tagline.testkit.platform.FakeMediaHost()) {
            postAnswered429(receiver, media);
            assertEquals(ExitCode.OK, run("publish", "status", "1"), cli.err());
            assertTrue(cli.out().matches("(?s).*\\n  retrying at 2026-03-27 12:00:(1[5-9]|2\\d|30) \\+00:00 \\(try 2\\)\\n.*"),
                    "not before 15 s (the backoff's first wait, at least half of 30 s): " + cli.out());
            assertTrue(cli.out().contains("last error: HTTP 429 from " + receiver.baseUrl() + "/hook: slow down"),
                    cli.out());
        }
    }

    /**
     * Dogfood round 8 K5: a post on a webhook channel with idempotent=true whose create got a 500 said "unconfirmed …
     * Check the platform, then record what you found" in status and list, though Tagline sends it again by itself. It
     * now says when it is retried and why that is safe, asks nothing of the user, and is then sent again once.
     */
    @Test
    void anIdempotentWebhookPostAskedTheUserToCheck_nowStatusAndListSayRetryingAtATime() throws Exception {
        try (var receiver = new dev.tagline.testkit.platform.FakeWebhookReceiver("s3cret");
             var media = new dev.tagline.testkit.platform.FakeMediaHost()) {
            idempotentPostWhoseCreateGot500(receiver, media);
            assertEquals(ExitCode.OK, run("publish", "status", "1"), cli.err());
            assertTrue(cli.out().contains("  retrying at 2026-03-27 12:02:00 +00:00 (try 2): nothing to check, Tagline"
                    + " sends it again by itself (safe: the receiver dedupes by Idempotency-Key tagline-post-1)."),
                    cli.out());
            assertFalse(cli.out().contains("Check the platform"), cli.out());
            assertEquals(ExitCode.OK, run("publish", "status"), cli.err());
            assertTrue(cli.out().contains("post 1 retrying at 2026-03-27 12:02:00 +00:00 (try 2): create got no answer"
                    + " (HTTP 500 from " + receiver.baseUrl() + "/hook); will be sent again by itself (safe: the receiver"
                    + " dedupes by Idempotency-Key tagline-post-1)"), cli.out());
            assertFalse(cli.out().contains("resolve"), cli.out());
            run("publish", "list", "--from", "2026-03-27", "--to", "2026-03-28");
            assertTrue(cli.out().matches("(?s).*\\n1 +hook2 +retrying .*\\(at 2026-03-27 12:02:00 \\+00:00: create got"
                    + " no answer.*"), cli.out());
        }
    }

    /**
     * Dogfood round 9 L10: a post in 429 backoff was listed as "scheduled … (HTTP 429 …)" with no next try, which
     * 'status' gave. 'list' now says retrying and when, as it does for an idempotent webhook post, and the header of
     * 'status POST' says retrying too.
     */
    @Test
    void aPostIn429BackoffWasListedWithoutItsNextTry_nowListSaysRetryingAtTheTime() throws Exception {
        try (var receiver = new dev.tagline.testkit.platform.FakeWebhookReceiver("s3cret");
             var media = new dev.tagline.testkit.platform.FakeMediaHost()) {
            postAnswered429(receiver, media);
            assertEquals(ExitCode.OK, run("publish", "list", "--from", "2026-03-27", "--to", "2026-03-28"), cli.err());
            assertTrue(cli.out().matches("(?s).*\\n1 +hook +retrying .*\\(at 2026-03-27 12:00:(1[5-9]|2\\d|30) \\+00:00:"
                    + " HTTP 429 from .*"), cli.out());
            assertEquals(ExitCode.OK, run("publish", "status", "1"), cli.err());
            assertTrue(cli.out().startsWith("post 1 on hook (webhook): retrying, planned for 2026-03-27 12:00 +00:00 UTC\n"),
                    cli.out());
        }
    }

    /**
     * Dogfood round 9 L10: the idempotent webhook post's 'status POST' header said "unconfirmed for …" while the next
     * line said retrying, and its reason read "sent again by itself" before it had been. Both now say what is to come.
     */
    @Test
    void anIdempotentPostsHeaderSaidUnconfirmedAndItsReasonSentAgain_nowRetryingAndWillBeSentAgain() throws Exception {
        try (var receiver = new dev.tagline.testkit.platform.FakeWebhookReceiver("s3cret");
             var media = new dev.tagline.testkit.platform.FakeMediaHost()) {
            idempotentPostWhoseCreateGot500(receiver, media);
            assertEquals(ExitCode.OK, run("publish", "status", "1"), cli.err());
            assertTrue(cli.out().startsWith("post 1 on hook2 (webhook): retrying, planned for 2026-03-27 12:00 +00:00 UTC\n"),
                    cli.out());
            assertTrue(cli.out().contains("; will be sent again by itself (safe: the receiver dedupes by"
                    + " Idempotency-Key tagline-post-1)"), cli.out());
            assertFalse(cli.out().contains("unconfirmed") || cli.out().contains("; sent again"), cli.out());
        }
    }

    /**
     * Dogfood round 5 G4: a webhook answering a plain 500 left post 1 unconfirmed, and then queue pointed at move and
     * cancel, move and unschedule refused, and cancel said it was "already on the platform (processing)": no way out.
     * Every refusal now says the outcome is unknown and points at resolve, which records what the user found.
     */
    @Test
    void anUnconfirmedWebhookPostWasADeadEnd_nowResolveRecordsWhatTheUserFound() throws Exception {
        try (var receiver = new dev.tagline.testkit.platform.FakeWebhookReceiver("s3cret");
             var media = new dev.tagline.testkit.platform.FakeMediaHost()) {
            hook(receiver, media);
            Path a = clip("code-001", 0.4);
            run("publish", "queue", a.toString(), "--channels", "hook", "--at", "now");
            receiver.failNext("POST", "/hook", 500, null, "");
            run("publish", "run", "--once");
            assertEquals(ExitCode.SOME_FAILED, run("publish", "status", "1"));
            assertTrue(cli.out().contains("post 1 on hook (webhook): unconfirmed"), cli.out());
            assertTrue(cli.out().contains("  stage: create (the call was made; whether webhook has the post is not"
                    + " known), tries 1, last error: create outcome unknown (HTTP 500 from " + receiver.baseUrl()
                    + "/hook); the reconciler will ask the platform"), "no colon after an empty body: " + cli.out());
            assertTrue(cli.out().contains("  Check the platform, then record what you found: 'tagline publish resolve 1"
                    + " --posted [URL]' if it is there, or 'tagline publish resolve 1 --not-posted' to send it again."),
                    cli.out());

            String unknown = "error: Post 1 is unconfirmed: the answer to its create call was lost, so whether the"
                    + " platform has it is not known, and it cannot be ";
            String hint = ". Check the platform, then record what you found: 'tagline publish resolve 1 --posted [URL]'"
                    + " if it is there, or 'tagline publish resolve 1 --not-posted' to send it again.";
            assertEquals(ExitCode.USAGE, run("publish", "move", "1", "now"));
            assertEquals(unknown + "moved" + hint, cli.err().strip());
            assertEquals(ExitCode.USAGE, run("publish", "cancel", "1"));
            assertEquals(unknown + "cancelled" + hint, cli.err().strip());
            assertEquals(ExitCode.USAGE, run("publish", "unschedule", "1"));
            assertEquals(unknown + "unscheduled" + hint, cli.err().strip());
            assertEquals(ExitCode.SOME_FAILED, run("publish", "queue", a.toString(), "--channels", "hook"));
            assertTrue(cli.err().contains("is already on channel 'hook' as post 1 (unconfirmed). Whether the platform"
                    + " has it is not known. Check the platform, then record what you found: 'tagline publish resolve"
                    + " 1 --posted [URL]'"), cli.err());
            assertEquals(ExitCode.USAGE, run("publish", "resolve", "1"));
            assertTrue(cli.err().contains("--posted or --not-posted"), cli.err());

            assertEquals(ExitCode.OK, run("publish", "resolve", "1", "--not-posted"), cli.err());
            assertEquals("post 1: not on webhook, so it is sent again: scheduled for 2026-03-27 12:00 +00:00 UTC (now:"
                    + " a running 'tagline publish run' sends it)", cli.out().strip());
            assertEquals(ExitCode.OK, run("publish", "run", "--once"), cli.err());
            assertTrue(cli.out().contains("run: published 1"), cli.out());
            assertEquals(1, receiver.deliveries().size());
            assertEquals(ExitCode.OK, run("publish", "status", "1"), cli.err());
            assertTrue(cli.out().contains("resolve  -") && cli.out().contains("the user checked the platform: the post"
                    + " is not there; it is sent again"), "the answer is in the audit: " + cli.out());
            assertEquals(ExitCode.USAGE, run("publish", "resolve", "1", "--posted"));
            assertTrue(cli.err().contains("Post 1 is published, not unconfirmed"), cli.err());

            // the user finds the second one on the platform
            run("publish", "queue", clip("code-002", 0.5).toString(), "--channels", "hook", "--at", "now");
            receiver.failNext("POST", "/hook", 502, null, "");
            run("publish", "run", "--once");
            assertEquals(ExitCode.OK, run("publish", "resolve", "2", "--posted", "https://hooks.example/p/2"),
                    cli.err());
            assertEquals("post 2: published (you found it on webhook) https://hooks.example/p/2; a clip goes to a"
                    + " channel once, so it is not sent again", cli.out().strip());
            assertEquals(ExitCode.OK, run("publish", "list"), cli.err());
            assertTrue(cli.out().matches("(?s).*\\n2\\s+hook\\s+published\\s.*https://hooks.example/p/2.*"),
                    cli.out());
        }
    }

    /**
     * Dogfood round 5 G4: a 429 with an empty body read "HTTP 429 from URL: ", and {@code status N} said "step upload"
     * beside an audit line for the create call. The post is before its create call, which the platform refused.
     */
    @Test
    void aRefusedCreateShowedStepUploadBesideTheCreateLine_nowStatusSaysBeforeCreate() throws Exception {
        try (var receiver = new dev.tagline.testkit.platform.FakeWebhookReceiver("s3cret");
             var media = new dev.tagline.testkit.platform.FakeMediaHost()) {
            hook(receiver, media);
            run("publish", "queue", clip("code-003", 0.4).toString(), "--channels", "hook", "--at", "now");
            receiver.failNext("POST", "/hook", 429, java.time.Duration.ofSeconds(3), "");
            run("publish", "run", "--once");
            run("publish", "status", "1");
            assertTrue(cli.out().contains("  stage: before create (nothing created on webhook yet), tries 1, last error:"
                    + " HTTP 429 from " + receiver.baseUrl() + "/hook\n"), cli.out());
            assertTrue(cli.out().matches("(?s).* create   POST " + java.util.regex.Pattern.quote(receiver.baseUrl())
                    + "/hook\\s+429\\s+error.*"), cli.out());
        }
    }

    @Test
    void aBrokenClipInAFolderDoesNotStopTheOthersFromBeingQueued() throws Exception {
        run("publish", "channels", "add", "fold", "--platform", "folder", "--zone", "UTC", "--option", "path="
                + dir.resolve("out"));
        clip("x1", 0.4);
        Files.write(clip("x2", 0.5).resolve("clip.mp4"), new byte[0]);
        clip("x3", 0.6);
        assertEquals(ExitCode.SOME_FAILED, run("publish", "queue", dir.toString(), "--channels", "fold"));
        assertTrue(cli.out().contains("post 1: x1 → fold") && cli.out().contains("post 2: x3 → fold"), cli.out());
        assertTrue(cli.err().contains("x2") && cli.err().contains("0 bytes"), cli.err());
        assertTrue(cli.err().strip().endsWith("queued 2 posts; the clips named above were not queued"), cli.err());
    }

    @Test
    void aRuleWithoutPerDayThatTheSpacingCannotMeetBlamesNoFlagNobodyGave() {
        run("publish", "channels", "add", "fold", "--platform", "folder", "--option", "path=/tmp/x");
        assertEquals(ExitCode.USAGE, run("publish", "rules", "set", "fold", "--times", "10:00,10:30", "--min-spacing",
                "2h"));
        assertTrue(cli.err().contains("without --per-day it posts at each of the times 10:00,10:30, but with"
                + " --min-spacing 2h only 1 of them fit on one day. Give --per-day 1"), cli.err());
        assertFalse(cli.err().contains("--per-day 2"), cli.err());
    }

    @Test
    void anUnsatisfiableRuleSaysWhyAndExitsTwo() {
        run("publish", "channels", "add", "fold", "--platform", "folder", "--option", "path=/tmp/x");
        assertEquals(ExitCode.USAGE, run("publish", "rules", "set", "fold", "--times", "09:00,10:00", "--per-day", "3"));
        assertTrue(cli.err().contains("asks for 3 posts a day but gives only 2 time(s)"), cli.err());
    }

    @Test
    void unknownPlatformMissingOptionAndUnknownChannelAreNamed() {
        assertEquals(ExitCode.USAGE, run("publish", "channels", "add", "a", "--platform", "myspace"));
        assertTrue(cli.err().contains("Unknown platform 'myspace'") && cli.err().contains("folder"), cli.err());
        assertEquals(ExitCode.USAGE, run("publish", "channels", "add", "a", "--platform", "folder"));
        assertTrue(cli.err().contains("needs --option path="), cli.err());
        assertEquals(ExitCode.USAGE, run("publish", "cancel", "7"));
        assertTrue(cli.err().contains("No post with id 7"), cli.err());
    }

    @Test
    void dbUrlComesFromTheEnvironment() {
        Path file = dir.resolve("team.db");
        cli = new CliTestSupport(dir, Map.of("TAGLINE_HOME", dir.resolve("home").toString(),
                "TAGLINE_DB_URL", "jdbc:sqlite:" + file), CLOCK);
        assertEquals(ExitCode.OK, run("publish", "channels", "list"), cli.err());
        assertTrue(Files.exists(file));
        assertEquals(ExitCode.USAGE, run("publish", "channels", "list", "--db", "jdbc:mysql://x"));
        assertTrue(cli.err().contains("Unsupported publish database URL"), cli.err());
    }

    @Test
    void anInstagramTokenIsStoredWithItsExpirySoItCanBeRenewedAhead() {
        cli = new CliTestSupport(dir, Map.of("TAGLINE_HOME", dir.resolve("home").toString(), "IG_TOKEN", "IGQV-1"),
                CLOCK);
        assertEquals(ExitCode.OK, run("publish", "channels", "add", "ig", "--platform", "instagram", "--account", "1784",
                "--option", "media-base-url=https://cdn.example.com", "--secret-env", "IG_TOKEN"), cli.err());
        assertEquals(ExitCode.OK, run("publish", "channels", "add", "ig2", "--platform", "instagram", "--account", "1785",
                "--option", "media-base-url=https://cdn.example.com", "--secret-env", "IG_TOKEN", "--token-expires",
                "2026-04-10"), cli.err());
        assertEquals(ExitCode.USAGE, run("publish", "channels", "add", "ig3", "--platform", "instagram", "--option",
                "media-base-url=https://cdn.example.com", "--secret-env", "IG_TOKEN", "--token-expires", "soon"));
        // Instagram's servers fetch the video: a local or private media-base-url is refused, a webhook's is not
        assertEquals(ExitCode.USAGE, run("publish", "channels", "add", "ig4", "--platform", "instagram", "--account",
                "1786", "--option", "media-base-url=http://192.168.1.20:8080", "--secret-env", "IG_TOKEN"));
        assertEquals("error: --option media-base-url=http://192.168.1.20:8080 is a private address (192.168.1.20),"
                + " which Instagram's servers can never fetch videos from. Give a public address that leads to 'tagline"
                + " serve' (a reverse proxy or tunnel in front of it), e.g. --option"
                + " media-base-url=https://clips.example.com; only webhook channels may use a local or private address.",
                cli.err().strip());
        assertEquals(ExitCode.OK, run("publish", "channels", "add", "hook", "--platform", "webhook", "--option",
                "url=http://127.0.0.1:9/hook", "--option", "media-base-url=http://127.0.0.1:8080", "--secret-env",
                "IG_TOKEN"), cli.err());
        dev.tagline.core.config.TaglineHome home = new dev.tagline.core.config.TaglineHome(dir.resolve("home"));
        try (dev.tagline.publish.Publishing p = dev.tagline.publish.Publishing.open(
                dev.tagline.publish.store.Database.defaultUrl(home), home, CLOCK)) {
            var vault = p.credentials(Map.of());
            assertEquals(CLOCK.instant().plus(java.time.Duration.ofDays(60)),
                    vault.get(p.channels().byName("ig")).orElseThrow().accessExpiresAt());
            assertEquals(Instant.parse("2026-04-10T00:00:00Z"),
                    vault.get(p.channels().byName("ig2")).orElseThrow().accessExpiresAt());
        }
    }
}
