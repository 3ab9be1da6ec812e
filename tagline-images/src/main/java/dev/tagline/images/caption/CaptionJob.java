package dev.tagline.images.caption;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tagline.core.TaglineException;
import dev.tagline.core.batch.BatchJob;
import dev.tagline.core.batch.ItemFailedException;
import dev.tagline.core.batch.OneTrainerMasks;
import dev.tagline.core.batch.ScanEntry;
import dev.tagline.core.files.AtomicFiles;
import dev.tagline.images.load.ImageLoader;
import dev.tagline.images.sidecar.SidecarSettings;
import dev.tagline.images.sidecar.SidecarWriter;
import dev.tagline.images.tag.ImageTagger;
import dev.tagline.images.tag.ScoredTag;
import dev.tagline.images.tag.TagRules;
import dev.tagline.images.tag.TaggerInput;
import dev.tagline.inference.onnx.ThreadPriority;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code tagline caption} as a batch job. Workers load each image, run the taggers' and the captioner's
 * {@code prepare} (the JPEG for a server), and read an existing tag sidecar when no tagger runs; the model thread
 * tags, then runs the {@link CaptionPass} (Q/A, caption, tag check, clean-up), both in {@link BatchCaptioning}; the
 * writer writes the caption and tag sidecars in one go, and the {@code .json} sidecar with the Q/A answers, as each
 * image's answers come back. An image whose sidecars all exist under {@code --existing skip} is passed over before
 * any model or request runs. A failure that every request would share stops the run (the rest would fail the same
 * way); others fail their image, which a later run tries again. Longer than the usual class: the three engine phases
 * and the three sidecars (caption, tags, {@code .json}) meet here.
 */
public final class CaptionJob implements BatchJob<CaptionJob.Item, CaptionJob.Result> {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String NOT_WRITTEN = "not written";
    /** An answer that is all reasoning: a {@code <think>} block first (ChatClient sends reasoning_content so). */
    private static final java.util.regex.Pattern REASONING = java.util.regex.Pattern.compile(
            "(?is)\\s*<(think|thinking|reasoning)>");
    /** Why an image is passed over: its sidecars exist and are kept ({@code --existing skip}). */
    static final String SIDECARS_EXIST = "sidecars exist";

    /** Where the job writes. {@code json}: also {@code NAME.json} with caption, tags and Q/A answers. */
    public record Outputs(SidecarSettings caption, SidecarSettings tags, boolean json) {
    }

    /** One prepared image, or why it is passed over. */
    public record Item(List<ImageTagger.Prepared> tagPrepared, Captioner.Prepared prepared, List<String> knownTags,
                       String skipped) {
    }

    /**
     * One image's outcome: tags (text, names, and the taggers' chosen tags with scores; empty without taggers) and
     * the caption pass's outcome, or why it was passed over.
     */
    public record Result(String tagText, List<String> tags, List<ScoredTag> scored, CaptionPass.Outcome outcome,
                         String skipped) {
    }

    private final ImageLoader loader;
    private final List<ImageTagger> taggers;
    private final TagRules rules;
    private final Captioner captioner;
    private final CaptionPass pass;
    private final BatchCaptioning captioning;
    private final Outputs outputs;
    private final SidecarWriter captionWriter;
    private final SidecarWriter tagWriter;
    private final String fingerprint;
    private final CaptionStats stats = new CaptionStats();
    private final int maxTokens;
    private final boolean promptUsesTags;
    private final int workerNice;

    /**
     * @param identity what else identifies the run's results (taggers and their revisions, sidecar settings)
     * @param settings the caption settings that change results (prompt, generation, Q/A, clean-up), as text
     */
    public CaptionJob(ImageLoader loader, List<ImageTagger> taggers, TagRules rules, Captioner captioner,
                      CaptionRequest request, Optional<QaChain> qa, CaptionCleanup cleanup, int tagRetries,
                      Outputs outputs, String identity) {
        this(loader, taggers, rules, captioner, request, qa, cleanup, tagRetries, outputs, identity,
                ThreadPriority.LOWEST);
    }

