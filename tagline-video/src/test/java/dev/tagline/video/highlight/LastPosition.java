package dev.tagline.video.highlight;

import dev.tagline.core.progress.Progress;
import java.util.concurrent.atomic.AtomicLong;

/** A {@link Progress.Factory} that keeps the last position any of its tasks jumped to (-1 before the first). */
final class LastPosition implements Progress.Factory {
    private final AtomicLong last = new AtomicLong(-1);

    long get() {
        return last.get();
    }

    @Override
    public Progress start(String task, long total, Progress.Unit unit) {
        return new Progress() {
            @Override
            public void advance(long units) {
            }

            @Override
            public void jumpTo(long done) {
                last.set(done);
            }

            @Override
            public void close() {
            }
        };
    }
}
