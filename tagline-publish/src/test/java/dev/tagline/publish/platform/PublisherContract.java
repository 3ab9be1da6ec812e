package dev.tagline.publish.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tagline.publish.PublishFixture;
import dev.tagline.publish.store.Channel;
import dev.tagline.publish.store.Post;
import dev.tagline.publish.store.PostState;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What every adapter must guarantee against its fake platform; one subclass per platform. */
abstract class PublisherContract {
    @TempDir
    Path dir;
    PublishFixture f;
    Channel channel;

    /** Starts the fake platform and adds a channel pointing at it. */
    abstract Channel setUpChannel(PublishFixture fixture, Path dir);

    /** How many posts exist on the fake platform. */
    abstract int postsOnPlatform();

    /** The next create lands on the platform but its answer is lost. */
    abstract void loseNextCreateAnswer();

    /** True when the platform can tell for sure whether a post exists. */
    boolean canReconcile() {
        return true;
    }

    abstract void stopPlatform();

    @BeforeEach
    void start() {
        f = new PublishFixture(dir);
        channel = setUpChannel(f, dir);
    }

    @AfterEach
    void stop() {
        stopPlatform();
        f.close();
    }

    @Test
    void publishesOnePostAndRecordsEveryCall() {
        Post post = f.due(channel, "clip1", 600_000);
        assertEquals(1, f.run().count("PUBLISHED"));
        Post done = f.post(post.id());
        assertEquals(PostState.PUBLISHED, done.state());
        assertNotNull(done.externalId());
        assertEquals(1, postsOnPlatform());
        assertTrue(f.p.attempts().of(post.id()).stream().allMatch(a -> a.request() != null && !a.request()
                .contains("access_token")), "attempts never carry tokens");
    }

    @Test
    void aLostAnswerToCreateNeverBecomesASecondPost() {
        Post post = f.due(channel, "clip1", 600_000);
        loseNextCreateAnswer();
        f.run();
        assertEquals(PostState.UNCONFIRMED, f.post(post.id()).state());
        assertEquals(1, postsOnPlatform());
        for (int i = 0; i < 4; i++) {
            f.clock.advance(Duration.ofMinutes(3));
            f.run();
        }
        assertEquals(1, postsOnPlatform(), "exactly one post on the platform");
        assertEquals(canReconcile() ? PostState.PUBLISHED : PostState.UNCONFIRMED, f.post(post.id()).state());
    }
}
