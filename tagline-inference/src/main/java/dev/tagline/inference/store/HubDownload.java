package dev.tagline.inference.store;

import dev.tagline.core.TaglineException;
import dev.tagline.core.progress.Progress;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One resumable HTTP download into a staging file, the way huggingface_hub's {@code http_get} does it: an existing
 * partial file is continued with {@code Range: bytes=N-}; a dropped or stalled connection is retried from where it
 * broke; redirects are followed by hand so that the token goes only to the Hub's own host, never to the CDN it
 * redirects to. A busy server (429, 5xx) is asked again after a {@link Backoff} wait, {@code Retry-After} honoured.
 * A body that sends nothing for {@link StoreConfig#stallTimeout()} is given up and resumed ({@link BodyChunks}).
 * The Hub's metadata ({@code X-Linked-Etag}, {@code ETag}, {@code X-Repo-Commit}) comes from the first response.
 */
final class HubDownload {
    private static final Pattern CONTENT_RANGE = Pattern.compile("bytes (\\d+)-(\\d+)/(\\d+|\\*)");
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(HubDownload.class);

    private final HubRequests requests;
    private final StoreConfig config;
    private final Backoff backoff;

    HubDownload(HttpClient http, StoreConfig config, Backoff backoff) {
        this.requests = new HubRequests(http, config);
        this.config = config;
        this.backoff = backoff;
    }

    /** What the Hub vouches for: the LFS SHA-256 or the git blob SHA-1 of the file, and the commit served. */
    record Result(String sha256, String gitSha1, String commit) {
    }

    /** A status worth another try (429, 5xx), with the headers of the Hub's response and the one that failed. */
    private static final class Busy extends Exception {
        private static final long serialVersionUID = 1L;
        private final int status;
        private final transient HttpHeaders hub;
        private final transient HttpHeaders failed;

        Busy(int status, HttpHeaders hub, HttpHeaders failed) {
            super("HTTP " + status, null, false, false);
            this.status = status;
            this.hub = hub;
            this.failed = failed;
        }
    }

    /**
     * Downloads {@code url} into {@code staging}. With {@code needsHash} (the catalog pins no hash) an answer without
     * the Hub's {@code X-Linked-Etag}/{@code ETag} is refused before its body is read: nothing could verify it.
     */
    Result fetch(URI url, Path staging, String task, String repo, boolean needsHash) throws SourceException {
        for (int attempt = 1; ; attempt++) {
            Optional<Duration> retryAfter = Optional.empty();
            String why;
            try {
                return once(url, staging, task, repo, needsHash);
            } catch (Busy e) {
                retryAfter = backoff.retryAfter(e.failed.firstValue("Retry-After"));
                if (attempt == Backoff.MAX_TRIES || retryAfter.filter(w -> w.compareTo(Backoff.MAX_WAIT) > 0)
                        .isPresent()) {
                    throw busy(e, attempt, retryAfter, repo, url);
                }
                LOG.debug("{} answered HTTP {} (try {} of {})", url, e.status, attempt, Backoff.MAX_TRIES);
                why = "HTTP " + e.status;
            } catch (IOException e) {
                LOG.debug("download of {} broke (try {} of {})", url, attempt, Backoff.MAX_TRIES, e);
                if (dev.tagline.core.NoConnection.of(e) && attempt >= UNREACHABLE_TRIES) {
                    // offline or a wrong HF_ENDPOINT: nothing was sent, and four more tries over 14 s change nothing
                    throw new SourceException("cannot reach " + url.getHost() + " (" + describe(e) + "; tried "
                            + attempt + " times)", "Tagline is offline or HF_ENDPOINT is wrong. Pull the model where"
                            + " the Hub can be reached (tagline models pull) and copy " + "the model cache, or give"
                            + " the model's folder with --model-path.", e);
                }
                if (attempt == Backoff.MAX_TRIES) {
                    long kept = sizeOf(staging);
                    throw new SourceException("download broke off " + attempt + " times (last error: " + describe(e)
                            + ")" + (kept > 0 ? "; " + kept + " bytes kept, the next pull resumes" : ""),
                            "Check the network or HF_ENDPOINT, then pull again.", e);
                }
                why = describe(e);
            }
            Duration wait = backoff.delay(attempt, retryAfter);
            try (Progress waiting = config.progress().start(task + ": " + why + "; try " + (attempt + 1) + " of "
                    + Backoff.MAX_TRIES + " in " + Math.max(1, Math.round(wait.toMillis() / 1000.0)) + " s", -1,
                    Progress.Unit.ITEMS)) {
                backoff.pause(wait, url);
            }
        }
    }

    private SourceException busy(Busy e, int tries, Optional<Duration> retryAfter, String repo, URI url) {
        SourceException plain = HubErrors.toSourceException(e.status, e.hub, repo, url, config.hfToken() != null);
        String why = retryAfter.filter(w -> w.compareTo(Backoff.MAX_WAIT) > 0)
                .map(w -> " (the server asks to wait " + w.toSeconds() + " s, longer than the "
                        + Backoff.MAX_WAIT.toSeconds() + " s Tagline waits)")
                .orElse(" (tried " + tries + " times)");
        return new SourceException(plain.getMessage() + why, plain.hint(), e);
    }

    private Result once(URI url, Path staging, String task, String repo, boolean needsHash)
            throws IOException, SourceException, Busy {
        long have = sizeOf(staging);
        HubRequests.Response response = requests.send(url, have);
        HttpHeaders hub = response.firstHeaders();
        HttpResponse<BodyChunks> last = response.last();
        int status = last.statusCode();
        if (status >= 400) {
            last.body().cancel();
            if (status == 416) {
                Files.deleteIfExists(staging);
                throw new IOException("the server refused to resume at byte " + have + "; starting over");
            }
            if (Backoff.retryable(status)) {
                throw new Busy(status, hub, last.headers());
            }
            throw HubErrors.toSourceException(status, hub, repo, url, config.hfToken() != null);
        }
        String etag = Checksums.bareEtag(hub.firstValue("X-Linked-Etag").or(() -> hub.firstValue("ETag"))
                .orElse(null));
        boolean sha256 = etag != null && Checksums.SHA256_HEX.matcher(etag).matches();
        boolean sha1 = etag != null && Checksums.SHA1_HEX.matcher(etag).matches();
        if (needsHash && !sha256 && !sha1) {
            last.body().cancel();
            throw new SourceException("HF_ENDPOINT " + config.hfEndpoint() + " answered without a Hub's"
                    + " X-Linked-Etag/ETag, so the file cannot be verified; nothing was kept",
                    CandidateCheck.notAHub(config.hfEndpoint().toString()));
        }
        long offset = 0;
        long total = last.headers().firstValueAsLong("Content-Length").orElse(-1);
        if (status == 206) {
            Matcher m = CONTENT_RANGE.matcher(last.headers().firstValue("Content-Range").orElse(""));
            if (!m.matches() || Long.parseLong(m.group(1)) != have) {
                last.body().cancel();
                Files.deleteIfExists(staging);
                throw new IOException("the server resumed at the wrong place; starting over");
            }
            offset = have;
            total = m.group(3).equals("*") ? -1 : Long.parseLong(m.group(3));
        }
        copy(last.body(), staging, offset, total, task);
        if (total >= 0 && Files.size(staging) != total) {
            throw new IOException("connection closed after " + Files.size(staging) + " of " + total + " bytes");
        }
        return new Result(sha256 ? etag : null, sha1 ? etag : null, hub.firstValue("X-Repo-Commit").orElse(null));
    }

    private void copy(BodyChunks body, Path staging, long offset, long total, String task) throws IOException {
        Files.createDirectories(staging.getParent());
        StandardOpenOption mode = offset > 0 ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING;
        try (FileChannel out = FileChannel.open(staging, StandardOpenOption.CREATE, StandardOpenOption.WRITE, mode);
             Progress progress = config.progress().start(task, total, Progress.Unit.BYTES)) {
            progress.jumpTo(offset);
            List<ByteBuffer> chunk;
            while ((chunk = body.next(config.stallTimeout())) != null) {
                for (ByteBuffer buffer : chunk) {
                    int n = buffer.remaining();
                    while (buffer.hasRemaining()) {
                        out.write(buffer);
                    }
                    progress.advance(n);
                }
            }
        } catch (InterruptedException e) {
            body.cancel();
            Thread.currentThread().interrupt();
            throw new TaglineException("Download into " + staging + " was interrupted", "Pull again to resume.", e);
        } catch (IOException e) {
            body.cancel();
            throw e;
        }
    }

    private static long sizeOf(Path file) {
        try {
            return Files.isRegularFile(file) ? Files.size(file) : 0;
        } catch (IOException e) {
            return 0;
        }
    }

    /** Tries for a server that cannot be reached at all: one quick second chance for a blip, then stop. */
    static final int UNREACHABLE_TRIES = 2;

    private static String describe(IOException e) {
        if (e == null) {
            return "no response";
        }
        if (e instanceof java.net.ConnectException && e.getMessage() == null) {
            return "the connection was refused"; // Java's HTTP client leaves the message out
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
