package dev.tagline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tagline.core.progress.Progress;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProgressLineTest {
    /** A clock the test moves by hand. */
    static final class ManualClock extends Clock {
        Instant now = Instant.parse("2026-01-01T00:00:00Z");

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void statusLineHasCountPercentRateSecondsPerImageEtaAndFailures() {
        assertEquals("check: 1200/5000 (24.0%), 40.0 img/s, 0.025 s/img, ETA 1 min 35 s, 3 failed",
                ProgressLine.status("check", 1200, 5000, 3, Duration.ofSeconds(30), Progress.Unit.ITEMS));
        assertEquals("check: 0/10 (0.0%)", ProgressLine.status("check", 0, 10, 0, Duration.ZERO, Progress.Unit.ITEMS));
    }

    @Test
    void finalLineHasTotalsAndElapsedTime() {
        assertEquals("check: 5000 done in 2 min 05 s (40.0 img/s), 3 failed",
                ProgressLine.finished("check", 5000, 3, Duration.ofSeconds(125), Progress.Unit.ITEMS));
        assertEquals("check: 7 done in 0.5 s (14.0 img/s), none failed",
                ProgressLine.finished("check", 7, 0, Duration.ofMillis(500), Progress.Unit.ITEMS));
    }

    @Test
    void thingsOtherThanImagesAreCountedWithoutImageWords() {
        assertEquals("Reading on-screen text of the clips: 3/12 (25.0%), 5.0/s, ETA 2.0 s",
                ProgressLine.status("Reading on-screen text of the clips", 3, 12, 0, Duration.ofMillis(600),
                        Progress.Unit.COUNT));
        assertEquals("Reading on-screen text of the clips: 4 done in 0.8 s (5.0/s)",
                ProgressLine.finished("Reading on-screen text of the clips", 4, 0, Duration.ofMillis(800),
                        Progress.Unit.COUNT));
    }

    @Test
    void mediaTimeIsCountedAsAClockAndItsRateAsTimesRealTime() {
        assertEquals("Analysing talk.mp4: 10:00/1:02:05 (16.1%), 20.0x real time, ETA 2 min 36 s",
                ProgressLine.status("Analysing talk.mp4", 600, 3725, 0, Duration.ofSeconds(30), Progress.Unit.SECONDS));
        assertEquals("Analysing talk.mp4: 0:42 of media done in 1.2 s (35.0x real time)",
                ProgressLine.finished("Analysing talk.mp4", 42, 0, Duration.ofMillis(1200), Progress.Unit.SECONDS));
        assertEquals("model.onnx: 2.0 MiB done in 0.5 s (4.0 MiB/s)",
                ProgressLine.finished("model.onnx", 2 << 20, 0, Duration.ofMillis(500), Progress.Unit.BYTES),
                "failures are counted for items, not bytes");
    }

    @Test
    void aWaitThatCountsNothingEndsWithItsNameAlone() {
        String wait = "model.onnx: ConnectException; try 2 of 5 in 1 s";
        StringWriter lines = new StringWriter();
        new LogLineProgress(new PrintWriter(lines, true), new ManualClock(), Duration.ofSeconds(10))
                .start(wait, -1, Progress.Unit.ITEMS).close();
        assertEquals(wait, lines.toString().strip());
        StringWriter bar = new StringWriter();
        new TerminalProgress(new PrintWriter(bar, true), new ManualClock()).start(wait, -1, Progress.Unit.ITEMS)
                .close();
        assertTrue(bar.toString().strip().endsWith(wait) && !bar.toString().contains("done in"), bar.toString());
        assertEquals("check: 3 done in 0.0 s, none failed",
                ProgressLine.closing("check", -1, 3, 0, Duration.ZERO, Progress.Unit.ITEMS), "a count is still shown");
    }

    @Test
    void withoutATerminalProgressIsAPeriodicLogLine() {
        ManualClock clock = new ManualClock();
        StringWriter text = new StringWriter();
        Progress p = new LogLineProgress(new PrintWriter(text, true), clock, Duration.ofSeconds(10))
                .start("check", 100, Progress.Unit.ITEMS);
        p.advance(5);
        assertEquals("", text.toString(), "nothing before the interval");
        clock.now = clock.now.plusSeconds(10);
        p.failed(1);
        p.advance(5);
        assertEquals("check: 10/100 (10.0%), 1.0 img/s, 1.000 s/img, ETA 1 min 30 s, 1 failed",
                text.toString().strip());
        clock.now = clock.now.plusSeconds(2);
        p.advance(1);
        assertEquals(1, text.toString().strip().lines().count(), "one line per interval, not per item");
        p.close();
        assertTrue(text.toString().strip().endsWith("check: 11 done in 12.0 s (0.9 img/s), 1 failed"), text.toString());
    }

    /**
     * Dogfood round 9, L11: a render stopped by SIGTERM still printed "Rendering code-002: 0:09 of media done in
     * 6.5 s (1.4x real time)", which reads as finished. A task that stopped leaves no such line.
     */
    @Test
    void aStoppedRenderStillPrintedItsDoneLine_nowOnlyAFinishedOneDoes() {
        ManualClock clock = new ManualClock();
        StringWriter text = new StringWriter();
        Progress p = new LogLineProgress(new PrintWriter(text, true), clock, Duration.ofSeconds(10))
                .start("Rendering code-002", 38, Progress.Unit.SECONDS);
        p.advance(9);
        clock.now = clock.now.plusSeconds(6);
        p.stopped();
        p.close();
        assertFalse(text.toString().contains("done"), text.toString());
        StringWriter bar = new StringWriter();
        Progress terminal = new TerminalProgress(new PrintWriter(bar, true), clock).start("Rendering code-002", 38,
                Progress.Unit.SECONDS);
        terminal.advance(9);
        terminal.stopped();
        terminal.close();
        assertFalse(bar.toString().contains("of media done"), bar.toString());
        StringWriter finished = new StringWriter();
        Progress whole = new LogLineProgress(new PrintWriter(finished, true), clock, Duration.ofSeconds(10))
                .start("Rendering code-001", 9, Progress.Unit.SECONDS);
        whole.advance(9);
        whole.close();
        assertTrue(finished.toString().contains("Rendering code-001: 0:09 of media done"), finished.toString());
    }

    /** re-check item 17: files passed over and failed images counted as done, and in the img/s rate. */
    @Test
    void itemsPassedOverOrFailedAreNotDoneNorInTheRate() {
        ManualClock clock = new ManualClock();
        StringWriter text = new StringWriter();
        Progress p = new LogLineProgress(new PrintWriter(text, true), clock, Duration.ofSeconds(10))
                .start("tag", 10, Progress.Unit.ITEMS);
        p.done(0, 4); // notes.md and the like
        p.advance(4);
        clock.now = clock.now.plusSeconds(10);
        p.done(2, 4);
        p.failed(1);
        p.advance(3);
        assertEquals("tag: 7/10 (70.0%), 0.2 img/s, 5.000 s/img, ETA 4.0 s, 1 failed", text.toString().strip(),
                "the count and ETA by position, the rate by images done");
        p.close();
        assertTrue(text.toString().strip().endsWith("tag: 2 done in 10.0 s (0.2 img/s), 4 passed over, 1 failed"),
                text.toString());
        StringWriter bar = new StringWriter();
        Progress terminal = new TerminalProgress(new PrintWriter(bar, true), clock).start("tag", 3, Progress.Unit.ITEMS);
        terminal.done(0, 1);
        terminal.advance(1);
        terminal.failed(1);
        terminal.advance(1);
        terminal.done(1, 1);
        terminal.advance(1);
        terminal.close();
        assertTrue(bar.toString().contains("tag: 1 done in 0.0 s, 1 passed over, 1 failed"), bar.toString());
    }

    @Test
    void theContextPicksBarsOnATerminalAndLinesElsewhere() {
        CliContext pipe = new CliContext(Path.of("."), Map.of(), new PrintWriter(new StringWriter()),
                new PrintWriter(new StringWriter()), Clock.systemUTC(), false);
        assertTrue(TerminalProgress.forContext(pipe) instanceof LogLineProgress);
        CliContext tty = new CliContext(Path.of("."), Map.of(), new PrintWriter(new StringWriter()),
                new PrintWriter(new StringWriter()), Clock.systemUTC(), true);
        assertTrue(TerminalProgress.forContext(tty) instanceof TerminalProgress);
    }

    /** dogfood item 22: the bar showed "?/s0.173 s/img". */
    @Test
    void theTerminalBarsExtraTextIsSpacedAndShowsARateOnlyOnceKnown() {
        assertEquals("", ProgressLine.barExtra(0, Duration.ZERO, 0));
        assertEquals(" 2 failed", ProgressLine.barExtra(0, Duration.ofSeconds(1), 2));
        assertEquals(" 5.8 img/s, 0.173 s/img", ProgressLine.barExtra(10, Duration.ofMillis(1730), 0));
        assertEquals(" 5.8 img/s, 0.173 s/img, 1 failed", ProgressLine.barExtra(10, Duration.ofMillis(1730), 1));
    }

    @Test
    void terminalBarEndsWithTheTotalsLine() {
        StringWriter text = new StringWriter();
        ManualClock clock = new ManualClock();
        Progress p = new TerminalProgress(new PrintWriter(text, true), clock).start("check", 4, Progress.Unit.ITEMS);
        p.advance(4);
        p.failed(2);
        clock.now = clock.now.plusSeconds(2);
        p.close();
        assertTrue(text.toString().contains("check: 4 done in 2.0 s (2.0 img/s), 2 failed"), text.toString());
    }

    /** Recheck item 16: ".2 s/s" and a first ETA of 0:03:15 for a 40 s clip (the loudness pass counted as elapsed). */
    @Test
    void aMediaBarTimesItsRateAndEtaFromItsFirstPosition() {
        assertEquals("", ProgressLine.barRate(0, 0, Duration.ofSeconds(3), 40, Progress.Unit.SECONDS),
                "nothing until the count moves");
        assertEquals(" 0.2x real time, ETA 2 min 40 s",
                ProgressLine.barRate(2, 8, Duration.ofSeconds(30), 40, Progress.Unit.SECONDS));
        assertEquals(" 2.0x real time", ProgressLine.barRate(0, 40, Duration.ofSeconds(20), 40,
                Progress.Unit.SECONDS));
        assertEquals(" 1.0 MiB/s, ETA 3.0 s", ProgressLine.barRate(0, 1 << 20, Duration.ofSeconds(1), 4 << 20,
                Progress.Unit.BYTES));

        StringWriter text = new StringWriter();
        ManualClock clock = new ManualClock();
        Progress p = new TerminalProgress(new PrintWriter(text, true), clock).start("Rendering sc-001", 40,
                Progress.Unit.SECONDS);
        clock.now = clock.now.plusSeconds(60); // the loudness pass and the reframe analysis: nothing encoded yet
        p.jumpTo(1);
        clock.now = clock.now.plusSeconds(5);
        p.jumpTo(6);
        p.close();
        String out = text.toString();
        assertTrue(out.contains("1.0x real time, ETA 34.0 s"), out);
        assertFalse(out.contains("s/s"), out);
        assertFalse(out.contains("3 min") && out.contains("ETA"), out);
    }

    /** Recheck item 16: a model's log line was glued to the bar ("? s/sface_detection_back….onnx on CPU"). */
    @Test
    void aLinePrintedWhileABarIsDrawnReplacesTheBarsRow() {
        StringWriter text = new StringWriter();
        PrintWriter err = new PrintWriter(text, true);
        err.print("\rRendering sc-001   0% [      ] 0/40 s");
        PrintWriter lines = TerminalProgress.clearing(err);
        lines.println("face.onnx on CPU, 2 intra-op threads, loaded in 40 ms");
        lines.println("second");
        assertEquals("\rRendering sc-001   0% [      ] 0/40 s\r\u001b[Kface.onnx on CPU, 2 intra-op threads, loaded in"
                + " 40 ms\n\r\u001b[Ksecond\n", text.toString());
        CliContext pipe = new CliContext(Path.of("."), Map.of(), new PrintWriter(new StringWriter()),
                err, Clock.systemUTC(), false);
        assertSame(err, TerminalProgress.lines(pipe), "no control characters in a log file");
    }

    /** Dogfood round 3: the bar was 36, 9, 10 and 21 columns wide as the text beside it changed. */
    @Test
    void theBarsExtraTextKeepsOneWidthSoTheBarDoesNotJump() {
        String first = TerminalProgress.padded("");
        String later = TerminalProgress.padded(ProgressLine.barRate(0, 12, java.time.Duration.ofSeconds(8), 40,
                dev.tagline.core.progress.Progress.Unit.SECONDS));
        String items = TerminalProgress.padded(ProgressLine.barExtra(120, java.time.Duration.ofSeconds(10), 3));
        assertEquals(TerminalProgress.EXTRA_WIDTH, first.length());
        assertEquals(first.length(), later.length(), later);
        assertEquals(first.length(), items.length(), items);
    }

    /** dogfood round 7, J16: the line of a resumed batch counts the items that failed in an earlier run. */
    @Test
    void aResumedBatchSaidNoneFailed_nowTheLineCountsEarlierFailures() {
        String none = ProgressLine.finished("check", 0, 0, Duration.ZERO, Progress.Unit.ITEMS);
        assertEquals("check: 0 done in 0.0 s, none failed this run, 1 failed in an earlier run",
                ProgressLine.withEarlier(none, 1));
        assertEquals("check: 3 done in 0.0 s, 1 failed, 2 failed in an earlier run", ProgressLine.withEarlier(
                ProgressLine.finished("check", 3, 1, Duration.ZERO, Progress.Unit.ITEMS), 2));
        assertEquals(none, ProgressLine.withEarlier(none, 0));
    }
}
