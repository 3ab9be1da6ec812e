package dev.tagline.inference.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** One thread's nice value, checked against the kernel's own record in {@code /proc}, not through the class itself. */
class ThreadPriorityTest {
    /** Field 19 of {@code /proc/self/task/TID/stat}, the thread's nice value (man 5 proc). */
    private static int kernelNice(String tid) throws Exception {
        String stat = Files.readString(Path.of("/proc/self/task/" + tid + "/stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Integer.parseInt(fields[19 - 3]); // fields after "(comm)" start at field 3
    }

    private static String tid() throws Exception {
        return Files.readSymbolicLink(Path.of("/proc/thread-self")).getFileName().toString();
    }

    @Test
    void lowersTheCallingThreadOnlyAndNeverRaisesIt() throws Exception {
        assumeTrue(System.getProperty("os.name").startsWith("Linux") && Files.exists(Path.of("/proc/thread-self")),
                "needs Linux /proc: thread priorities are left alone elsewhere");
        int mine = kernelNice(tid());
        assumeTrue(mine < ThreadPriority.LOWEST, "this thread already runs at nice 19");
        AtomicReference<Object[]> seen = new AtomicReference<>();
        Thread worker = new Thread(() -> {
            try {
                boolean lowered = ThreadPriority.lowerCurrentThread(ThreadPriority.LOWEST);
                int after = kernelNice(tid());
                boolean again = ThreadPriority.lowerCurrentThread(5); // 5 would raise it: left at 19
                seen.set(new Object[] {lowered, after, again, kernelNice(tid()), ThreadPriority.currentNice()});
            } catch (Exception e) {
                seen.set(new Object[] {e});
            }
        });
        worker.start();
        worker.join();
        Object[] s = seen.get();
        assertEquals(5, s.length, () -> "worker failed: " + s[0]);
        assertEquals(true, s[0]);
        assertEquals(19, s[1], "the kernel's nice of the worker");
        assertEquals(true, s[2], "already at 19 or lower priority");
        assertEquals(19, s[3]);
        assertEquals(19, s[4]);
        assertEquals(mine, kernelNice(tid()), "the calling test thread is untouched");
    }

    @Test
    void refusesValuesOutsideNice() {
        assertThrows(IllegalArgumentException.class, () -> ThreadPriority.lowerCurrentThread(20));
        assertThrows(IllegalArgumentException.class, () -> ThreadPriority.lowerCurrentThread(-1));
        assertEquals(List.of(true, true, false, false), List.of(ThreadPriority.validNice(0),
                ThreadPriority.validNice(19), ThreadPriority.validNice(-1), ThreadPriority.validNice(20)));
        assertEquals(7, ThreadPriority.requireNice(7));
    }
}
