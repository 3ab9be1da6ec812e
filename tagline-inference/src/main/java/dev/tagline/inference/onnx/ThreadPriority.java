package dev.tagline.inference.onnx;

import com.sun.jna.Library;
import com.sun.jna.Native;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Lowers the OS priority (raises the nice value) of the calling thread, for threads that feed a model: ONNX Runtime's
 * intra-op threads meet at a barrier after each operator, and the thread that arrives first busy-waits for the others.
 * A decoding thread that takes the core of one of them makes the other spin for the rest of a time slice: on 2 cores
 * that was 1.7 ms of CPU per image with the WD benchmark model, 12 % of the model's own cost (docs/benchmarks.md,
 * "Issue 4 — tag (session 6)"). At nice 19 the scheduler hands the core back as soon as a model thread wakes.
 *
 * <p>Linux only, where {@code setpriority(PRIO_PROCESS, tid)} sets one thread (man 2 setpriority, NOTES); elsewhere,
 * and where libc cannot be reached, nothing changes. Unprivileged processes may raise a nice value but not lower it
 * again, so the call is for threads that only ever feed the model.
 */
public final class ThreadPriority {
    /** The highest nice value, the lowest priority. */
    public static final int LOWEST = 19;
    private static final int PRIO_PROCESS = 0;
    private static final boolean LINUX = System.getProperty("os.name", "").startsWith("Linux");

    private interface LibC extends Library {
        int setpriority(int which, int who, int prio);

        int getpriority(int which, int who);
    }

    /** Loaded on first use, so that other platforms never touch JNA. */
    private static final class Holder {
        static final LibC LIBC = load();

        private static LibC load() {
            try {
                return Native.load("c", LibC.class);
            } catch (LinkageError e) {
                return null;
            }
        }
    }

    private ThreadPriority() {
    }

    /** True for a nice value a thread may be lowered to: 0 (other programs' priority) to {@link #LOWEST}. */
    public static boolean validNice(int nice) {
        return nice >= 0 && nice <= LOWEST;
    }

    /** {@code nice} when {@link #validNice valid}; else an {@link IllegalArgumentException}. */
    public static int requireNice(int nice) {
        if (!validNice(nice)) {
            throw new IllegalArgumentException("nice " + nice + " is not 0-19");
        }
        return nice;
    }

    /**
     * Sets the calling thread's nice value to {@code nice} (0–19) if that is higher than its own; returns whether the
     * thread now runs at that value or lower priority. Throws only for a nice outside 0–19; a platform or a call that
     * cannot set it returns false.
     */
    public static boolean lowerCurrentThread(int nice) {
        requireNice(nice);
        Integer tid = currentTid();
        LibC libc = tid == null ? null : Holder.LIBC;
        if (libc == null) {
            return false;
        }
        Integer now = currentNice();
        if (now != null && now >= nice) {
            return true;
        }
        return libc.setpriority(PRIO_PROCESS, tid, nice) == 0;
    }

    /**
     * The calling thread's nice value, or null where it cannot be read (not Linux). getpriority's -1 is also an error
     * value, but a thread at nice -1 does not start Tagline without privileges; it reads as a value here.
     */
    public static Integer currentNice() {
        Integer tid = currentTid();
        LibC libc = tid == null ? null : Holder.LIBC;
        return libc == null ? null : libc.getpriority(PRIO_PROCESS, tid);
    }

    /** The kernel's id of the calling thread: {@code /proc/thread-self} links to {@code PID/task/TID}. */
    private static Integer currentTid() {
        if (!LINUX) {
            return null;
        }
        try {
            return Integer.valueOf(Files.readSymbolicLink(Path.of("/proc/thread-self")).getFileName().toString());
        } catch (java.io.IOException | RuntimeException e) {
            return null;
        }
    }
}
