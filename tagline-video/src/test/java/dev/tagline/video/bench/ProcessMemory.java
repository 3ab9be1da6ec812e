package dev.tagline.video.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Samples, every {@code periodMs}, the resident memory of this JVM and of all its descendants (FFmpeg) from
 * {@code /proc}, keeping the peaks, and the last CPU time seen for each child. Linux only; on other systems every
 * figure stays 0. Start it, run the work, {@link #close()} it, then read the figures.
 */
final class ProcessMemory implements AutoCloseable {
    private static final long TICKS_PER_SECOND = 100; // USER_HZ on Linux
    private final Thread thread;
    private volatile boolean running = true;
    private long peakJvmKib;
    private long peakChildrenKib;
    private long peakTotalKib;
    private final Map<Long, Long> childTicks = new HashMap<>();

    private ProcessMemory(long periodMs) {
        thread = new Thread(() -> {
            while (running) {
                sample();
                try {
                    Thread.sleep(periodMs);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }, "rss-sampler");
        thread.setDaemon(true);
    }

    static ProcessMemory start(long periodMs) {
        ProcessMemory m = new ProcessMemory(periodMs);
        m.thread.start();
        return m;
    }

    private synchronized void sample() {
        long jvm = statusKib(ProcessHandle.current().pid(), "VmRSS:");
        long children = 0;
        Optional<String> self = ProcessHandle.current().info().command();
        for (ProcessHandle child : ProcessHandle.current().descendants().toList()) {
            if (self.isPresent() && child.info().command().equals(self)) {
                // spawned but not yet exec'd: it still shares the JVM's pages and would count them twice (a floor
                // run once showed 653 MiB for one `ffmpeg -f null`)
                continue;
            }
            children += statusKib(child.pid(), "VmRSS:");
            long ticks = cpuTicks(child.pid());
            if (ticks > 0) {
                childTicks.put(child.pid(), ticks);
            }
        }
        peakJvmKib = Math.max(peakJvmKib, jvm);
        peakChildrenKib = Math.max(peakChildrenKib, children);
        peakTotalKib = Math.max(peakTotalKib, jvm + children);
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    synchronized double peakJvmMib() {
        return peakJvmKib / 1024.0;
    }

    synchronized double peakChildrenMib() {
        return peakChildrenKib / 1024.0;
    }

    synchronized double peakTotalMib() {
        return peakTotalKib / 1024.0;
    }

    /** CPU seconds (user + system) of the children, as last sampled (up to one period short per child). */
    synchronized double childCpuSeconds() {
        return childTicks.values().stream().mapToLong(Long::longValue).sum() / (double) TICKS_PER_SECOND;
    }

    /** This JVM's high-water mark of resident memory ({@code VmHWM}), MiB. */
    static double jvmHighWaterMib() {
        return statusKib(ProcessHandle.current().pid(), "VmHWM:") / 1024.0;
    }

    private static long statusKib(long pid, String key) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith(key)) {
                    return Long.parseLong(line.substring(key.length()).replace("kB", "").strip());
                }
            }
        } catch (IOException | RuntimeException e) {
            return 0; // the process ended between listing and reading, or this is not Linux
        }
        return 0;
    }

    private static long cpuTicks(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // fields after the command name in parentheses: state is field 3, utime 14, stime 15
            List<String> f = List.of(stat.substring(stat.lastIndexOf(')') + 2).split(" "));
            return Long.parseLong(f.get(11)) + Long.parseLong(f.get(12));
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }
}
