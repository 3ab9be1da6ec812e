package dev.tagline.core.batch;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * Pairs of files found among keys listed other than by a walk ({@code sub/a.png}, {@code /} between folders), the way
 * {@link FolderScan} finds them among a folder's sorted names: {@link SameStems} and {@link OneTrainerMasks}.
 */
final class FolderKeys {
    /** The partner of the {@code i}-th of a folder's {@code count} sorted names, or null. */
    @FunctionalInterface
    interface Partner {
        String of(IntFunction<String> nameAt, int count, int i);
    }

    private FolderKeys() {
    }

    /** Each key of a file that is not hidden and has a partner in its folder, mapped to the partner's key. */
    static Map<String, String> pairs(Collection<String> keys, Partner partner) {
        Map<String, List<String>> folders = new HashMap<>();
        for (String key : keys) {
            int slash = key.lastIndexOf('/');
            folders.computeIfAbsent(key.substring(0, slash + 1), f -> new ArrayList<>()).add(key.substring(slash + 1));
        }
        Map<String, String> out = new HashMap<>();
        folders.forEach((folder, names) -> {
            names.sort(null);
            for (int i = 0; i < names.size(); i++) {
                String other = names.get(i).startsWith(".") ? null : partner.of(names::get, names.size(), i);
                if (other != null) {
                    out.put(folder + names.get(i), folder + other);
                }
            }
        });
        return out;
    }
}
