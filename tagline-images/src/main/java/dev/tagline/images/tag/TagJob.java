package dev.tagline.images.tag;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tagline.core.batch.BatchJob;
import dev.tagline.core.batch.OneTrainerMasks;
import dev.tagline.core.batch.ScanEntry;
import dev.tagline.images.load.ImageLoader;
import dev.tagline.images.sidecar.SidecarWriter;
import dev.tagline.inference.onnx.ThreadPriority;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code tagline tag} as a batch job: workers load each image (the loader {@code check} verifies with) and run every
 * tagger's {@link ImageTagger#prepare}; the model thread runs each tagger on the batch; the writer applies the
 * {@link TagRules}, writes the sidecar under its policy, journals the tags and counts them for the frequency report.
 * Files that are not images, OneTrainer masks beside their images, and images whose sidecar {@code --existing skip}
 * would keep, are passed over before decoding (journaled as skipped, as {@code caption} does), not failed.
 */
public final class TagJob implements BatchJob<TagJob.Item, TagJob.Result> {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Why a file is passed over: not an image. */
    public static final String NOT_AN_IMAGE = "not an image";
    /** Why a file is passed over: its sidecar exists and {@code --existing skip} keeps it. */
    public static final String SIDECAR_EXISTS = "sidecar exists";

    /** One prepared image: per tagger, what its {@code prepare} made; null (and why) for a file passed over. */
    public record Item(List<ImageTagger.Prepared> prepared, String skipped) {
    }

    /** Per tagger, the tags of one image; null (and why) for a file passed over. */
    public record Result(List<ScoredTags> perTagger, String skipped) {
    }

    private final ImageLoader loader;
    private final List<ImageTagger> taggers;
    private final TagRules rules;
    private final SidecarWriter writer;
    private final int batchSize;
    private final String fingerprint;
    private final int workerNice;
    private final TagFrequency frequency = new TagFrequency();
    private final boolean passOverKept;
    private long kept;

    /** A job whose workers run at the lowest priority ({@link ThreadPriority#LOWEST}). */
    public TagJob(ImageLoader loader, List<ImageTagger> taggers, TagRules rules, SidecarWriter writer, int batchSize,
                  String identity) {
        this(loader, taggers, rules, writer, batchSize, identity, ThreadPriority.LOWEST);
    }

    /**
     * @param identity what identifies the models and sidecar settings (ids, revisions, extension, policy)
     * @param workerNice the nice value (0–19) of the threads that load and prepare images: 19 lets the model's own
     *     threads take a core back at once (see {@link ThreadPriority}); 0 shares the CPU evenly with other programs
     */
    public TagJob(ImageLoader loader, List<ImageTagger> taggers, TagRules rules, SidecarWriter writer, int batchSize,
                  String identity, int workerNice) {
        this(loader, taggers, rules, writer, batchSize, identity, workerNice, true);
    }

    /**
     * As above; {@code passOverKept} false tags an image even when its sidecar exists under {@code --existing skip},
     * for a runner that keeps the tags elsewhere too (Spark's table, whose retried tasks find their own sidecars).
     */
    public TagJob(ImageLoader loader, List<ImageTagger> taggers, TagRules rules, SidecarWriter writer, int batchSize,
                  String identity, int workerNice, boolean passOverKept) {
        this.passOverKept = passOverKept;
        this.workerNice = ThreadPriority.requireNice(workerNice);
        this.loader = loader;
        this.taggers = List.copyOf(taggers);
        this.rules = rules;
        this.writer = writer;
        this.batchSize = batchSize;
        this.fingerprint = "tag v1; " + identity + "; " + rules;
    }

    @Override
    public String name() {
        return "tag";
    }

    @Override
    public String fingerprint() {
        return fingerprint;
    }

    @Override
    public int batchSize() {
        return batchSize;
    }

    public TagFrequency frequency() {
        return frequency;
    }

    /** Images of this run passed over because their sidecar exists ({@code --existing skip}); writer thread. */
    public long sidecarsKept() {
        return kept;
    }

