package dev.tagline.publish.platform.folder;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tagline.core.files.AtomicFiles;
import dev.tagline.publish.platform.PlatformException;
import dev.tagline.publish.platform.Publisher;
import dev.tagline.publish.platform.PublishRequest;
import dev.tagline.publish.store.Post;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Publishes into a folder tree per date: {@code PATH/2026-12-01/talk-003-p17.mp4} with {@code .txt} (the caption) and
 * {@code .json} (everything about the post) beside it. Upload stages hidden {@code .part} files (retry-safe); create
 * renames them into place with the JSON last, so the JSON's presence is the proof that the post exists.
 */
public final class FolderPublisher implements Publisher {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Override
    public void upload(PublishRequest r) {
        Names n = names(r);
        try {
            Files.createDirectories(n.dir());
            Files.copy(r.media().videoPath(), n.staged(".mp4"), StandardCopyOption.REPLACE_EXISTING);
            AtomicFiles.writeString(n.staged(".txt"), r.post().caption() + "\n");
            AtomicFiles.write(n.staged(".json"), JSON.writeValueAsBytes(describe(r, n)));
        } catch (IOException e) {
            throw new PlatformException(PlatformException.Kind.PERMANENT, null, "Cannot write into " + n.dir() + ": "
                    + e.getMessage(), null, false, e);
        }
        r.checkpoint("folder_file", n.base());
    }

    @Override
    public Created create(PublishRequest r) {
        Names n = names(r);
        try {
            for (String ext : new String[] {".mp4", ".txt", ".json"}) {
                AtomicFiles.moveIntoPlace(n.staged(ext), n.dir().resolve(n.base() + ext));
            }
        } catch (IOException e) {
            throw PlatformException.ambiguous(null, "Cannot move the post into " + n.dir() + ": " + e.getMessage(), e);
        }
        return new Created(n.relative(), n.dir().resolve(n.base() + ".mp4").toUri().toString());
    }

    @Override
    public Outcome status(PublishRequest r) {
        Names n = names(r);
        return new Outcome.Published(n.relative(), n.dir().resolve(n.base() + ".mp4").toUri().toString());
    }

    @Override
    public Lookup find(PublishRequest r) {
        Names n = names(r);
        Path json = n.dir().resolve(n.base() + ".json");
        return Files.exists(json) ? new Lookup.Found(n.relative(), n.dir().resolve(n.base() + ".mp4").toUri().toString())
                : new Lookup.NotFound(json + " does not exist");
    }

    private static ObjectNode describe(PublishRequest r, Names n) {
        Post post = r.post();
        ObjectNode node = JSON.createObjectNode();
        node.put("post", post.id());
        node.put("channel", r.channel().name());
        node.put("clip", r.media().manifest().id());
        node.put("title", post.title());
        node.put("caption", post.caption());
        node.put("scheduledAt", post.scheduledAt() == null ? null : post.scheduledAt().toString());
        node.put("zone", post.zone().getId());
        node.put("video", n.base() + ".mp4");
        node.put("sha256", r.media().sha256());
        node.put("sizeBytes", r.media().sizeBytes());
        return node;
    }

    private static Names names(PublishRequest r) {
        Path root = Path.of(r.channel().option("path", "."));
        Instant when = r.post().scheduledAt() == null ? r.clock().instant() : r.post().scheduledAt();
        LocalDate day = when.atZone(r.post().zone()).toLocalDate();
        String base = r.media().manifest().id().replaceAll("[^A-Za-z0-9._-]", "_") + "-p" + r.post().id();
        return new Names(root.resolve(day.toString()), base, day + "/" + base);
    }

    private record Names(Path dir, String base, String relative) {
        Path staged(String ext) {
            return dir.resolve("." + base + ext + ".part");
        }
    }

    @Override
    public int concurrency() {
        return 8;
    }
}
