package dev.tagline.inference.store;

import dev.tagline.core.TaglineException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Objects;

/**
 * Sends one Hub GET and follows its redirects by hand, so that the token goes only to the Hub's own host, never to
 * the CDN it redirects to. The body of the last response is left unread, as {@link BodyChunks}.
 */
final class HubRequests {
    private static final int MAX_REDIRECTS = 10;
    private final HttpClient http;
    private final StoreConfig config;

    HubRequests(HttpClient http, StoreConfig config) {
        this.http = http;
        this.config = config;
    }

    /** The first response (the Hub's, with its metadata) and the last one (after redirects, with the body). */
    record Response(HttpHeaders firstHeaders, HttpResponse<BodyChunks> last) {
    }

    Response send(URI url, long rangeStart) throws IOException {
        URI current = url;
        HttpHeaders first = null;
        for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
            HttpRequest.Builder request = HttpRequest.newBuilder(current).GET().timeout(config.requestTimeout())
                    .header("User-Agent", "tagline (java " + System.getProperty("java.version") + ")");
            request.version(dev.tagline.core.HttpVersions.forUri(current)); // a plain-http HF_ENDPOINT: a mirror
            if (rangeStart > 0) {
                request.header("Range", "bytes=" + rangeStart + "-");
            }
            if (config.hfToken() != null && sameOrigin(url, current)) {
                request.header("Authorization", "Bearer " + config.hfToken());
            }
            HttpResponse<BodyChunks> response = sendOnce(request.build());
            if (first == null) {
                first = response.headers();
            }
            int status = response.statusCode();
            if (status < 300 || status >= 400 || status == 304) {
                return new Response(first, response);
            }
            response.body().cancel();
            String location = response.headers().firstValue("Location")
                    .orElseThrow(() -> new IOException("HTTP " + status + " redirect without a Location header"));
            current = current.resolve(location);
        }
        throw new IOException("more than " + MAX_REDIRECTS + " redirects from " + url);
    }

    private HttpResponse<BodyChunks> sendOnce(HttpRequest request) throws IOException {
        try {
            return http.send(request, BodyChunks.handler());
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
}