    /**
     * As above, with the nice value (0–19) of the threads that load and prepare images: 19, the default, lets the
     * threads of in-process models (and of a model server on the same machine) take a core back at once, as in
     * {@link dev.tagline.images.tag.TagJob}; 0 shares the CPU evenly with other programs.
     */
    public CaptionJob(ImageLoader loader, List<ImageTagger> taggers, TagRules rules, Captioner captioner,
                      CaptionRequest request, Optional<QaChain> qa, CaptionCleanup cleanup, int tagRetries,
                      Outputs outputs, String identity, int workerNice) {
        this.workerNice = ThreadPriority.requireNice(workerNice);
        this.loader = loader;
        this.taggers = List.copyOf(taggers);
        this.rules = rules;
        this.captioner = captioner;
        // "Write WORD first in every file": the caption too, not only the tags sidecar
        this.pass = new CaptionPass(captioner, request, qa, cleanup.withTrigger(rules.trigger()), tagRetries);
        this.captioning = new BatchCaptioning(this.taggers, rules, new ImagesInFlight(pass, captioner.concurrency()),
                this::emptyCaption);
        this.maxTokens = request.generation().maxTokens();
        this.promptUsesTags = request.prompt().variables().contains("tags") && !(captioner instanceof TagComposer);
        this.outputs = outputs;
        this.captionWriter = new SidecarWriter(outputs.caption());
        this.tagWriter = new SidecarWriter(outputs.tags());
        this.fingerprint = "caption v1; " + captioner.id() + " (" + captioner.revision() + "); prompt "
                + request.prompt() + "; system " + request.system().orElse("") + "; " + request.generation() + "; "
                + qa.map(q -> q.questions().toString()).orElse("no questions") + "; " + cleanup + "; tag retries "
                + tagRetries + "; " + rules + "; " + outputs + "; " + identity;
    }

    @Override
    public String name() {
        return "caption";
    }

    @Override
    public String fingerprint() {
        return fingerprint;
    }

    @Override
    public int batchSize() {
        return Math.max(1, captioner.maxBatch());
    }

    /** Counts and token usage of this run, for the report. */
    public CaptionStats stats() {
        return stats;
    }

    @Override
    public void workerStarted() {
        ThreadPriority.lowerCurrentThread(workerNice);
    }

    /**
     * With {@code --json} or {@code --ask}, refuses the run when an image that would be captioned has a
     * {@code NAME.json} that is not Tagline's record (gallery-dl's metadata): its answers could not be written, and
     * overwriting would lose the metadata, so nothing is asked or paid for.
     */
    @Override
    public void preflight(ScanEntry entry) {
        if (!outputs.json() || !entry.supported() || captionWriter.keeps(entry.path())
                && (taggers.isEmpty() || tagWriter.keeps(entry.path()))) {
            return;
        }
        Path file = jsonFor(entry.path());
        if (Files.exists(file) && !isOwnRecord(file)) {
            throw new TaglineException(file + " is not a Tagline record (gallery-dl metadata?), and "
                    + (pass.asks() ? "--ask writes its answers" : "--json writes its record") + " to NAME.json;"
                    + " nothing was asked or written",
                    "Move the metadata files (*.json) out of the image folder, or run without "
                            + (pass.asks() ? "--ask and --questions." : "--json."));
        }
    }

    /** Whether {@code file} is a record {@link #writeJson} wrote: a JSON object with its caption and captioner. */
    private static boolean isOwnRecord(Path file) {
        try {
            var root = JSON.readTree(file.toFile());
            return root != null && root.isObject() && root.has("caption") && root.has("captioner");
        } catch (java.io.IOException e) {
            return false; // not JSON, or unreadable: not ours either way
        }
    }

