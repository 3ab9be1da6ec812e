package dev.tagline.inference.store;

import dev.tagline.core.text.EditDistance;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The other names users give a catalog model: the id in any case, and the Hugging Face repository id that taggui and
 * Hub users know ({@code SmilingWolf/wd-vit-tagger-v3}, {@code microsoft/Florence-2-base-ft}); and, for a name that
 * is none of these, the nearest id for a "did you mean".
 */
final class CatalogNames {
    private CatalogNames() {
    }

    /** The entry {@code name} stands for, if any. */
    static Optional<ModelEntry> find(Collection<ModelEntry> models, String name) {
        String lower = name.strip().toLowerCase(Locale.ROOT);
        Optional<ModelEntry> byId = byId(models, lower);
        if (byId.isPresent() || !lower.contains("/")) {
            return byId;
        }
        String repoName = lower.substring(lower.lastIndexOf('/') + 1);
        return byId(models, repoName)
                .or(() -> shortest(models.stream().filter(e -> repo(e).equals(lower)).toList()))
                .or(() -> shortest(models.stream().filter(e -> repo(e).endsWith("/" + repoName)).toList()));
    }

    /**
     * The id nearest to {@code name}: one that has every dash-separated part of it, in order ({@code wd-vit-v3} →
     * {@code wd-vit-tagger-v3}), else one within a few typing slips; the fewest edits win.
     */
    static Optional<String> nearest(Collection<ModelEntry> models, String name) {
        String lower = name.strip().toLowerCase(Locale.ROOT);
        String wanted = lower.substring(lower.lastIndexOf('/') + 1);
        Comparator<String> closest = Comparator.comparingInt(id -> EditDistance.between(wanted, id));
        List<String> ids = models.stream().map(ModelEntry::id).toList();
        Optional<String> byParts = ids.stream().filter(id -> hasParts(id, wanted)).min(closest);
        return byParts.or(() -> ids.stream()
                .filter(id -> EditDistance.between(wanted, id) <= Math.max(2, wanted.length() / 4)).min(closest));
    }

    private static boolean hasParts(String id, String wanted) {
        List<String> parts = Arrays.asList(id.split("-"));
        int at = 0;
        for (String part : wanted.split("-")) {
            int found = parts.subList(at, parts.size()).indexOf(part);
            if (part.isEmpty() || found < 0) {
                return false;
            }
            at += found + 1;
        }
        return true;
    }

    private static Optional<ModelEntry> byId(Collection<ModelEntry> models, String lowerId) {
        return models.stream().filter(e -> e.id().equals(lowerId)).findFirst();
    }

    /** Of several entries of one repository (Florence-2's precisions), the plain one: the shortest id. */
    private static Optional<ModelEntry> shortest(List<ModelEntry> entries) {
        return entries.stream().min(Comparator.comparingInt(e -> e.id().length()));
    }

    private static String repo(ModelEntry entry) {
        return entry.files().get(0).hubSource().map(h -> h.repo().toLowerCase(Locale.ROOT)).orElse("");
    }
}
