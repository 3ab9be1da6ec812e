package dev.tagline.inference.store;

import dev.tagline.core.process.ProcessRunner;
import dev.tagline.core.progress.Progress;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

/** Builds stores over a temporary folder with a hand-written catalog. */
final class StoreFixture {
    final Path models;
    final Path hfCache;
    /** The waits the store's backoff asked for; nothing really sleeps. */
    final List<Duration> sleeps = new java.util.concurrent.CopyOnWriteArrayList<>();
    /** How long a download may receive nothing before it is resumed. */
    Duration stallTimeout = StoreConfig.DEFAULT_STALL_TIMEOUT;

    StoreFixture(Path root) {
        this.models = root.resolve("tagline-home").resolve("models");
        this.hfCache = root.resolve("hf").resolve("hub");
    }

    StoreConfig config(String endpoint, String token, boolean offline) {
        return new StoreConfig(models, hfCache, java.net.URI.create(endpoint), token, offline, Duration.ofSeconds(10),
                stallTimeout, Progress.Factory.NONE);
    }

    ModelStore store(String catalogJson, StoreConfig config) {
        return new ModelStore(catalog(catalogJson), config, new ProcessRunner(), "npm", backoff());
    }

    /** Records each wait in {@link #sleeps} instead of sleeping; jitter is random, the clock the real one. */
    Backoff backoff() {
        return new Backoff(sleeps::add, () -> new Random().nextDouble(), java.time.Clock.systemUTC());
    }

    static Catalog catalog(String json) {
        return Catalog.parse(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "test catalog");
    }

    /** A one-model catalog whose single file comes from a Hub repo; {@code sha256} may be null. */
    static String hubCatalog(String id, String repo, String file, String sha256) {
        return "{\"models\": [{\"id\": \"" + id + "\", \"task\": \"test\", \"files\": [{\"name\": \"" + file + "\""
                + (sha256 == null ? "" : ", \"sha256\": \"" + sha256 + "\"")
                + ", \"sources\": [{\"type\": \"hf\", \"repo\": \"" + repo + "\", \"path\": \"" + file + "\"}]}]}]}";
    }

    static byte[] randomBytes(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every file below {@code dir} (hidden ones included), relative, sorted; empty when it does not exist. */
    static List<String> filesUnder(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString()).sorted().toList();
        }
    }
}
