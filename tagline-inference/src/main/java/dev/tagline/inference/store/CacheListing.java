package dev.tagline.inference.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * What local disk holds of each catalog model, for {@code tagline models list}: Tagline's cache, else an existing
 * Hugging Face cache; a file copied in by hand for an entry that pins no hash counts as unverified. Reads sizes and
 * hash records only; hashes nothing and links nothing.
 */
final class CacheListing {
    private final CacheLayout layout;
    private final HfCacheSource hfCache;

    CacheListing(CacheLayout layout, HfCacheSource hfCache) {
        this.layout = layout;
        this.hfCache = hfCache;
    }

    List<ModelStatus> list(Collection<ModelEntry> models) {
        List<ModelStatus> result = new ArrayList<>();
        for (ModelEntry entry : models) {
            int local = 0;
            int inHfCache = 0;
            boolean unverified = false;
            long bytes = 0;
            for (ModelFile file : entry.files()) {
                Path path = layout.file(entry.id(), file.name());
                if (Files.isRegularFile(path)) {
                    local++;
                    unverified |= file.pinnedSha256().isEmpty()
                            && Files.notExists(layout.shaRecord(entry.id(), file.name()));
                } else {
                    Optional<Path> hf = file.hubSource().flatMap(hfCache::present);
                    path = hf.orElse(null);
                    inHfCache += hf.isPresent() ? 1 : 0;
                }
                bytes += path == null ? 0 : sizeOf(path);
            }
            result.add(new ModelStatus(entry, state(entry.files().size(), local, inHfCache, unverified), bytes,
                    layout.modelDir(entry.id())));
        }
        return result;
    }

    private static ModelStatus.State state(int files, int local, int inHfCache, boolean unverified) {
        if (local + inHfCache < files) {
            return local + inHfCache == 0 ? ModelStatus.State.MISSING : ModelStatus.State.PARTIAL;
        }
        return unverified ? ModelStatus.State.UNVERIFIED
                : inHfCache > 0 ? ModelStatus.State.READY_HF_CACHE : ModelStatus.State.READY;
    }

    private static long sizeOf(Path path) {
        try {
            return Files.size(path);
        } catch (IOException e) {
            return 0; // vanished or unreadable while listing: counted as no bytes
        }
    }
}
