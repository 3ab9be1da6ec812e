package dev.tagline.inference.store;

import dev.tagline.core.progress.Progress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/** A progress factory that keeps every task it started, to assert what a user would have seen. */
final class RecordingProgress implements Progress.Factory {
    /** One task: its name, total and unit as started, where it got to, and whether it was closed. */
    static final class Task implements Progress {
        final String name;
        final long total;
        final Unit unit;
        final AtomicLong done = new AtomicLong();
        volatile boolean closed;

        Task(String name, long total, Unit unit) {
            this.name = name;
            this.total = total;
            this.unit = unit;
        }

        @Override
        public void advance(long units) {
            done.addAndGet(units);
        }

        @Override
        public void jumpTo(long position) {
            done.set(position);
        }

        @Override
        public void close() {
            closed = true;
        }

        @Override
        public String toString() {
            return name + " " + done + "/" + total + " " + unit + (closed ? " closed" : " open");
        }
    }

    final List<Task> tasks = new CopyOnWriteArrayList<>();

    @Override
    public Progress start(String task, long total, Progress.Unit unit) {
        Task started = new Task(task, total, unit);
        tasks.add(started);
        return started;
    }

    List<String> names() {
        return tasks.stream().map(t -> t.name).toList();
    }
}
