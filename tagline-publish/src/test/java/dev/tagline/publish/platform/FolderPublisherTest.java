package dev.tagline.publish.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tagline.publish.PublishFixture;
import dev.tagline.publish.store.Channel;
import dev.tagline.publish.store.Post;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class FolderPublisherTest extends PublisherContract {
    Path out;

    @Override
    Channel setUpChannel(PublishFixture fixture, Path dir) {
        out = dir.resolve("out");
        return fixture.channel("fold", "folder", Map.of("path", out.toString()), null);
    }

    @Override
    int postsOnPlatform() {
        try (Stream<Path> files = Files.walk(out)) {
            return (int) files.filter(p -> p.getFileName().toString().matches("[^.].*\\.json")).count();
        } catch (IOException e) {
            return 0;
        }
    }

    /** A folder has no answer to lose; its interrupted creates are covered by the kill -9 test. */
    @Override
    void loseNextCreateAnswer() {
    }

    @Override
    void stopPlatform() {
    }

    @Override
    @Test
    void aLostAnswerToCreateNeverBecomesASecondPost() {
        Post post = f.due(channel, "clip1", 1000);
        f.run();
        assertEquals(1, postsOnPlatform());
        assertEquals(post.id(), f.post(post.id()).id());
    }

    @Test
    void writesTheClipItsCaptionAndAJsonIntoADateFolderInTheChannelsZone() throws Exception {
        Post post = f.due(channel, "talk-003", 1234);
        f.run();
        Path day = out.resolve("2026-06-01");
        String base = "talk-003-p" + post.id();
        assertEquals(1234, Files.size(day.resolve(base + ".mp4")));
        assertTrue(Files.readString(day.resolve(base + ".txt")).startsWith("Caption of talk-003"));
        String json = Files.readString(day.resolve(base + ".json"));
        assertTrue(json.contains("\"zone\" : \"Europe/Berlin\"") && json.contains("\"sha256\""), json);
        try (Stream<Path> left = Files.list(day)) {
            assertTrue(left.noneMatch(p -> p.getFileName().toString().endsWith(".part")), "no staging left");
        }
    }
}
