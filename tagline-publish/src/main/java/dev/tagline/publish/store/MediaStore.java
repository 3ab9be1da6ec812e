package dev.tagline.publish.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tagline.core.TaglineException;
import dev.tagline.core.manifest.ClipManifest;
import dev.tagline.core.manifest.ClipManifests;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.HexFormat;

/** Rendered clips registered from their {@code clip.json}; re-registering the same manifest updates it. */
public final class MediaStore {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Jdbc jdbc;
    private final Clock clock;
    private final ClipManifestCache manifests = new ClipManifestCache(ClipManifestCache.DEFAULT_CAPACITY);

    public MediaStore(Database db, Clock clock) {
        this.jdbc = db.jdbc();
        this.clock = clock;
    }

    /** The clips' {@code clip.json} as parsed last, kept while each file is unchanged ({@link #reread} reads them). */
    public ClipManifestCache manifests() {
        return manifests;
    }

    /** Reads {@code clipDirOrManifest}, checks its video exists, and stores (or refreshes) it. */
    public Media register(Path clipDirOrManifest) {
        Path manifestPath = (Files.isDirectory(clipDirOrManifest)
                ? clipDirOrManifest.resolve(ClipManifests.FILE_NAME) : clipDirOrManifest).toAbsolutePath().normalize();
        ClipManifest manifest = ClipManifests.read(manifestPath);
        Path video = ClipManifests.videoOf(manifestPath, manifest);
        RenderedVideo.requireExists(manifestPath, manifest, video);
        String json = toJson(manifest);
        long size = size(video);
        String sha = sha256(video);
        RenderedVideo.requireSame(manifestPath, manifest, video, RenderedVideo.recorded(manifest), sha, size,
                "rendered");
        return jdbc.inTransaction(tx -> {
            int updated = tx.update("UPDATE media SET video_path = ?, clip_id = ?, score = ?, duration_ms = ?,"
                            + " width = ?, height = ?, size_bytes = ?, sha256 = ?, manifest_json = ? WHERE manifest_path = ?",
                    video.toString(), manifest.id(), manifest.score(), Math.round(manifest.durationSeconds() * 1000),
                    manifest.width(), manifest.height(), size, sha, json, manifestPath.toString());
            if (updated == 0) {
                tx.insert("INSERT INTO media (manifest_path, video_path, clip_id, score, duration_ms, width, height,"
                                + " size_bytes, sha256, manifest_json, added_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        manifestPath.toString(), video.toString(), manifest.id(), manifest.score(),
                        Math.round(manifest.durationSeconds() * 1000), manifest.width(), manifest.height(), size,
                        sha, json, clock.instant());
            }
            return tx.query("SELECT * FROM media WHERE manifest_path = ?", MediaStore::map, manifestPath.toString())
                    .get(0);
        });
    }

    /**
     * The clip as it is now, just before an upload: its {@code clip.json} read again (copy and all), and its video
     * checked to still be the file that {@code clip.json} describes (that file as it is now: a clean re-render after
     * queueing is fine), or, where {@code clip.json} records no SHA-256, the file that was queued. The answer carries
     * the video's SHA-256 and size as they are now, and the media row is updated to them. Throws
     * {@link TaglineException} naming the clip and how to fix it.
     */
    public Media current(Media media) {
        ClipManifest manifest = Files.isRegularFile(media.manifestPath())
                ? ClipManifests.read(media.manifestPath()) : media.manifest();
        RenderedVideo.requireExists(media.manifestPath(), manifest, media.videoPath());
        String recorded = RenderedVideo.recorded(manifest);
        String sha = sha256(media.videoPath());
        long size = size(media.videoPath());
        RenderedVideo.requireSame(media.manifestPath(), manifest, media.videoPath(),
                recorded != null ? recorded : media.sha256(), sha, size, recorded != null ? "rendered" : "queued");
        jdbc.update("UPDATE media SET score = ?, duration_ms = ?, width = ?, height = ?, size_bytes = ?, sha256 = ?,"
                        + " manifest_json = ? WHERE id = ?", manifest.score(),
                Math.round(manifest.durationSeconds() * 1000), manifest.width(), manifest.height(), size, sha,
                toJson(manifest), media.id());
        return new Media(media.id(), media.manifestPath(), media.videoPath(), manifest, size, sha);
    }

    /**
     * Reads the {@code clip.json} of a registered clip again (review, copy, score), without hashing its video, for
     * the posts that follow its copy; empty when no clip is registered from {@code manifestPath}. Throws when the
     * file cannot be read. An unchanged file is not parsed again ({@link #manifests}).
     */
    public java.util.Optional<Media> reread(Path manifestPath) {
        Path path = manifestPath.toAbsolutePath().normalize();
        java.util.Optional<Media> known = jdbc.queryOne("SELECT * FROM media WHERE manifest_path = ?",
                rs -> new Media(rs.getLong("id"), path, Path.of(rs.getString("video_path")), null,
                        rs.getLong("size_bytes"), rs.getString("sha256")), path.toString()); // its details: the file's
        if (known.isEmpty()) {
            return known;
        }
        ClipManifestCache.Read read = manifests.read(path);
        ClipManifest manifest = read.manifest();
        if (read.parsed()) {
            refresh(known.get().id(), manifest);
        }
        Media m = known.get();
        return java.util.Optional.of(new Media(m.id(), m.manifestPath(), m.videoPath(), manifest, m.sizeBytes(),
                m.sha256()));
    }

    /** Stores {@code manifest} (review, copy, score), read again from media {@code id}'s {@code clip.json}. */
    public void refresh(long id, ClipManifest manifest) {
        jdbc.update("UPDATE media SET score = ?, duration_ms = ?, width = ?, height = ?, manifest_json = ? WHERE id = ?",
                manifest.score(), Math.round(manifest.durationSeconds() * 1000), manifest.width(), manifest.height(),
                toJson(manifest), id);
    }

    /** Throws {@link UnreadableClipException} when the stored clip details cannot be read. */
    public Media byId(long id) {
        return jdbc.queryOne("SELECT * FROM media WHERE id = ?", MediaStore::map, id)
                .orElseThrow(() -> new TaglineException("No media with id " + id, ""));
    }

    /**
     * Where media {@code id}'s {@code clip.json} is, without reading its stored clip details, so a post whose details
     * are unreadable can still follow, re-read or re-queue its clip.
     */
    public Path manifestPath(long id) {
        return jdbc.queryOne("SELECT manifest_path FROM media WHERE id = ?", rs -> Path.of(rs.getString(1)), id)
                .orElseThrow(() -> new TaglineException("No media with id " + id, ""));
    }

    static Media map(ResultSet rs) throws SQLException {
        return new Media(rs.getLong("id"), Path.of(rs.getString("manifest_path")), Path.of(rs.getString("video_path")),
                StoredManifest.read(rs.getLong("id"), rs.getString("manifest_json")), rs.getLong("size_bytes"),
                rs.getString("sha256"));
    }

    private static String toJson(ClipManifest manifest) {
        try {
            return JSON.writeValueAsString(manifest);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a manifest always serialises", e);
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new TaglineException("Cannot read " + file + ": " + e.getMessage(), "Check permissions.", e);
        }
    }

    static String sha256(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[1 << 16];
            for (int n; (n = in.read(buf)) > 0; ) {
                digest.update(buf, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new TaglineException("Cannot read " + file + ": " + e.getMessage(), "Check permissions.", e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
