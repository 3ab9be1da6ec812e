package dev.tagline.publish.platform;

import dev.tagline.publish.platform.bluesky.BlueskyPublisher;
import dev.tagline.publish.platform.facebook.FacebookReelsPublisher;
import dev.tagline.publish.platform.folder.FolderPublisher;
import dev.tagline.publish.platform.instagram.InstagramPublisher;
import dev.tagline.publish.platform.linkedin.LinkedInPublisher;
import dev.tagline.publish.platform.tiktok.TikTokPublisher;
import dev.tagline.publish.platform.webhook.WebhookPublisher;
import dev.tagline.publish.platform.x.XPublisher;
import dev.tagline.publish.platform.youtube.YouTubePublisher;
import dev.tagline.publish.store.Channel;
import java.util.Map;

/** The adapters of this build by platform id; they are stateless, so one of each serves every channel. */
public final class Publishers implements PublisherFactory {
    private final Map<String, Publisher> byPlatform = Map.of(
            "folder", new FolderPublisher(),
            "webhook", new WebhookPublisher(),
            "youtube", new YouTubePublisher(),
            "tiktok", new TikTokPublisher(),
            "instagram", new InstagramPublisher(),
            "bluesky", new BlueskyPublisher(),
            "facebook", new FacebookReelsPublisher(),
            "x", new XPublisher(),
            "linkedin", new LinkedInPublisher());

    @Override
    public Publisher forChannel(Channel channel) {
        Publisher p = byPlatform.get(channel.platform());
        if (p == null) {
            throw new dev.tagline.core.TaglineException("Channel '" + channel.name() + "' is on platform '"
                    + channel.platform() + "', which has no adapter in this build", "Supported: "
                    + String.join(", ", Platforms.SUPPORTED) + ".");
        }
        return p;
    }
}