    @Override
    public Item prepare(ScanEntry entry) {
        if (entry.maskOf() != null) {
            return new Item(null, null, List.of(), OneTrainerMasks.reason(entry.maskOf()));
        }
        if (!entry.supported()) {
            return new Item(null, null, List.of(), "not an image");
        }
        Path image = entry.path();
        captionWriter.requireOwnSidecar(entry);
        if (captionWriter.keeps(image) && (taggers.isEmpty() || tagWriter.keeps(image))) {
            return new Item(null, null, List.of(), SIDECARS_EXIST);
        }
        List<String> known = List.of();
        Path tagFile = tagWriter.sidecarFor(image);
        // with one extension for both (taggui's .txt captions, no tagger) that file is an old caption, not tags
        if (taggers.isEmpty() && !tagFile.equals(captionWriter.sidecarFor(image)) && Files.isRegularFile(tagFile)) {
            // a sidecar written by tag --with-scores holds "solo:0.96"
            known = SidecarWriter.splitTags(SidecarWriter.read(tagFile)).stream().map(TagRules::withoutScore).toList();
        }
        var rgb = loader.read(image);
        List<ImageTagger.Prepared> tagPrepared = new ArrayList<>(taggers.size());
        TaggerInput tagInput = TaggerInput.of(rgb, image);
        for (ImageTagger tagger : taggers) {
            tagPrepared.add(tagger.prepare(tagInput));
        }
        return new Item(tagPrepared, captioner.prepare(CaptionInput.of(rgb, image, known)), known, null);
    }

    @Override
    public List<Result> run(List<Item> batch) {
        return captioning.run(batch);
    }

    /** {@link BatchCaptioning}: each image's result is handed over as its answers are back. */
    @Override
    public void run(List<Item> batch, Results<Result> results) {
        captioning.run(batch, results);
    }

    /**
     * The trigger {@code result}'s caption leads with, which a merge ({@code --existing append|prepend}) keeps first in
     * the whole file: the run's ({@code --trigger}), or without one the tag composer's, the triggers that lead the
     * tags ({@code tag --trigger ohwx} wrote them), so that "a hand-written caption." and "ohwx A boy." merge to "ohwx
     * a hand-written caption. A boy.", not to a trigger in the middle.
     */
    private String lead(Result result) {
        return rules.trigger().isEmpty() && captioner instanceof TagComposer ? TagComposer.lead(result.tags())
                : rules.trigger();
    }

    /** The cleaned caption of {@code result}; null when the image was passed over or its pass failed. */
    public String caption(Result result) {
        CaptionPass.Outcome o = result.outcome();
        return o == null || o.failure() != null ? null : o.caption();
    }

    /** The Q/A chain's answers for {@code result}, in asking order; empty without questions. */
    public List<QaChain.Answer> answers(Result result) {
        return result.outcome() == null ? List.of() : result.outcome().answers();
    }

    /** The captioner that runs. */
    public Captioner captioner() {
        return captioner;
    }

    /** The taggers that run before it, in order; empty when the tags come from existing sidecars. */
    public List<ImageTagger> taggers() {
        return taggers;
    }

    /** Not images, and images whose sidecars are kept: journaled as skipped, not done. */
    @Override
    public boolean passedOver(Result result) {
        return result.skipped() != null;
    }

    @Override
    public String write(ScanEntry entry, Result result) {
        return record(entry, result, true);
    }

    /**
     * The record {@link #write} journals, failing the same way; {@code files} false writes no sidecar and records
     * each as {@code "not written"} (a table-only run).
     */
    public String record(ScanEntry entry, Result result, boolean files) {
        ObjectNode record = JSON.createObjectNode();
        if (result.skipped() != null) {
            stats.passedOver(SIDECARS_EXIST.equals(result.skipped()));
            return record.put("skipped", result.skipped()).toString();
        }
        CaptionPass.Outcome o = result.outcome();
        boolean usable = o.failure() == null && !o.caption().isBlank();
        stats.add(o, usable, entry.key()); // an image counts as captioned only with a caption to write
        if (promptUsesTags && taggers.isEmpty() && result.tags().isEmpty()) {
            stats.addNoTags();
        }
        if (o.failure() != null) {
            String message = o.failure().getMessage(); // the engine names the image before it
            String hint = o.failure() instanceof TaglineException t ? t.hint() : "";
            if (o.fatal()) {
                throw new TaglineException(message, hint, o.failure());
            }
            throw new ItemFailedException(message, hint, o.failure());
        }
        ItemFailedException empty = emptyCaption(result);
        if (empty != null) {
            throw empty;
        }
        Path image = entry.path();
        if (!result.tagText().isEmpty()) {
            record.put("tags", files ? outcome(tagWriter.write(image, result.tagText(), rules.trigger()))
                    : NOT_WRITTEN);
        }
        record.put("caption", files ? outcome(captionWriter.write(image, o.caption(), lead(result))) : NOT_WRITTEN);
        if (outputs.json()) {
            record.put("json", files ? writeJson(image, result, o) : NOT_WRITTEN);
        }
        if (!o.missingTags().isEmpty()) {
            record.putPOJO("missing_tags", o.missingTags());
        }
        return record.put("prompt_tokens", o.promptTokens()).put("completion_tokens", o.completionTokens())
                .toString();
    }

