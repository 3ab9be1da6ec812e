package dev.tagline.images.check;

import dev.tagline.core.batch.OneTrainerMasks;
import dev.tagline.core.batch.SameStems;
import dev.tagline.images.load.ImageFormat;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The files that belong to an image rather than being images of their own: its sidecars ({@link #SIDECARS} and
 * {@code --sidecar-ext}, by stem) and its OneTrainer masks ({@code STEM-masklabel.png}). They are found by stem, so
 * they belong as much to every other image of that stem in the folder (kohya pairs a sidecar with each): while such a
 * twin stays, they stay with it ({@link #stayingTwin}); dogfood round 7, J1: {@code --quarantine} took
 * {@code obama.txt}, {@code obama.caption} and the mask of the kept {@code obama.jpg} along with the duplicate
 * {@code obama.png}. Not thread-safe.
 */
final class Companions {
    /** Sidecar extensions moved or deleted with their image (captioning.md §8.1, plus kohya latents). */
    static final List<String> SIDECARS = List.of("txt", "caption", "cap", "json", "npz", "tags");

    private final Path root;
    private final List<String> sidecarExtensions;
    private final OneTrainerMasks.Finder masks = new OneTrainerMasks.Finder(ImageFormat.EXTENSIONS);
    private final SameStems.Finder twins = new SameStems.Finder(ImageFormat.EXTENSIONS);

    /** {@code root}: the checked folder, absolute; {@code sidecarExtensions}: {@code --sidecar-ext}, with dots. */
    Companions(Path root, List<String> sidecarExtensions) {
        this.root = root;
        this.sidecarExtensions = List.copyOf(sidecarExtensions);
    }

    /** The files that go where {@code image} goes when no twin stays: its sidecars, then its OneTrainer masks. */
    List<Path> of(Path image) {
        List<Path> all = sidecars(image);
        all.addAll(masks.besides(image));
        return all;
    }

    /**
     * Another image of {@code image}'s stem in its folder that is there now and not among {@code going} (keys of the
     * files this run moves or deletes), or null: while it stays, the companions stay with it.
     */
    Path stayingTwin(Path image, Set<String> going) {
        for (Path twin : twins.besides(image)) {
            if (!going.contains(key(twin))) {
                return twin;
            }
        }
        return null;
    }

    /** The key of {@code file} below the checked folder, {@code /} between folders. */
    String key(Path file) {
        return root.relativize(file).toString().replace(java.io.File.separatorChar, '/');
    }

    /** {@code mask} or {@code sidecar}, as the lines about a companion name it. */
    static String kind(Path companion) {
        String name = companion.getFileName().toString();
        return ImageFormat.EXTENSIONS.contains(name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT))
                ? "mask" : "sidecar";
    }

    /**
     * What a line about {@code image} adds when its companions stay with {@code twin}:
     * {@code " (obama.txt, obama.caption stay with obama.jpg)"}; empty when there are none.
     */
    static String staying(List<Path> companions, Path twin) {
        if (companions.isEmpty()) {
            return "";
        }
        List<String> names = companions.stream().map(p -> p.getFileName().toString()).toList();
        return " (" + String.join(", ", names) + (names.size() == 1 ? " stays" : " stay") + " with "
                + twin.getFileName() + ")";
    }

    /** The sidecars of {@code image}: {@link #SIDECARS}, then the other extensions ({@code --sidecar-ext}). */
    private List<Path> sidecars(Path image) {
        String name = image.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String stem = dot <= 0 ? name : name.substring(0, dot);
        Set<Path> found = new LinkedHashSet<>(); // .tags given again is one file, moved once
        for (String ext : SIDECARS) {
            found.add(image.resolveSibling(stem + "." + ext));
        }
        for (String ext : sidecarExtensions) {
            found.add(image.resolveSibling(stem + ext));
        }
        found.removeIf(p -> !Files.isRegularFile(p));
        return new ArrayList<>(found);
    }
}
