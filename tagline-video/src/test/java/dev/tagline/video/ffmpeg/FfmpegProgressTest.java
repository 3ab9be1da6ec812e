package dev.tagline.video.ffmpeg;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tagline.core.progress.Progress;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Dogfood: {@code clips render} printed nothing for 20-45 s per clip; the encode now reports its position. */
class FfmpegProgressTest {
    /** Two blocks as FFmpeg 6 writes them with {@code -progress pipe:1}, the first before any frame is out. */
    static final String RECORDED = """
            frame=0
            fps=0.00
            bitrate=N/A
            total_size=44
            out_time_us=N/A
            out_time_ms=N/A
            out_time=N/A
            speed=N/A
            progress=continue
            frame=75
            fps=37.41
            bitrate= 211.0kbits/s
            total_size=65583
            out_time_us=2486667
            out_time_ms=2486667
            out_time=00:00:02.486667
            speed=1.24x
            progress=continue
            frame=136
            out_time_us=4533333
            out_time_ms=4533333
            out_time=00:00:04.533333
            progress=end
            """;

    @Test
    void theOutputTimeOfEachBlockMovesTheProgressInWholeSeconds() throws Exception {
        List<Long> positions = new ArrayList<>();
        Progress p = new Progress() {
            @Override
            public void advance(long units) {
                throw new AssertionError("ffmpeg reports positions, not steps");
            }

            @Override
            public void jumpTo(long done) {
                positions.add(done);
            }

            @Override
            public void close() {
            }
        };
        FfmpegProgress.reportingTo(p).consume(new ByteArrayInputStream(RECORDED.getBytes(StandardCharsets.UTF_8)));
        assertEquals(List.of(2L, 2L, 4L, 4L), positions);
    }

    @Test
    void onlyOutputTimesAreRead() {
        assertEquals(2486667, FfmpegProgress.outTimeMicros("out_time_us=2486667"));
        assertEquals(-1, FfmpegProgress.outTimeMicros("out_time_us=N/A"));
        assertEquals(-1, FfmpegProgress.outTimeMicros("total_size=65583"));
        assertEquals(-1, FfmpegProgress.outTimeMicros("progress=end"));
    }

    @Test
    void theProgressOptionsGoRightAfterTheProgram() {
        assertEquals(List.of("ffmpeg", "-progress", "pipe:1", "-nostats", "-y", "-i", "a.mp4", "b.mp4"),
                FfmpegProgress.withProgress(List.of("ffmpeg", "-y", "-i", "a.mp4", "b.mp4")));
    }
}
