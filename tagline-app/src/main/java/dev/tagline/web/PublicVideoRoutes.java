package dev.tagline.web;

import dev.tagline.core.TaglineException;
import dev.tagline.publish.platform.VideoLinks;
import dev.tagline.publish.store.Media;
import dev.tagline.publish.store.Post;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET} and {@code HEAD /public/v/{POST-SECRET}/{file}}: a post's video for the webhook receiver or platform
 * that fetches it (Instagram's Graph API), without a login. The token is the post's {@link VideoLinks} secret: it
 * serves that post's video file only, while the post is neither failed nor cancelled and the link has not expired,
 * only when the file still has its queued size and lies inside a {@code --media} folder by the same rules as
 * {@code /media} (no {@code ..}, no symlink out, nothing hidden). Range requests get 206. Every refusal is the same
 * bare 404 (never cached), so a wrong guess learns nothing; a right token's refusal is logged with its reason.
 * A client address that asked for {@link FailureThrottle#VIDEO_LINK_FAILURES} unknown links (no such post, wrong
 * secret) within {@link FailureThrottle#VIDEO_LINK_WINDOW} gets 429 with {@code Retry-After} for further unknown ones
 * until they age out; a link that was handed out is still served to it, since behind a reverse proxy or tunnel every
 * fetcher shares one address and a scanner must not lock Instagram out (the 192-bit secret is never guessed).
 */
final class PublicVideoRoutes {
    private static final Logger LOG = LoggerFactory.getLogger(PublicVideoRoutes.class);
    private final WebContext web;

    PublicVideoRoutes(WebContext web) {
        this.web = web;
    }

    void register(RoutesConfig r) {
        r.get(VideoLinks.ROUTE + "{token}/{file}", ctx -> serve(ctx, true));
        r.head(VideoLinks.ROUTE + "{token}/{file}", ctx -> serve(ctx, false));
    }

    private void serve(Context ctx, boolean body) throws IOException {
        Path file = resolve(ctx.pathParam("token"), ctx.pathParam("file"), ctx);
        ctx.header("X-Robots-Tag", "noindex");
        MediaRoutes.send(ctx, file, "private, max-age=300", body);
    }

    /** The video the token grants, or a 404 that says nothing about why. */
    private Path resolve(String token, String name, Context ctx) {
        VideoLinks.Grant grant = VideoLinks.parse(token).orElseThrow(() -> unknown(ctx));
        Post post;
        Media media;
        try {
            post = web.publishing().posts().byId(grant.postId());
            media = web.publishing().media().byId(post.mediaId());
        } catch (TaglineException gone) {
            throw unknown(ctx);
        }
        if (!VideoLinks.knows(post, grant)) {
            throw unknown(ctx);
        }
        if (!VideoLinks.grants(post, grant, web.clock().instant())) {
            throw notFound();
        }
        Path video = media.videoPath();
        if (!video.getFileName().toString().equals(name)) {
            throw notFound();
        }
        Optional<Path> served = MediaRoutes.within(web.settings().mediaRoots(), video);
        if (served.isEmpty()) {
            LOG.info("Post {}'s video link was asked for, but {} is not inside a --media folder of this server (or"
                    + " is hidden or a symlink out of it): 404", post.id(), video);
            throw notFound();
        }
        try {
            if (Files.size(served.get()) != media.sizeBytes()) {
                LOG.info("Post {}'s video link was asked for, but {} is {} bytes now, not the queued {}: 404",
                        post.id(), video, Files.size(served.get()), media.sizeBytes());
                throw notFound();
            }
        } catch (IOException e) {
            LOG.info("Post {}'s video link was asked for, but {} cannot be read: 404", post.id(), video, e);
            throw notFound();
        }
        return served.get();
    }

    /** A link never handed out (a guess, a scan): counted against the client's address; 429 once it asked too many. */
    private io.javalin.http.HttpResponseException unknown(Context ctx) {
        String client = ctx.ip();
        FailureThrottle throttle = web.videoLinkThrottle();
        java.time.Duration wait = throttle.waitFor(client);
        throttle.failed(client);
        if (wait.isZero()) {
            if (!throttle.waitFor(client).isZero()) {
                LOG.info("{} asked for {} unknown video links within {}; further unknown ones get 429 until they are"
                        + " older", client, FailureThrottle.VIDEO_LINK_FAILURES, FailureThrottle.VIDEO_LINK_WINDOW);
            }
            return notFound();
        }
        ctx.header("Retry-After", Long.toString(wait.toSeconds()));
        return new io.javalin.http.TooManyRequestsResponse("Too many requests");
    }

    private static NotFoundResponse notFound() {
        return new NotFoundResponse("Not found");
    }
}
