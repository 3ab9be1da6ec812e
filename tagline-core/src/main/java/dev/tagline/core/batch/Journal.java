package dev.tagline.core.batch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tagline.core.TaglineException;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;

/**
 * The append-only record of finished items under {@code DIR/.tagline/}. Items are appended a chunk at a time, closed
 * by an end line carrying the chunk's length and CRC, and forced to disk; a reader trusts only closed chunks, so a
 * power cut mid-write loses at most the chunk being written. The file name holds a fingerprint of the job's settings
 * and model: changed settings start a fresh journal instead of skipping work done under other settings.
 * Not thread-safe: one writer thread owns an open journal.
 */
public final class Journal implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SUFFIX = ".journal";

    private final Path file;
    private final FileChannel channel;

    /**
     * One finished item: its key, the version of the file it was done on ({@link ScanEntry#version()}), and the job's
     * record of the result (one line of text, often JSON).
     */
    public record Entry(String key, String version, String record) {
    }

    /** Receives committed entries in journal order; for a key done more than once, only its latest entry. */
    @FunctionalInterface
    public interface Replay {
        void entry(Entry entry);
    }

    private Journal(Path file, FileChannel channel) {
        this.file = file;
        this.channel = channel;
    }

    /** The journal file of {@code job} with these settings on this shard of {@code root}. */
    public static Path file(Path root, String job, String fingerprint, Shard shard) {
        return fileIn(root.resolve(ScanOptions.STATE_DIR), job, fingerprint, shard);
    }

    /** As {@link #file}, in the state folder {@code stateDir} (a dataset's {@code .tagline/}, or one elsewhere). */
    public static Path fileIn(Path stateDir, String job, String fingerprint, Shard shard) {
        String digest = HexFormat.of().formatHex(KeyHash.sha256((job + "\n" + fingerprint)
                .getBytes(StandardCharsets.UTF_8))).substring(0, 16);
        String part = shard.count() == 1 ? "" : "-shard-" + shard.index() + "-of-" + shard.count();
        return stateDir.resolve(job + "-" + digest + part + SUFFIX);
    }

    /**
     * Replays the committed entries of {@code file} (none when it does not exist), the latest one per key (a file
     * changed since an earlier run is journaled again), and returns the length of the file's valid prefix.
     */
    public static long replay(Path file, Replay replay) {
        if (!Files.exists(file)) {
            return 0;
        }
        KeyHash seen = new KeyHash();
        Map<Long, Long> lastOfRepeated = new HashMap<>();
        long[] index = {0};
        long valid = committed(file, e -> {
            long h = KeyHash.of(e.key());
            if (seen.contains(h)) {
                lastOfRepeated.put(h, index[0]);
            } else {
                seen.add(h);
            }
            index[0]++;
        });
        index[0] = 0;
        committed(file, e -> {
            Long last = lastOfRepeated.isEmpty() ? null : lastOfRepeated.get(KeyHash.of(e.key()));
            if (last == null || last == index[0]) {
                replay.entry(e);
            }
            index[0]++;
        });
        return valid;
    }

    /** Every entry of every closed chunk, in order; returns the length of the valid prefix. */
    private static long committed(Path file, Replay out) {
        List<Entry> pending = new ArrayList<>();
        CRC32 crc = new CRC32();
        long offset = 0;
        long valid = 0;
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            while ((line = in.readLine()) != null) {
                offset += line.getBytes(StandardCharsets.UTF_8).length + 1;
                JsonNode node = parse(line);
                if (node == null) {
                    break;
                } else if (node.has("k")) {
                    pending.add(new Entry(node.get("k").asText(), node.path("v").asText(), node.path("r").asText()));
                    crc.update((line + "\n").getBytes(StandardCharsets.UTF_8));
                } else if (node.has("end")) {
                    if (node.get("end").asInt() != pending.size() || node.get("crc").asLong() != crc.getValue()) {
                        break;
                    }
                    pending.forEach(out::entry);
                    pending.clear();
                    crc.reset();
                    valid = offset;
                } else if (pending.isEmpty()) {
                    valid = offset;
                }
            }
        } catch (IOException e) {
            throw new TaglineException("Cannot read the journal " + file + ": " + e.getMessage(),
                    "Check the file's permissions, or run again with --restart to start over.", e);
        }
        return valid;
    }

    private static JsonNode parse(String line) {
        try {
            JsonNode node = JSON.readTree(line);
            return node != null && node.isObject() ? node : null;
        } catch (IOException e) {
            return null; // a torn last line after a crash: everything from here on is not committed
        }
    }

    /**
     * Opens {@code file} for appending after replaying it: a torn tail from a crash is cut off first, and a new file
     * starts with a header naming the job and its settings.
     */
    public static Journal open(Path file, String job, String fingerprint, Replay replay) {
        try {
            Files.createDirectories(file.getParent());
            long valid = replay(file, replay);
            FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            channel.truncate(valid);
            channel.position(valid);
            Journal journal = new Journal(file, channel);
            if (valid == 0) {
                ObjectNode header = JSON.createObjectNode().put("journal", 1).put("job", job)
                        .put("settings", fingerprint);
                journal.write(header.toString() + "\n");
                channel.force(true);
                forceDirectory(file.getParent());
            }
            return journal;
        } catch (IOException e) {
            throw new TaglineException("Cannot open the journal " + file + ": " + e.getMessage(),
                    "Tagline keeps its progress in " + file.getParent() + "; make that folder writable.", e);
        }
    }

    /** Makes a new file's directory entry durable too (Linux); where directories cannot be opened, nothing to do. */
    private static void forceDirectory(Path dir) {
        try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
            d.force(true);
        } catch (IOException e) {
            org.slf4j.LoggerFactory.getLogger(Journal.class)
                    .debug("cannot fsync {}; this platform does not open directories", dir, e);
        }
    }

    /** Appends one chunk and forces it to disk; when this returns, the chunk survives a crash. */
    public void append(List<Entry> chunk) {
        StringBuilder sb = new StringBuilder();
        CRC32 crc = new CRC32();
        for (Entry e : chunk) {
            String line = JSON.createObjectNode().put("k", e.key()).put("v", e.version()).put("r", e.record())
                    .toString() + "\n";
            crc.update(line.getBytes(StandardCharsets.UTF_8));
            sb.append(line);
        }
        sb.append(JSON.createObjectNode().put("end", chunk.size()).put("crc", crc.getValue())).append('\n');
        try {
            write(sb.toString());
            channel.force(false);
        } catch (IOException e) {
            throw new TaglineException("Cannot write the journal " + file + ": " + e.getMessage(),
                    "Free some disk space or fix the permissions of " + file.getParent()
                            + ", then run again: finished chunks are kept.", e);
        }
    }

    private void write(String text) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
    }

    /** Deletes every journal of {@code job} under {@code root} (all settings, all shards): {@code --restart}. */
    public static void forget(Path root, String job) {
        forgetIn(root.resolve(ScanOptions.STATE_DIR), job);
    }

    /** As {@link #forget}, in the state folder {@code dir}. */
    public static void forgetIn(Path dir, String job) {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, job + "-*" + SUFFIX)) {
            for (Path f : files) {
                Files.delete(f);
            }
        } catch (IOException e) {
            throw new TaglineException("Cannot remove the journals of '" + job + "' in " + dir + ": "
                    + e.getMessage(), "Delete them by hand or fix the folder's permissions.", e);
        }
    }

    public Path file() {
        return file;
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            throw new TaglineException("Cannot close the journal " + file + ": " + e.getMessage(), "", e);
        }
    }
}
