package dev.tagline.images.caption.florence;

import dev.tagline.images.caption.Caption;
import dev.tagline.images.caption.CaptionInput;
import dev.tagline.images.caption.CaptionRequest;
import dev.tagline.images.caption.Captioner;
import dev.tagline.images.caption.GenerationSettings;
import dev.tagline.inference.onnx.OnnxModel;
import dev.tagline.inference.onnx.OnnxSessions;
import dev.tagline.inference.onnx.SessionConfig;
import dev.tagline.inference.store.HfRepoFolder;
import dev.tagline.inference.store.ModelStore;
import dev.tagline.inference.store.ResolvedModel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Florence-2 in process on ONNX Runtime (reference/captioning.md §4): the onnx-community exports of base, large and
 * their -ft fine-tunes, in any precision the export ships. {@link #prepare} squashes and normalises the image (worker
 * threads); {@link #captionPrepared} encodes image and task prompt once, then generates with the decoder's key/value
 * cache, by beam search ({@link GenerationSettings#beams()} &gt; 1, default 3 with no-repeat n-gram 3 as the model's
 * generation_config.json) or greedily. Up to {@value #MAX_BATCH} images share each decoder call, each with its own
 * search. Longer than the usual class: loading, the registry-facing factory and the batch loop belong together.
 * Generation settings used: max tokens, beams, repetition penalty, no-repeat n-gram; temperature and top-p are not
 * (Florence-2 is run deterministically, as its reference does).
 */
public final class Florence2Captioner implements Captioner {
    /**
     * Images per decoder batch: each brings {@code beams} rows, its encoder states and its cache, so memory grows with
     * it; 4 keeps a large model with 3 beams well under a few GB of activations.
     */
    static final int MAX_BATCH = 4;
    private final String id;
    private final String revision;
    private final FlorenceFiles files;
    private final FlorenceGraphs graphs;
    private final FlorenceTokenizer tokenizer;
    private final FlorenceConfig config;
    private final String memory;

    private Florence2Captioner(String id, String revision, FlorenceFiles files, FlorenceGraphs graphs,
            FlorenceTokenizer tokenizer, FlorenceConfig config, String memory) {
        this.id = id;
        this.revision = revision;
        this.files = files;
        this.graphs = graphs;
        this.tokenizer = tokenizer;
        this.config = config;
        this.memory = memory;
    }

    /**
     * Florence-2 {@code id} ({@code florence-2-base}, {@code florence-2-large-ft} …) in {@code precision}
     * ({@code fp32} when blank; see {@link FlorencePrecision}). With {@code modelPath} (may be null) the graphs are
     * read from that folder, laid out as the Hub repository or flat; without it the store resolves the catalog entry
     * of that precision ({@code florence-2-base-q4}), fetching it when needed. Sessions belong to {@code sessions}.
     */
    public static Florence2Captioner open(ModelStore store, OnnxSessions sessions, SessionConfig sessionConfig,
            String id, Path modelPath, String precision) {
        FlorencePrecision p = precisionOf(id, precision);
        FlorenceFiles files;
        String revision;
        if (modelPath != null) {
            Path folder = HfRepoFolder.snapshotOf(modelPath);
            files = FlorenceFiles.inFolder(folder, p);
            revision = folder.toAbsolutePath().normalize().toString();
        } else {
            String catalogId = catalogId(id, p);
            ResolvedModel model = store.resolve(catalogId, null);
            files = FlorenceFiles.of(model.files(), model.dir(), p);
            revision = store.catalog().find(catalogId).flatMap(e -> e.file("tokenizer.json"))
                    .flatMap(f -> f.hubSource()).map(h -> h.repo() + "@" + h.revision())
                    .orElse(model.dir().toString());
        }
        return open(id, revision, files, sessions, sessionConfig);
    }

    /** Florence-2 from the export in {@code dir} (as {@code --model-path}); for tests and tools. */
    public static Florence2Captioner open(String id, Path dir, String precision, OnnxSessions sessions,
            SessionConfig sessionConfig) {
        return open(id, dir.toString(), FlorenceFiles.inFolder(dir, precisionOf(id, precision)), sessions,
                sessionConfig);
    }

    private static Florence2Captioner open(String id, String revision, FlorenceFiles files, OnnxSessions sessions,
            SessionConfig sessionConfig) {
        FlorenceConfig config = FlorenceConfig.read(files.generationConfig(), files.modelConfig(),
                files.preprocessorConfig());
        long before = ResidentMemory.bytes();
        List<OnnxModel> models = new ArrayList<>();
        for (Path graph : files.graphs()) {
            models.add(sessions.load(graph, sessionConfig));
        }
        FlorenceGraphs graphs = new FlorenceGraphs(models.get(0), models.get(1), models.get(2), models.get(3),
                config);
        FlorenceTokenizer tokenizer = FlorenceTokenizer.open(files.tokenizer());
        long after = ResidentMemory.bytes();
        String memory = "graphs " + ResidentMemory.text(files.graphBytes()) + " on disk"
                + (before > 0 && after > 0 ? ", resident +" + ResidentMemory.text(Math.max(0, after - before))
                + " after loading" : "");
        return new Florence2Captioner(id, revision, files, graphs, tokenizer, config, memory);
    }

    /** The precision asked for, else the one the id names ({@code florence-2-base-q4}), else fp32. */
    static FlorencePrecision precisionOf(String id, String precision) {
        if (precision != null && !precision.isBlank()) {
            return FlorencePrecision.parse(precision);
        }
        for (FlorencePrecision p : FlorencePrecision.values()) {
            if (p != FlorencePrecision.FP32 && id.toLowerCase(Locale.ROOT).endsWith("-" + p.flag())) {
                return p;
            }
        }
        return FlorencePrecision.FP32;
    }

    /** The catalog entry of {@code id} in {@code precision}: {@code florence-2-base} is fp32, others get a suffix. */
    static String catalogId(String id, FlorencePrecision precision) {
        String base = id;
        for (FlorencePrecision p : FlorencePrecision.values()) {
            if (p != FlorencePrecision.FP32 && base.toLowerCase(Locale.ROOT).endsWith("-" + p.flag())) {
                base = base.substring(0, base.length() - p.flag().length() - 1);
            }
        }
        return precision == FlorencePrecision.FP32 ? base : base + "-" + precision.flag();
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String revision() {
        return revision + " " + files.precision().flag();
    }

    @Override
    public String describe() {
        return id + " (" + revision + "), " + files.precision().flag() + " on " + graphs.decoder.provider() + ": "
                + memory + "; decoder " + graphs.layers + " layers x " + graphs.heads + " heads of " + graphs.headDim;
    }

    @Override
    public Prepared prepare(CaptionInput input) {
        return new Prepared(input, FlorenceImages.tensor(input.image(), config));
    }

    @Override
    public int maxBatch() {
        return MAX_BATCH;
    }

    @Override
    public List<Caption> captionPrepared(List<Prepared> batch, CaptionRequest request) {
        List<Caption> out = new ArrayList<>(batch.size());
        for (int from = 0; from < batch.size(); from += MAX_BATCH) {
            List<Prepared> part = batch.subList(from, Math.min(batch.size(), from + MAX_BATCH));
            out.addAll(caption(part.stream().map(p -> (float[]) p.payload()).toList(),
                    part.stream().map(p -> request.promptFor(p.input())).toList(), request.generation()));
        }
        return out;
    }

    /** One image, already preprocessed, with the rendered prompt. */
    Caption caption(float[] pixels, String prompt, GenerationSettings settings) {
        return caption(List.of(pixels), List.of(prompt), settings).get(0);
    }

    /**
     * Images side by side in one decoder batch, each with its own search; an image whose search has ended rides along
     * on a pad token until the last one ends (its rows' logits are ignored).
     */
    List<Caption> caption(List<float[]> pixels, List<String> prompts, GenerationSettings settings) {
        List<long[]> promptIds = prompts.stream().map(p -> tokenizer.encode(FlorenceTasks.promptText(p))).toList();
        int per = settings.beams();
        try (FlorenceGraphs.Encoded encoded = graphs.encode(pixels, config.imageHeight(), config.imageWidth(),
                promptIds);
             DecoderRun run = graphs.decoderRun(encoded, per)) {
            List<BeamSearch.Search> searches = new ArrayList<>();
            for (int i = 0; i < pixels.size(); i++) {
                searches.add(BeamSearch.start(searchSettings(settings)));
            }
            BeamSearch.runAll(run, searches, per, config.pad());
            List<Caption> captions = new ArrayList<>();
            for (int i = 0; i < searches.size(); i++) {
                BeamSearch.Generated generated = searches.get(i).result();
                String text = FlorenceTokenizer.clean(tokenizer.decode(generated.ids()));
                captions.add(new Caption(text, promptIds.get(i).length, generated.newTokens(),
                        generated.hitLimit() ? "length" : "stop"));
            }
            return captions;
        }
    }

    BeamSearch.Settings searchSettings(GenerationSettings g) {
        return new BeamSearch.Settings(g.beams(), g.maxTokens(), config.decoderStart(), config.eos(),
                config.lengthPenalty(), config.earlyStopping(), new LogitsRules(g.repetitionPenalty(),
                g.noRepeatNgram(), config.forcedBos(), config.forcedEos(), g.maxTokens() + 1));
    }

    /** For tests: the graphs and tokenizer. */
    FlorenceGraphs graphs() {
        return graphs;
    }

    FlorenceTokenizer tokenizer() {
        return tokenizer;
    }

    FlorenceConfig config() {
        return config;
    }

    @Override
    public void close() {
        tokenizer.close();
    }
}
