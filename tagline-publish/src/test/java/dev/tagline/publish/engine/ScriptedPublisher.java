package dev.tagline.publish.engine;

import dev.tagline.publish.platform.PlatformException;
import dev.tagline.publish.platform.Publisher;
import dev.tagline.publish.platform.PublishRequest;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** An in-memory platform whose next failures a test scripts, counting every call. */
final class ScriptedPublisher implements Publisher {
    /** What the next call of a step does instead of succeeding. */
    enum Fault {
        /** Throws ambiguous without the post being made. */
        AMBIGUOUS_BEFORE,
        /** Makes the post, then throws ambiguous (the classic double-post trap). */
        AMBIGUOUS_AFTER,
        RATE_LIMITED, AUTH, PERMANENT, RETRYABLE, PENDING
    }

    final Map<Long, String> posts = new ConcurrentHashMap<>();
    /** What each create call sent: title, caption, and the video's SHA-256 and size as the request described it. */
    final Map<Long, Sent> sent = new ConcurrentHashMap<>();
    final AtomicInteger uploads = new AtomicInteger();
    final AtomicInteger creates = new AtomicInteger();
    final AtomicInteger finds = new AtomicInteger();
    final Deque<Fault> uploadFaults = new ArrayDeque<>();
    final Deque<Fault> createFaults = new ArrayDeque<>();
    final Deque<Fault> statusFaults = new ArrayDeque<>();
    volatile boolean findUnknown;

    @Override
    public synchronized void upload(PublishRequest r) {
        uploads.incrementAndGet();
        fault(uploadFaults.poll(), r, false);
        r.checkpoint("uploaded", "yes");
    }

    record Sent(String title, String caption, String sha256, long sizeBytes) {
    }

    @Override
    public synchronized Created create(PublishRequest r) {
        creates.incrementAndGet();
        sent.put(r.post().id(), new Sent(r.post().title(), r.post().caption(), r.media().sha256(),
                r.media().sizeBytes()));
        fault(createFaults.poll(), r, true);
        String id = make(r);
        return new Created(id, null);
    }

    @Override
    public synchronized Outcome status(PublishRequest r) {
        Fault f = statusFaults.poll();
        if (f == Fault.PENDING) {
            return new Outcome.Pending(Duration.ofMinutes(5), "transcoding");
        }
        fault(f, r, false);
        String id = r.progress("external_id");
        return new Outcome.Published(id, "https://platform.test/" + id);
    }

    @Override
    public synchronized Lookup find(PublishRequest r) {
        finds.incrementAndGet();
        if (findUnknown) {
            return new Lookup.Unknown("platform has no lookup");
        }
        String id = posts.get(r.post().id());
        return id == null ? new Lookup.NotFound("no post for " + r.post().id()) : new Lookup.Found(id, null);
    }

    private String make(PublishRequest r) {
        if (posts.containsKey(r.post().id())) {
            throw new AssertionError("DOUBLE POST of post " + r.post().id());
        }
        String id = "ext-" + r.post().id();
        posts.put(r.post().id(), id);
        return id;
    }

    private void fault(Fault f, PublishRequest r, boolean creating) {
        if (f == null) {
            return;
        }
        switch (f) {
            case AMBIGUOUS_BEFORE -> throw PlatformException.ambiguous(null, "read timed out", null);
            case AMBIGUOUS_AFTER -> {
                make(r);
                throw PlatformException.ambiguous(502, "HTTP 502 bad gateway", null);
            }
            case RATE_LIMITED -> throw PlatformException.rateLimited(429, "HTTP 429 slow down", Duration.ofSeconds(120));
            case AUTH -> throw PlatformException.auth(401, "HTTP 401 token expired");
            case PERMANENT -> throw PlatformException.permanent(400, "HTTP 400 invalidTitle: title too long");
            case RETRYABLE -> throw PlatformException.ambiguous(503, "HTTP 503", null);
            default -> throw new AssertionError(f + (creating ? " on create" : ""));
        }
    }
}
