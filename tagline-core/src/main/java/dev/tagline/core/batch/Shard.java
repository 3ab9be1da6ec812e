package dev.tagline.core.batch;

import dev.tagline.core.TaglineException;

/**
 * One of {@code count} disjoint parts of a folder, numbered from 1, so that machines can split a dataset without
 * talking to each other. An item belongs to the shard chosen by a hash of its key (its relative path), which depends
 * on nothing else: the split is the same on every machine and does not move when files are added.
 */
public record Shard(int index, int count) {
    public static final Shard ALL = new Shard(1, 1);

    public Shard {
        if (count < 1 || index < 1 || index > count) {
            throw new TaglineException("Invalid shard " + index + "/" + count,
                    "Write --shard i/n with 1 <= i <= n, e.g. --shard 2/4.");
        }
    }

    /** Parses {@code "i/n"}. */
    public static Shard parse(String text) {
        String[] parts = text.strip().split("/");
        try {
            if (parts.length == 2) {
                return new Shard(Integer.parseInt(parts[0].strip()), Integer.parseInt(parts[1].strip()));
            }
        } catch (NumberFormatException e) {
            // falls through to the message below, which names the expected form
        }
        throw new TaglineException("Invalid shard '" + text + "'", "Write --shard i/n, e.g. --shard 2/4.");
    }

    public boolean contains(String key) {
        return count == 1 || Math.floorMod(KeyHash.of(key), count) == index - 1;
    }

    @Override
    public String toString() {
        return index + "/" + count;
    }
}
