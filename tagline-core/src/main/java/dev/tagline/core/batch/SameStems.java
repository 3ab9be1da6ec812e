package dev.tagline.core.batch;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntFunction;

/**
 * The supported files of one folder that share a stem ({@code a.b} of {@code a.b.jpg}) with another: both are marked
 * ({@link ScanEntry#sameStemAs}), each with another's name (the first of them, or for the first the next), so that
 * neither writes the sidecar they would share. The first in name order is not the owner of a sidecar already there
 * (same.png tagged before same.jpg was added): writing it would destroy the other's text. {@link FolderScan} asks
 * {@link #other} over the sorted listing it holds anyway (names with the stem {@code s} all start with {@code s.}, so
 * they sit in one run of it: no memory of its own; a map of the listing took 100,000 files past ScanHeapIT's
 * 256 MiB); a run that lists files another way (Spark's file index) uses {@link #of}.
 */
public final class SameStems {
    private SameStems() {
    }

    /**
     * The name of another supported file with the stem of name {@code i}, or null; {@code nameAt} gives the
     * {@code count} names of one folder sorted by {@link String#compareTo}, {@code extensions} the supported ones
     * (lower case, without the dot).
     */
    static String other(IntFunction<String> nameAt, int count, int i, Set<String> extensions) {
        String stem = stem(nameAt.apply(i));
        String prefix = stem + ".";
        String first = null;
        for (int j = i - 1; j >= 0 && nameAt.apply(j).startsWith(prefix); j--) {
            if (sameStem(nameAt.apply(j), stem, extensions)) {
                first = nameAt.apply(j); // the earliest wins: keep looking back
            }
        }
        for (int j = i + 1; first == null && j < count && nameAt.apply(j).startsWith(prefix); j++) {
            if (sameStem(nameAt.apply(j), stem, extensions)) {
                first = nameAt.apply(j);
            }
        }
        return first;
    }

    /**
     * For files listed other than by a walk: each key ({@code sub/same.png}, {@code /} between folders) of a supported
     * file whose folder holds another supported file with its stem, mapped to that file's key as
     * {@link FolderScan} would mark it; keys of other files are absent.
     */
    public static Map<String, String> of(Collection<String> keys, Set<String> extensions) {
        Map<String, List<String>> folders = new HashMap<>();
        for (String key : keys) {
            int slash = key.lastIndexOf('/');
            folders.computeIfAbsent(key.substring(0, slash + 1), f -> new ArrayList<>()).add(key.substring(slash + 1));
        }
        Map<String, String> out = new HashMap<>();
        folders.forEach((folder, names) -> {
            names.sort(null);
            for (int i = 0; i < names.size(); i++) {
                if (!names.get(i).startsWith(".") && extensions.contains(FolderScan.extension(names.get(i)))) {
                    String other = other(names::get, names.size(), i, extensions);
                    if (other != null) {
                        out.put(folder + names.get(i), folder + other);
                    }
                }
            }
        });
        return out;
    }

    private static boolean sameStem(String name, String stem, Set<String> extensions) {
        return !name.startsWith(".") && stem(name).equals(stem) && extensions.contains(FolderScan.extension(name));
    }

    private static String stem(String name) {
        int dot = name.lastIndexOf('.');
        return dot <= 0 ? name : name.substring(0, dot);
    }
}
