package dev.tagline.inference.store;

import dev.tagline.core.TaglineException;
import dev.tagline.core.progress.Progress;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One resumable HTTP download into a staging file, the way huggingface_hub's {@code http_get} does it: an existing
 * partial file is continued with {@code Range: bytes=N-}; a dropped connection is retried from where it broke;
 * redirects are followed by hand so that the token goes only to the Hub's own host, never to the CDN it redirects to.
 * The Hub's metadata ({@code X-Linked-Etag}, {@code ETag}, {@code X-Repo-Commit}) comes from the first response.
 */
final class HubDownload {
    /** huggingface_hub {@code http_get}: {@code _nb_retries=5}; three tries keep a dead link from stalling long. */
    static final int MAX_TRIES = 3;
    private static final int MAX_REDIRECTS = 10;
    private static final Pattern CONTENT_RANGE = Pattern.compile("bytes (\\d+)-(\\d+)/(\\d+|\\*)");
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(HubDownload.class);

    private final HttpClient http;
    private final StoreConfig config;

    HubDownload(HttpClient http, StoreConfig config) {
        this.http = http;
        this.config = config;
    }

    /** What the Hub vouches for: the LFS SHA-256 or the git blob SHA-1 of the file, and the commit served. */
    record Result(String sha256, String gitSha1, String commit) {
    }

    Result fetch(URI url, Path staging, String task, String repo) throws SourceException {
        IOException last = null;
        for (int attempt = 1; attempt <= MAX_TRIES; attempt++) {
            try {
                return once(url, staging, task, repo);
            } catch (IOException e) {
                last = e;
                LOG.debug("download of {} broke (try {} of {})", url, attempt, MAX_TRIES, e);
            }
        }
        long kept = sizeOf(staging);
        throw new SourceException("download broke off " + MAX_TRIES + " times (last error: " + describe(last) + ")"
                + (kept > 0 ? "; " + kept + " bytes kept, the next pull resumes" : ""),
                "Check the network or HF_ENDPOINT, then pull again.", last);
    }

    private Result once(URI url, Path staging, String task, String repo) throws IOException, SourceException {
        long have = sizeOf(staging);
        Response response = send(url, have);
        HttpHeaders hub = response.firstHeaders();
        HttpResponse<InputStream> last = response.last();
        int status = last.statusCode();
        if (status == 416 || status >= 400) {
            last.body().close();
            if (status == 416) {
                Files.deleteIfExists(staging);
                throw new IOException("the server refused to resume at byte " + have + "; starting over");
            }
            throw HubErrors.toSourceException(status, hub, repo, url, config.hfToken() != null);
        }
        long offset = 0;
        long total = last.headers().firstValueAsLong("Content-Length").orElse(-1);
        if (status == 206) {
            Matcher m = CONTENT_RANGE.matcher(last.headers().firstValue("Content-Range").orElse(""));
            if (!m.matches() || Long.parseLong(m.group(1)) != have) {
                last.body().close();
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
        String etag = Checksums.bareEtag(hub.firstValue("X-Linked-Etag").or(() -> hub.firstValue("ETag"))
                .orElse(null));
        boolean sha256 = etag != null && Checksums.SHA256_HEX.matcher(etag).matches();
        boolean sha1 = etag != null && Checksums.SHA1_HEX.matcher(etag).matches();
        return new Result(sha256 ? etag : null, sha1 ? etag : null, hub.firstValue("X-Repo-Commit").orElse(null));
    }

    private void copy(InputStream body, Path staging, long offset, long total, String task) throws IOException {
        Files.createDirectories(staging.getParent());
        StandardOpenOption mode = offset > 0 ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING;
        try (InputStream in = body;
             OutputStream out = Files.newOutputStream(staging, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                     mode);
             Progress progress = config.progress().start(task, total, Progress.Unit.BYTES)) {
            progress.jumpTo(offset);
            byte[] buffer = new byte[1 << 16];
            int n;
            while ((n = in.read(buffer)) >= 0) {
                out.write(buffer, 0, n);
                progress.advance(n);
            }
        }
    }

    /** The first response (the Hub's, with its metadata) and the last one (after redirects, with the body). */
    private record Response(HttpHeaders firstHeaders, HttpResponse<InputStream> last) {
    }

    private Response send(URI url, long rangeStart) throws IOException {
        URI current = url;
        HttpHeaders first = null;
        for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
            HttpRequest.Builder request = HttpRequest.newBuilder(current).GET().timeout(config.requestTimeout())
                    .header("User-Agent", "tagline (java " + System.getProperty("java.version") + ")");
            if (rangeStart > 0) {
                request.header("Range", "bytes=" + rangeStart + "-");
            }
            if (config.hfToken() != null && sameOrigin(url, current)) {
                request.header("Authorization", "Bearer " + config.hfToken());
            }
            HttpResponse<InputStream> response = sendOnce(request.build());
            if (first == null) {
                first = response.headers();
            }
            int status = response.statusCode();
            if (status < 300 || status >= 400 || status == 304) {
                return new Response(first, response);
            }
            response.body().close();
            String location = response.headers().firstValue("Location")
                    .orElseThrow(() -> new IOException("HTTP " + status + " redirect without a Location header"));
            current = current.resolve(location);
        }
        throw new IOException("more than " + MAX_REDIRECTS + " redirects from " + url);
    }

    private HttpResponse<InputStream> sendOnce(HttpRequest request) throws IOException {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TaglineException("Download of " + request.uri() + " was interrupted", "Pull again to resume.", e);
        }
    }

    /** huggingface_hub drops the Authorization header when a redirect leaves the endpoint's host. */
    static boolean sameOrigin(URI a, URI b) {
        return Objects.equals(a.getScheme(), b.getScheme()) && Objects.equals(a.getHost(), b.getHost())
                && a.getPort() == b.getPort();
    }

    private static long sizeOf(Path file) {
        try {
            return Files.isRegularFile(file) ? Files.size(file) : 0;
        } catch (IOException e) {
            return 0;
        }
    }

    private static String describe(IOException e) {
        if (e == null) {
            return "no response";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
