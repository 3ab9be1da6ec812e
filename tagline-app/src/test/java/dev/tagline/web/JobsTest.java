package dev.tagline.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class JobsTest {
    @Test
    void aUsersErrorIsLoggedAsItsOneLineAndABugWithItsTrace() throws Exception {
        java.io.PrintStream stderr = System.err;
        java.io.ByteArrayOutputStream log = new java.io.ByteArrayOutputStream();
        try (Jobs jobs = new Jobs(Clock.systemUTC())) {
            System.setErr(new java.io.PrintStream(log, true, java.nio.charset.StandardCharsets.UTF_8));
            Jobs.Job user = jobs.start("find", j -> {
                throw new dev.tagline.core.TaglineException("talk.mp4 is not a video", "Give a video file.");
            });
            Jobs.Job bug = jobs.start("bug", j -> {
                throw new IllegalStateException("boom");
            });
            awaitEnd(user, bug);
        } finally {
            System.setErr(stderr);
        }
        String text = log.toString(java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(text.contains("(find) failed: talk.mp4 is not a video. Give a video file."), text);
        assertFalse(text.contains("TaglineException: talk.mp4"), "no stack trace for a user's error: " + text);
        assertTrue(text.contains("java.lang.IllegalStateException: boom"), text);
    }

    /** A caption job waiting for a server loading its model showed nothing but 0/N (the line went to the log). */
    @Test
    void aNoteIsTheRunningJobsMessageUntilTheCountMovesOn() throws Exception {
        try (Jobs jobs = new Jobs(Clock.systemUTC())) {
            CountDownLatch noted = new CountDownLatch(1);
            CountDownLatch stepped = new CountDownLatch(1);
            CountDownLatch ready = new CountDownLatch(1);
            CountDownLatch finish = new CountDownLatch(1);
            Jobs.Job job = jobs.start("caption", j -> {
                j.total(2);
                j.note("waiting for http://127.0.0.1:8080/v1: Loading model (up to 120 s)");
                noted.countDown();
                ready.await(5, TimeUnit.SECONDS);
                j.progress().start("Captioning", 2, dev.tagline.core.progress.Progress.Unit.ITEMS).advance(1);
                stepped.countDown();
                finish.await(5, TimeUnit.SECONDS);
                return "2 images captioned";
            });
            assertTrue(noted.await(5, TimeUnit.SECONDS));
            assertEquals("waiting for http://127.0.0.1:8080/v1: Loading model (up to 120 s)",
                    job.view().get("message"));
            ready.countDown();
            assertTrue(stepped.await(5, TimeUnit.SECONDS));
            assertEquals("", job.view().get("message"), "the server answered: the line is stale");
            finish.countDown();
            awaitEnd(job);
            assertEquals("2 images captioned", job.view().get("message"));
        }
    }

    @Test
    void aCancelledJobStopsAtTheNextItemAndSaysHowFarItGot() throws Exception {
        try (Jobs jobs = new Jobs(Clock.systemUTC())) {
            CountDownLatch started = new CountDownLatch(1);
            Jobs.Job job = jobs.start("slow", j -> {
                j.total(1000);
                for (int i = 0; i < 1000 && !j.cancelled(); i++) {
                    started.countDown();
                    Thread.sleep(5);
                    j.step();
                }
                return "all done";
            });
            assertTrue(started.await(5, TimeUnit.SECONDS));
            assertTrue(jobs.cancel(job.id));
            assertTrue(job.stop().requested(), "the batch engine's stop signal is raised too");
            awaitEnd(job);
            assertEquals(Jobs.State.CANCELLED, job.state());
            int done = (Integer) job.view().get("done");
            assertTrue(done < 1000, "stopped early: " + done);
            assertTrue(job.view().get("message").toString().startsWith("Cancelled after "));
            assertFalse(jobs.cancel(job.id), "a finished job cannot be cancelled again");
        }
    }

    @Test
    void mediaTimeIsShownAsAClockInTheCountAndWhenCancelled() throws Exception {
        try (Jobs jobs = new Jobs(Clock.systemUTC())) {
            CountDownLatch reported = new CountDownLatch(1);
            Jobs.Job job = jobs.start("find", j -> {
                j.onCancel(Thread.currentThread()::interrupt);
                dev.tagline.core.progress.Progress p = j.progress().start("Analysing talk.mp4", 3725,
                        dev.tagline.core.progress.Progress.Unit.SECONDS);
                p.advance(1300);
                reported.countDown();
                Thread.sleep(60_000);
                return "never";
            });
            assertTrue(reported.await(5, TimeUnit.SECONDS));
            assertEquals("21:40/1:02:05", job.view().get("count"));
            assertEquals("Analysing talk.mp4", job.view().get("task"), "what the count is of");
            assertTrue(jobs.cancel(job.id));
            awaitEnd(job);
            assertEquals("Cancelled after 21:40 of 1:02:05", job.view().get("message"));
        }
    }

    /** A find job analyses the video, then reads the clips' text: the count follows the task it is of. */
    @Test
    void theCountIsOfTheTaskRunningNow() throws Exception {
        try (Jobs jobs = new Jobs(Clock.systemUTC())) {
            CountDownLatch reported = new CountDownLatch(1);
            CountDownLatch seen = new CountDownLatch(1);
            Jobs.Job job = jobs.start("find", j -> {
                try (dev.tagline.core.progress.Progress p = j.progress().start("Analysing talk.mp4", 3725,
                        dev.tagline.core.progress.Progress.Unit.SECONDS)) {
                    p.advance(3725);
                }
                dev.tagline.core.progress.Progress p = j.progress().start("Reading on-screen text of the clips", 7,
                        dev.tagline.core.progress.Progress.Unit.COUNT);
                p.advance(3);
                reported.countDown();
                seen.await(5, TimeUnit.SECONDS);
                return "done";
            });
            assertTrue(reported.await(5, TimeUnit.SECONDS));
            assertEquals("Reading on-screen text of the clips", job.view().get("task"));
            assertEquals("3/7", job.view().get("count"));
            seen.countDown();
        }
    }

    /** A render's count is seconds of the clip being encoded: its cancel message says what was kept instead. */
    @Test
    void workCanSayWhatACancelKept() throws Exception {
        try (Jobs jobs = new Jobs(Clock.systemUTC())) {
            CountDownLatch started = new CountDownLatch(1);
            Jobs.Job job = jobs.start("render", j -> {
                j.onCancel(Thread.currentThread()::interrupt);
                j.describeCancel(() -> "Cancelled while rendering talk-001 (clip 1 of 1). 0 of 1 clip rendered");
                started.countDown();
                Thread.sleep(60_000);
                return "never";
            });
            assertTrue(started.await(5, TimeUnit.SECONDS));
            assertTrue(jobs.cancel(job.id));
            awaitEnd(job);
            assertEquals(Jobs.State.CANCELLED, job.state());
            assertEquals("Cancelled while rendering talk-001 (clip 1 of 1). 0 of 1 clip rendered",
                    job.view().get("message"));
        }
    }

    @Test
    void aFailingJobKeepsItsMessage() throws Exception {
        try (Jobs jobs = new Jobs(Clock.systemUTC())) {
            Jobs.Job job = jobs.start("bad", j -> {
                throw new IllegalStateException("disk full writing thumbs/x.jpg");
            });
            awaitEnd(job);
            assertEquals(Jobs.State.FAILED, job.state());
            assertEquals("disk full writing thumbs/x.jpg", job.view().get("message"));
        }
    }

    @Test
    void workWithoutStopPointsIsInterruptedByACancelAndEndsCancelledNotFailed() throws Exception {
        try (Jobs jobs = new Jobs(Clock.systemUTC())) {
            CountDownLatch started = new CountDownLatch(1);
            Jobs.Job job = jobs.start("blocking", j -> {
                Thread worker = Thread.currentThread();
                j.onCancel(worker::interrupt);
                j.total(1);
                started.countDown();
                Thread.sleep(60_000);
                return "never";
            });
            assertTrue(started.await(5, TimeUnit.SECONDS));
            assertTrue(jobs.cancel(job.id));
            awaitEnd(job);
            assertEquals(Jobs.State.CANCELLED, job.state());
            assertEquals("Cancelled after 0 of 1", job.view().get("message"));
            Jobs.Job next = jobs.start("next", j -> {
                Thread.sleep(20);
                return "not interrupted";
            });
            awaitEnd(next);
            assertEquals("not interrupted", next.view().get("message"));
        }
    }

    /** Waits up to 5 s for every job to leave RUNNING. */
    private static void awaitEnd(Jobs.Job... jobs) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        for (Jobs.Job job : jobs) {
            while (job.state() == Jobs.State.RUNNING && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
        }
    }
}
