package dev.tagline.images.tag;

import dev.tagline.core.TaglineException;
import dev.tagline.inference.BuiltinModels;
import dev.tagline.inference.faces.FaceSettings;
import dev.tagline.inference.onnx.OnnxSessions;
import dev.tagline.inference.onnx.SessionConfig;
import dev.tagline.inference.store.ModelEntry;
import dev.tagline.inference.store.ModelStore;
import dev.tagline.inference.store.ResolvedModel;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalDouble;

/**
 * Opens taggers by id: {@code quality} (built in), or any model the store resolves, a catalog id or
 * {@code --model-path DIR}. The kind follows from the files: {@code selected_tags.csv} makes a WD tagger,
 * {@code tags.txt} a RAM++ tagger; the input size and batch come from the model itself.
 */
public final class Taggers {
    /** The built-in tagger and the default of {@code tagline tag}. */
    public static final String QUALITY = "quality";

    /**
     * @param batchSize    most images per model call (models with a fixed batch use theirs)
     * @param ramThreshold one RAM++ threshold for every class, instead of its thresholds file
     */
    public record Options(int batchSize, OptionalDouble ramThreshold, QualitySettings quality) {
        public Options {
            if (batchSize < 1) {
                throw new TaglineException("--batch must be at least 1, got " + batchSize, "The default is 8.");
            }
        }
    }

    private final ModelStore store;
    private final OnnxSessions sessions;
    private final SessionConfig config;
    private final Options options;

    public Taggers(ModelStore store, OnnxSessions sessions, SessionConfig config, Options options) {
        this.store = store;
        this.sessions = sessions;
        this.config = config;
        this.options = options;
    }

    /**
     * The tagger {@code name}: a catalog id, in any case, or a model's Hugging Face repository id; {@code modelPath}
     * (may be null) replaces the store's lookup. The caller closes it.
     */
    public ImageTagger open(String name, Path modelPath) {
        if (name.equals(QUALITY)) {
            return quality();
        }
        String id = store.catalog().find(name).map(ModelEntry::id).orElse(name); // SmilingWolf/wd-vit-tagger-v3
        ResolvedModel model = store.resolve(id, modelPath);
        String revision = revision(model, modelPath);
        if (model.files().containsKey("selected_tags.csv")) {
            return WdTagger.open(id, revision, sessions.load(model.file("model.onnx"), config),
                    model.file("selected_tags.csv"), options.batchSize());
        }
        if (model.files().containsKey("tags.txt")) {
            return RamTagger.open(id, revision, sessions.load(model.file("model.onnx"), config), model.file("tags.txt"),
                    model.dir().resolve("thresholds.txt"), options.ramThreshold(), options.batchSize());
        }
        throw new TaglineException("Model " + id + " (" + model.dir() + ") is not a tagger Tagline knows: it has "
                + String.join(", ", model.files().keySet()), "A WD tagger folder holds model.onnx and"
                + " selected_tags.csv; a RAM++ folder model.onnx, tags.txt and thresholds.txt.");
    }

    /** The quality tagger on the built-in face and text models; their sessions belong to {@code sessions}. */
    private ImageTagger quality() {
        BuiltinModels models = BuiltinModels.open(store, sessions, config);
        return new QualityTagger(models.faces(FaceSettings.DEFAULTS),
                models.textReader(options.quality().ocrSettings()), options.quality());
    }

    /**
     * What ran, for the log and the journal: the Hub repository and revision with the model file's recorded SHA-256,
     * or the folder given and the file's size and time.
     */
    private String revision(ResolvedModel model, Path modelPath) {
        Path onnx = model.file("model.onnx");
        String where = modelPath != null ? model.dir().toString() : store.catalog().find(model.id())
                .flatMap(e -> hubSource(e)).orElse(model.dir().toString());
        try {
            Path record = onnx.resolveSibling("." + onnx.getFileName() + ".sha256");
            if (Files.isRegularFile(record)) {
                return where + ", sha256 " + Files.readString(record, StandardCharsets.US_ASCII).strip()
                        .substring(0, 12);
            }
            Path unverified = onnx.resolveSibling("." + onnx.getFileName() + ".unverified");
            if (modelPath == null && Files.isRegularFile(unverified)) {
                return where + ", unverified copy (copied by hand; no pinned hash), sha256 "
                        + Files.readString(unverified, StandardCharsets.US_ASCII).strip().substring(0, 12);
            }
            return where + ", " + Files.size(onnx) + " bytes, modified " + Files.getLastModifiedTime(onnx);
        } catch (IOException | StringIndexOutOfBoundsException e) {
            return where;
        }
    }

    private static java.util.Optional<String> hubSource(ModelEntry entry) {
        return entry.file("model.onnx").flatMap(f -> f.hubSource()).map(h -> h.repo() + "@" + h.revision());
    }
}