    /**
     * Why {@code result}'s caption came out empty (no tags to compose from, all tokens spent reasoning, a refusal,
     * filler), or null when it has a caption or failed before.
     */
    private ItemFailedException emptyCaption(Result result) {
        CaptionPass.Outcome o = result.outcome();
        if (o.failure() != null || !o.caption().isBlank()) {
            return null;
        }
        if (captioner.id().equals(TagComposer.ID)) {
            return result.tags().isEmpty()
                    ? new ItemFailedException("no tags to compose a caption from (no "
                            + outputs.tags().extension() + " beside it)", "Run with --tagger, tag the folder first"
                            + " (tagline tag), or name the extension its tags are in with --tags-extension.", null)
                    : new ItemFailedException("its tags (" + String.join(", ", result.tags())
                            + ") name nothing a caption can describe", "Tag it with a WD or RAM++ tagger"
                            + " (--tagger wd-vit-tagger-v3) or caption it with a vision model (--endpoint URL).", null);
        }
        if ("length".equals(o.finishReason())) {
            String message = captioner.id() + " reached --max-tokens before it gave a caption"
                    + (o.raw().isBlank() ? "" : " (" + excerpt(o.raw()) + ")");
            String hint = "Raise --max-tokens, or turn the model's thinking off (Qwen3: /no_think in the prompt); run"
                    + " again to retry this image.";
            return REASONING.matcher(o.raw()).lookingAt() ? new FirstFailures.ReasoningOnly(message + ": the model"
                    + " used all " + (maxTokens > 0 ? maxTokens + " " : "its ") + "tokens reasoning and wrote no"
                    + " caption", hint) : new ItemFailedException(message, hint, null);
        }
        if (CaptionCleanup.refused(o.raw())) {
            return new ItemFailedException(captioner.id() + " refused to caption it (" + excerpt(o.raw()) + ")",
                    "Use another model or prompt; run again to retry this image.", null);
        }
        return new ItemFailedException(captioner.id() + " answered nothing"
                + (o.raw().isBlank() ? "" : " but filler (" + excerpt(o.raw()) + ")"), "Check the prompt; run"
                + " again to retry this image.", null);
    }

    private String writeJson(Path image, Result result, CaptionPass.Outcome o) {
        Path file = jsonFor(image);
        if (outputs.caption().existing() == SidecarSettings.Existing.SKIP && Files.exists(file)) {
            return "skipped";
        }
        ObjectNode root = JSON.createObjectNode().put("caption", o.caption());
        root.putPOJO("tags", result.tags());
        ObjectNode qa = root.putObject("qa");
        ArrayNode questions = root.putArray("questions");
        for (QaChain.Answer a : o.answers()) {
            qa.put(a.key(), a.answer());
            questions.addObject().put("key", a.key()).put("question", a.question()).put("answer", a.answer());
        }
        if (!o.missingTags().isEmpty()) {
            root.putPOJO("missing_tags", o.missingTags());
        }
        root.put("captioner", captioner.id()).put("finish_reason", o.finishReason());
        AtomicFiles.writeString(file, root.toPrettyString());
        return "written";
    }

    /** {@code photo.jpg → photo.json}: where {@code --json} and {@code --ask} write the image's record. */
    static Path jsonFor(Path image) {
        String name = image.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return image.resolveSibling((dot <= 0 ? name : name.substring(0, dot)) + ".json");
    }

    private static String outcome(SidecarWriter.Outcome o) {
        return o.name().toLowerCase(Locale.ROOT);
    }

    /** A model's answer quoted in a one-line failure: whitespace collapsed, at most 160 characters. */
    static String excerpt(String raw) {
        String one = raw.strip().replaceAll("\\s+", " ");
        return one.length() <= 160 ? one : one.substring(0, 159).strip() + "…";
    }
}
