package dev.tagline.video.signal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ThreadedAnalyserTest {
    @Test
    void callsArriveInOrderOnOneOtherThreadAndFinishWaitsForThem() {
        List<String> calls = new ArrayList<>(); // not synchronized: the analyser sees one thread
        Set<String> threads = new HashSet<>();
        SignalAnalyser slow = new SignalAnalyser() {
            @Override
            public void onAudio(AudioBlock block) {
                record("a" + block.start().toMillis());
            }

            @Override
            public void onFrame(VideoFrame frame) {
                record("f" + frame.index());
            }

            @Override
            public void finish(Duration end) {
                record("end");
            }

            private void record(String call) {
                try {
                    Thread.sleep(1);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                threads.add(Thread.currentThread().getName());
                calls.add(call);
            }
        };
        ThreadedAnalyser threaded = new ThreadedAnalyser(slow, "test");
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            threaded.onFrame(Synth.solid(i, 25, 1, 2, 3));
            expected.add("f" + i);
            threaded.onAudio(new AudioBlock(Duration.ofMillis(i), new float[1600], 16_000));
            expected.add("a" + i);
        }
        threaded.finish(Duration.ofSeconds(8));
        expected.add("end");
        assertEquals(expected, calls, "every call, in the pass's order, done when finish returns");
        assertEquals(1, threads.size());
        assertNotEquals(Thread.currentThread().getName(), threads.iterator().next());
    }

    @Test
    void theAnalysersFailureReachesThePass() {
        IllegalArgumentException broken = new IllegalArgumentException("bad block");
        List<Long> seen = new ArrayList<>();
        ThreadedAnalyser threaded = new ThreadedAnalyser(new SignalAnalyser() {
            @Override
            public void onFrame(VideoFrame frame) {
                seen.add(frame.index());
                if (frame.index() == 3) {
                    throw broken;
                }
            }
        }, "test");
        RuntimeException thrown = assertThrows(RuntimeException.class, () -> {
            for (int i = 0; i < 10_000; i++) {
                threaded.onFrame(Synth.solid(i, 25, 1, 2, 3));
            }
            threaded.finish(Duration.ofSeconds(400));
        });
        assertSame(broken, thrown);
        assertEquals(List.of(0L, 1L, 2L, 3L), seen, "nothing after the failure reaches the analyser");
    }
}
