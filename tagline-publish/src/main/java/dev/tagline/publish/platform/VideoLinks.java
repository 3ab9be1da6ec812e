package dev.tagline.publish.platform;

import dev.tagline.core.TaglineException;
import dev.tagline.publish.store.Post;
import dev.tagline.publish.store.PostState;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The public link a webhook receiver or a URL-pulling platform (Instagram) downloads a post's video from:
 * {@code media-base-url + /public/v/POST-SECRET/FILE}, which {@code tagline serve} answers without a login. SECRET is
 * 192 random bits kept in the post's progress ({@value #SECRET}), so the link names exactly one post's video and
 * nothing else; it works while the post is neither failed nor cancelled, until {@value #UNTIL} ({@link #LIFETIME}
 * after the post's time or its latest publish try, whichever is later), and re-queuing a post gives it a new one.
 * Both sides of the link live here: {@link #prepare} (the adapter, before it hands the URL over) and
 * {@link #parse}/{@link #grants} (the server).
 */
public final class VideoLinks {
    /** The route {@code tagline serve} answers: {@code /public/v/{token}/{file}}. */
    public static final String ROUTE = "/public/v/";
    /** How long a link keeps working after the post's time or its latest publish try. */
    public static final Duration LIFETIME = Duration.ofDays(7);
    static final String SECRET = "video_link";
    static final String UNTIL = "video_link_until";
    private static final Pattern TOKEN = Pattern.compile("([1-9][0-9]{0,17})-([A-Za-z0-9_-]{32})");
    private static final SecureRandom RANDOM = new SecureRandom();

    private VideoLinks() {
    }

    /** A parsed {@code POST-SECRET} token. */
    public record Grant(long postId, String secret) {
    }

    /**
     * Checks that {@code value} can be a {@code media-base-url} (an absolute http(s) URL without query or fragment)
     * and returns it without trailing slashes.
     */
    public static String requireBase(String value) {
        String v = value == null ? "" : value.strip();
        String why = null;
        try {
            URI u = new URI(v);
            if (v.isEmpty()) {
                why = "is empty";
            } else if (u.getScheme() == null || !u.getScheme().matches("(?i)https?")) {
                why = "is not an http:// or https:// URL";
            } else if (u.getHost() == null) {
                why = "has no host name";
            } else if (u.getRawQuery() != null || u.getRawFragment() != null) {
                why = "has a query or fragment (?…, #…); the link path is appended to it";
            } else if (u.getRawUserInfo() != null) {
                why = "carries a user name or password";
            }
        } catch (URISyntaxException e) {
            why = "is not a URL (" + e.getReason() + ")";
        }
        if (why != null) {
            throw new TaglineException("--option media-base-url=" + v + " " + why, "Give the public address of"
                    + " 'tagline serve' (or a proxy in front of it), e.g. --option media-base-url=https://clips.example.com;"
                    + " videos are fetched from it as …" + ROUTE + "…");
        }
        return v.replaceAll("/+$", "");
    }

    /**
     * {@link #requireBase}, for a platform whose own servers fetch the video (Instagram): refuses a host that only this
     * machine or its network can reach (localhost, a name without a dot or under {@code .local}, a loopback, private,
     * link-local, shared (100.64/10) or unique-local address), naming it. Names are not resolved here: see
     * {@link PublicHostName#require}, which {@code channels add} runs next.
     */
    public static String requirePublicBase(String value, String platform) {
        String base = requireBase(value);
        String host = URI.create(base).getHost().toLowerCase(java.util.Locale.ROOT);
        String why = localHost(host);
        if (why != null) {
            throw notPublic(base, why, platform);
        }
        return base;
    }

    static TaglineException notPublic(String base, String why, String platform) {
        return new TaglineException("--option media-base-url=" + base + " " + why + ", which " + platform + "'s"
                + " servers can never fetch videos from", "Give a public address that leads to 'tagline serve'"
                + " (a reverse proxy or tunnel in front of it), e.g. --option media-base-url=https://clips.example.com;"
                + " only webhook channels may use a local or private address.");
    }

    /** Why {@code host} is reachable only from this machine or its network, or null. */
    private static String localHost(String dotted) {
        String host = dotted.endsWith(".") ? dotted.substring(0, dotted.length() - 1) : dotted; // "localhost." too
        if (host.equals("localhost") || host.endsWith(".localhost")) {
            return "is localhost";
        }
        boolean literal = host.startsWith("[") || host.matches("\\d{1,3}(\\.\\d{1,3}){3}");
        if (!literal) {
            return host.endsWith(".local") || !host.contains(".") ? "is a local network name (" + host + ")" : null;
        }
        java.net.InetAddress ip;
        try {
            // a literal (URI has checked it: an IPv4 octet over 255 is no host at all), so no name lookup
            ip = java.net.InetAddress.getByName(host.replaceAll("^\\[|\\]$", ""));
        } catch (java.net.UnknownHostException e) {
            return "is not a valid IP address (" + host + ")";
        }
        String why = localAddress(ip);
        return why == null ? null : "is " + why + " (" + host + ")";
    }

    /** "a loopback address" or "a private address" when only this machine or its network reaches {@code ip}. */
    static String localAddress(java.net.InetAddress ip) {
        byte[] b = ip.getAddress();
        if (ip.isLoopbackAddress()) {
            return "a loopback address";
        }
        boolean shared = b.length == 4 && (b[0] & 0xff) == 100 && (b[1] & 0xc0) == 64;
        boolean uniqueLocal = b.length == 16 && (b[0] & 0xfe) == 0xfc;
        if (ip.isAnyLocalAddress() || ip.isSiteLocalAddress() || ip.isLinkLocalAddress() || shared || uniqueLocal) {
            return "a private address";
        }
        return null;
    }

    /**
     * Before a URL leaves for the platform: gives the post its link (a new secret on the first try, a renewed expiry
     * on every try, checkpointed), then checks that the link answers {@code HEAD} with 200 and the video's size.
     * Throws a retryable {@link PlatformException} naming the URL when it does not, so nothing is created with a
     * video nobody can fetch; a bad {@code media-base-url} fails the post.
     */
    public static String prepare(PublishRequest r) {
        String base;
        try {
            base = requireBase(r.channel().option("media-base-url", ""));
        } catch (TaglineException e) {
            throw PlatformException.permanent(null, "Channel '" + r.channel().name() + "': " + e.oneLine());
        }
        Instant now = r.clock().instant();
        Instant at = r.post().scheduledAt();
        Instant from = at != null && at.isAfter(now) ? at : now;
        if (secret(r.progress(SECRET)).isEmpty()) {
            byte[] bytes = new byte[24];
            RANDOM.nextBytes(bytes);
            r.note(SECRET, Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
        }
        r.checkpoint(UNTIL, from.plus(LIFETIME).toString()); // durable before the URL is used
        String url = base + path(r);
        requireReachable(r, base, url);
        return url;
    }

    /** The link {@link #prepare} made for this post (the adapter's create step puts it in what it sends). */
    public static String url(PublishRequest r) {
        if (secret(r.progress(SECRET)).isEmpty()) {
            return prepare(r);
        }
        return requireBase(r.channel().option("media-base-url", "")) + path(r);
    }

    /** When the link stops working, or null before {@link #prepare}. */
    public static Instant expires(PublishRequest r) {
        return until(r.progress(UNTIL)).orElse(null);
    }

    /** The {@code POST-SECRET} token of a link path segment, or empty when it cannot be one. */
    public static Optional<Grant> parse(String token) {
        Matcher m = TOKEN.matcher(token == null ? "" : token);
        return m.matches() ? Optional.of(new Grant(Long.parseLong(m.group(1)), m.group(2))) : Optional.empty();
    }

    /**
     * Whether {@code post} grants {@code grant} at {@code now}: same post, same secret (compared in constant time),
     * not expired, and the post neither failed nor cancelled.
     */
    /**
     * Whether {@code grant} names {@code post} with its secret, whatever the link's state (expired, failed post): a
     * link that was handed out, not a guess.
     */
    public static boolean knows(Post post, Grant grant) {
        Optional<String> secret = secret(post.progress().get(SECRET));
        return post.id() == grant.postId() && secret.isPresent() && MessageDigest.isEqual(
                secret.get().getBytes(StandardCharsets.US_ASCII), grant.secret().getBytes(StandardCharsets.US_ASCII));
    }

    public static boolean grants(Post post, Grant grant, Instant now) {
        Optional<String> secret = secret(post.progress().get(SECRET));
        Optional<Instant> until = until(post.progress().get(UNTIL));
        return post.id() == grant.postId() && secret.isPresent() && until.isPresent() && now.isBefore(until.get())
                && post.state() != PostState.FAILED && post.state() != PostState.CANCELLED
                && MessageDigest.isEqual(secret.get().getBytes(StandardCharsets.US_ASCII),
                        grant.secret().getBytes(StandardCharsets.US_ASCII));
    }

    /** The path below {@code media-base-url}: {@code /public/v/POST-SECRET/FILE}, the file name percent-encoded. */
    static String path(PublishRequest r) {
        return ROUTE + r.post().id() + "-" + r.progress(SECRET) + "/" + segment(r.media().videoPath().getFileName()
                .toString());
    }

    /** Percent-encodes everything but RFC 3986 unreserved characters, so any file name is one path segment. */
    static String segment(String name) {
        StringBuilder out = new StringBuilder();
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if (c < 0x80 && (Character.isLetterOrDigit(c) || "-._~".indexOf(c) >= 0)) {
                out.append(c);
            } else {
                out.append('%').append(String.format("%02X", b & 0xff));
            }
        }
        return out.toString();
    }

    /** The URL as the attempt log and error messages show it: the secret left out. */
    static String shown(String url) {
        return url.replaceFirst("(" + Pattern.quote(ROUTE) + "\\d+-)[A-Za-z0-9_-]+", "$1…");
    }

    private static void requireReachable(PublishRequest r, String base, String url) {
        HttpRequest head = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20))
                .method("HEAD", HttpRequest.BodyPublishers.noBody()).build();
        String fix = ": is 'tagline serve' running on the publish database, with a --media folder that holds "
                + r.media().videoPath() + ", and reachable at media-base-url " + base + "?";
        HttpResponse<String> answer;
        try {
            answer = r.http().sendRaw("upload", head, shown(url));
        } catch (PlatformException e) {
            String why = e.getCause() instanceof java.io.IOException io ? PlatformHttp.noAnswer(io) : e.getMessage();
            throw PlatformException.notSent("The video URL " + shown(url) + " did not answer (" + why + ")" + fix, e);
        }
        long size = answer.headers().firstValueAsLong("Content-Length").orElse(-1);
        if (answer.statusCode() != 200) {
            throw PlatformException.notSent("The video URL " + shown(url) + " answered " + answer.statusCode() + fix,
                    null);
        }
        if (size != r.media().sizeBytes()) {
            throw PlatformException.notSent("The video URL " + shown(url) + " answered with " + size + " bytes, not the"
                    + " clip's " + r.media().sizeBytes() + ": does media-base-url " + base + " lead to 'tagline serve'?",
                    null);
        }
    }

    private static Optional<String> secret(String value) {
        return value == null || !value.matches("[A-Za-z0-9_-]{32}") ? Optional.empty() : Optional.of(value);
    }

    private static Optional<Instant> until(String value) {
        try {
            return value == null ? Optional.empty() : Optional.of(Instant.parse(value));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
