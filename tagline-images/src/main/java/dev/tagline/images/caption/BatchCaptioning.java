package dev.tagline.images.caption;

import dev.tagline.core.batch.BatchJob;
import dev.tagline.images.caption.CaptionJob.Item;
import dev.tagline.images.caption.CaptionJob.Result;
import dev.tagline.images.tag.ImageTagger;
import dev.tagline.images.tag.ScoredTag;
import dev.tagline.images.tag.ScoredTags;
import dev.tagline.images.tag.TagRules;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The model-thread half of {@link CaptionJob}: tags a batch (or takes the tags read beside its images), gives each
 * image its prompt variables ({@code {tags}}, {@code {trigger}}), and runs the caption pass on it through
 * {@link ImagesInFlight}, handing each image's result over as its answers are back; images passed over first. A run
 * whose first images all fail alike is stopped ({@link FirstFailures}).
 */
final class BatchCaptioning {
    private final List<ImageTagger> taggers;
    private final TagRules rules;
    private final ImagesInFlight inFlight;
    private final Function<Result, RuntimeException> emptyCaption;
    private final FirstFailures firstFailures = new FirstFailures();

    /** @param emptyCaption why a result's caption came out empty, or null (counts as a failure for the stop) */
    BatchCaptioning(List<ImageTagger> taggers, TagRules rules, ImagesInFlight inFlight,
                    Function<Result, RuntimeException> emptyCaption) {
        this.taggers = taggers;
        this.rules = rules;
        this.inFlight = inFlight;
        this.emptyCaption = emptyCaption;
    }

    /** The results of {@code batch}, in order, when all are back (Spark's partitions take them so). */
    List<Result> run(List<Item> batch) {
        Result[] out = new Result[batch.size()];
        run(batch, new BatchJob.Results<>() {
            @Override
            public void accept(int index, Result result) {
                out[index] = result;
            }

            @Override
            public boolean stopping() {
                return false;
            }
        });
        return Arrays.asList(out);
    }

    /** Runs {@code batch}, handing each result to {@code results} as it comes. */
    void run(List<Item> batch, BatchJob.Results<Result> results) {
        List<Integer> at = new ArrayList<>(batch.size()); // batch index of each image worked on
        for (int i = 0; i < batch.size(); i++) {
            if (batch.get(i).skipped() == null) {
                at.add(i);
            } else {
                results.accept(i, new Result("", List.of(), List.of(), null, batch.get(i).skipped()));
            }
        }
        List<Item> images = at.stream().map(batch::get).toList();
        List<List<ScoredTag>> selected = tags(images);
        List<Captioner.Prepared> prepared = new ArrayList<>(images.size());
        List<String> tagTexts = new ArrayList<>(images.size());
        List<List<String>> names = new ArrayList<>(images.size());
        for (int i = 0; i < images.size(); i++) {
            Item item = images.get(i);
            // the trigger is no tag to describe: the clean-up puts it first
            List<String> tagNames = (taggers.isEmpty() ? item.knownTags() : selected.get(i).stream()
                    .map(ScoredTag::name).toList()).stream().filter(n -> !trigger(n)).toList();
            tagTexts.add(taggers.isEmpty() ? "" : rules.format(selected.get(i)));
            names.add(tagNames);
            CaptionInput in = item.prepared().input();
            Map<String, String> vars = new LinkedHashMap<>(in.vars());
            vars.put("tags", String.join(", ", TagProse.spoken(tagNames))); // as CaptionInput.of gives them
            vars.put(TagComposer.TRIGGER, rules.trigger());
            prepared.add(new Captioner.Prepared(new CaptionInput(in.image(), in.file(), tagNames, vars),
                    item.prepared().payload()));
        }
        // once the run is stopped by its first failures, nothing more is sent meanwhile
        inFlight.run(prepared, results::stopping, firstFailures::stopped, (i, outcome) -> {
            Result r = new Result(tagTexts.get(i), names.get(i), selected.get(i), outcome, null);
            results.accept(at.get(i), stopIfAllAlike(r, images.get(i).prepared().input().file()
                    .map(f -> f.getFileName().toString()).orElse("")));
        });
    }

    /** {@code r}, or, when it is the {@link FirstFailures#LIMIT}th alike failure of the run's start, the stop. */
    private Result stopIfAllAlike(Result r, String name) {
        CaptionPass.Outcome o = r.outcome();
        RuntimeException failure = o.failure() != null ? o.failure() : emptyCaption.apply(r);
        RuntimeException stop = firstFailures.next(failure, name);
        return stop == null ? r : new Result(r.tagText(), r.tags(), r.scored(), new CaptionPass.Outcome(o.caption(),
                o.raw(), o.finishReason(), o.answers(), o.missingTags(), o.promptTokens(), o.completionTokens(),
                o.requests(), stop), null);
    }

    private List<List<ScoredTag>> tags(List<Item> images) {
        List<List<ScoredTags>> perImage = new ArrayList<>();
        images.forEach(i -> perImage.add(new ArrayList<>(taggers.size())));
        for (int t = 0; t < taggers.size() && !images.isEmpty(); t++) {
            int tagger = t;
            List<ScoredTags> out = taggers.get(t).tagPrepared(images.stream().map(i -> i.tagPrepared().get(tagger))
                    .toList());
            for (int i = 0; i < out.size(); i++) {
                perImage.get(i).add(out.get(i));
            }
        }
        return perImage.stream().map(p -> p.isEmpty() ? List.<ScoredTag>of() : rules.select(p)).toList();
    }

    /**
     * Whether tag {@code name} is the run's trigger or one of its words: {@code --trigger "ohwx, sks"} is written as
     * "ohwx, sks, 1boy" in the tags, which read back as the tags {@code ohwx} and {@code sks}.
     */
    private boolean trigger(String name) {
        String trigger = rules.trigger();
        if (trigger.isEmpty() || name.equals(trigger)) {
            return !trigger.isEmpty();
        }
        for (String part : trigger.split(",")) {
            if (!part.isBlank() && part.strip().equalsIgnoreCase(name.strip())) {
                return true;
            }
        }
        return false;
    }
}
