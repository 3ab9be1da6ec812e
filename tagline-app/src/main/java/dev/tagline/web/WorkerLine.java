package dev.tagline.web;

import dev.tagline.publish.Publishing;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;

/**
 * What the web app says when no publish worker runs: due posts wait until one does. Read from the heartbeats that
 * {@code tagline publish run} writes into the publish database ({@code WorkerStore}).
 */
final class WorkerLine {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm 'UTC'", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    private WorkerLine() {
    }

    /** Empty while a worker runs; else "Waiting for a worker: none has run since …; start …". */
    static Optional<String> noWorker(Publishing publishing, Instant now) {
        var latest = publishing.workers().latest(now);
        if (latest.isPresent() && latest.get().aliveAt(now)) {
            return Optional.empty();
        }
        return Optional.of("Waiting for a worker: " + latest.map(w -> "none has run since " + WHEN.format(w.seenAt())
                + " (the last was " + w.name() + ")").orElse("none has ever run on this database") + "; start"
                + " 'tagline publish run' on the server (as a service, so it keeps running), or check that it is still"
                + " running.");
    }
}
