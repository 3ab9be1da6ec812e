package dev.tagline.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * Whether a media folder holds dataset images, remembered per folder, for the Datasets tab's folder switcher and the
 * folder it opens on. Finding out walks the folder until its first image, so a folder without any (a tree of videos)
 * is walked in full: without this, on every page load. An answer is taken again once it is older than {@link #FOR}, or
 * at once when the folder's own modification time changed (a file added or removed directly in it); an image added
 * deeper is seen within {@link #FOR}, or at once when that folder's gallery is opened ({@link #found}). Thread-safe.
 */
final class ImageFolders {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ImageFolders.class);
    /** How long an answer is trusted while the folder's own modification time stays the same. */
    static final Duration FOR = Duration.ofSeconds(30);

    private record Answer(boolean images, Instant at, FileTime modified) {
    }

    private final Clock clock;
    private final Predicate<Path> walk;
    private final Map<Path, Answer> answers = new ConcurrentHashMap<>();

    /** {@code walk}: the scan that says whether a folder holds images ({@link Dataset#hasImages}). */
    ImageFolders(Clock clock, Predicate<Path> walk) {
        this.clock = clock;
        this.walk = walk;
    }

    ImageFolders(Clock clock) {
        this(clock, dir -> new Dataset(dir).hasImages());
    }

    boolean holdsImages(Path dir) {
        Instant now = clock.instant();
        FileTime modified = modified(dir);
        Answer known = answers.get(dir);
        if (known != null && known.modified().equals(modified) && now.isBefore(known.at().plus(FOR))) {
            return known.images();
        }
        Answer fresh = new Answer(walk.test(dir), now, modified);
        answers.put(dir, fresh);
        return fresh.images();
    }

    /** What a full listing of {@code dir} (its gallery) found: {@code images} or none; it stands for a new answer. */
    void found(Path dir, boolean images) {
        answers.put(dir, new Answer(images, clock.instant(), modified(dir)));
    }

    private static FileTime modified(Path dir) {
        try {
            return Files.getLastModifiedTime(dir);
        } catch (IOException e) {
            LOG.debug("{} has no modification time ({}): taken as no folder, which its appearing changes", dir, e.toString());
            return FileTime.fromMillis(0);
        }
    }
}