    @Override
    public void workerStarted() {
        ThreadPriority.lowerCurrentThread(workerNice);
    }

    @Override
    public Item prepare(ScanEntry entry) {
        if (entry.maskOf() != null) {
            return new Item(null, OneTrainerMasks.reason(entry.maskOf()));
        }
        if (!entry.supported()) {
            return new Item(null, NOT_AN_IMAGE);
        }
        writer.requireOwnSidecar(entry);
        if (passOverKept && writer.keeps(entry.path())) {
            return new Item(null, SIDECAR_EXISTS);
        }
        TaggerInput input = TaggerInput.of(loader.read(entry.path()), entry.path());
        List<ImageTagger.Prepared> prepared = new ArrayList<>(taggers.size());
        for (ImageTagger tagger : taggers) {
            prepared.add(tagger.prepare(input));
        }
        return new Item(prepared, null);
    }

    @Override
    public List<Result> run(List<Item> batch) {
        List<Item> images = batch.stream().filter(i -> i.prepared() != null).toList();
        List<List<ScoredTags>> perImage = new ArrayList<>();
        images.forEach(i -> perImage.add(new ArrayList<>(taggers.size())));
        for (int t = 0; t < taggers.size(); t++) {
            int tagger = t;
            List<ScoredTags> out = images.isEmpty() ? List.of()
                    : taggers.get(t).tagPrepared(images.stream().map(i -> i.prepared().get(tagger)).toList());
            for (int i = 0; i < out.size(); i++) {
                perImage.get(i).add(out.get(i));
            }
        }
        List<Result> results = new ArrayList<>(batch.size());
        int next = 0;
        for (Item item : batch) {
            results.add(item.prepared() == null ? new Result(null, item.skipped())
                    : new Result(perImage.get(next++), null));
        }
        return results;
    }

    /** Not images, and images whose sidecars are kept: journaled as skipped, not done. */
    @Override
    public boolean passedOver(Result result) {
        return result.skipped() != null;
    }

    @Override
    public String write(ScanEntry entry, Result result) {
        ObjectNode record = JSON.createObjectNode();
        if (result.perTagger() == null) {
            kept += SIDECAR_EXISTS.equals(result.skipped()) ? 1 : 0;
            return record.put("skipped", result.skipped()).toString();
        }
        List<ScoredTag> tags = select(result);
        String text = rules.format(tags);
        String outcome = text.isEmpty() ? "none" : writer.write(entry.path(), text, rules.trigger()).name()
                .toLowerCase(java.util.Locale.ROOT);
        return record(outcome, tags);
    }

    /** The tags the rules choose for one (not skipped) result, in sidecar order, with their scores. */
    public List<ScoredTag> select(Result result) {
        return rules.select(result.perTagger());
    }

    /** The sidecar text of {@code tags}. */
    public String text(List<ScoredTag> tags) {
        return rules.format(tags);
    }

    /**
     * The journal record of one image whose sidecar had {@code outcome}; counts its tags for the frequency report.
     * {@link #write} ends here; a runner that writes no sidecar (Spark without sidecars) names its own outcome.
     */
    public String record(String outcome, List<ScoredTag> tags) {
        List<String> names = tags.stream().filter(t -> t.vocabIndex() != TagSelection.TRIGGER_INDEX)
                .map(ScoredTag::name).toList();
        frequency.add(names);
        return JSON.createObjectNode().put("sidecar", outcome).putPOJO("tags", names).toString();
    }

    /** The models that ran: per tagger its id and revision, in {@code --tagger} order. */
    public List<ImageTagger> taggers() {
        return taggers;
    }

    @Override
    public void restore(String key, String json) {
        try {
            JsonNode tags = JSON.readTree(json).path("tags");
            if (tags.isArray()) {
                List<String> names = new ArrayList<>();
                tags.forEach(t -> names.add(t.asText()));
                frequency.add(names);
            }
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("journal record of " + key + " is not JSON: " + json, e);
        }
    }
}
