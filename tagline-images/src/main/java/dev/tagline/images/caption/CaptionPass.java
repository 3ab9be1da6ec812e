package dev.tagline.images.caption;

import dev.tagline.inference.openai.OpenAiException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The model-thread half of {@code tagline caption} for one batch, after the tags are known: the Q/A chain (its
 * context goes into {@code {qa}}), the caption, the check that a prompt using {@code {tags}} got a caption that keeps
 * them (asked again, at most {@code tagRetries} times, naming the tags left out), and the clean-up. Failures stay
 * with their image; a failure every request would share (no server, unknown model) is kept as {@code fatal} so that
 * the job can stop the run.
 */
final class CaptionPass {
    /** What became of one image. */
    record Outcome(String caption, String raw, String finishReason, List<QaChain.Answer> answers,
                   List<String> missingTags, int promptTokens, int completionTokens, int requests,
                   RuntimeException failure) {
        /** An image that failed before any request: {@code failure} ended the run. */
        static Outcome failed(RuntimeException failure) {
            return new Outcome("", "", "", List.of(), List.of(), 0, 0, 0, failure);
        }

        boolean fatal() {
            return failure instanceof OpenAiException o && o.affectsEveryRequest()
                    || failure instanceof FirstFailures.Stop;
        }
    }

    static final String MISSING = "missing";
    private final Captioner captioner;
    private final CaptionRequest request;
    private final Optional<QaChain> qa;
    private final CaptionCleanup cleanup;
    private final int tagRetries;

    CaptionPass(Captioner captioner, CaptionRequest request, Optional<QaChain> qa, CaptionCleanup cleanup,
                int tagRetries) {
        this.captioner = captioner;
        this.request = request;
        this.qa = qa;
        this.cleanup = cleanup;
        this.tagRetries = tagRetries;
    }

    /** Whether the pass asks questions before captioning ({@code --ask}, {@code --questions}). */
    boolean asks() {
        return qa.isPresent();
    }

    /** A mutable slot per image while the batch is worked on. */
    private static final class Slot {
        Captioner.Prepared prepared;
        List<QaChain.Answer> answers = List.of();
        Caption caption;
        List<String> missing = List.of();
        int promptTokens;
        int completionTokens;
        int requests;
        RuntimeException failure;
    }

    List<Outcome> run(List<Captioner.Prepared> batch) {
        List<Slot> slots = new ArrayList<>();
        for (Captioner.Prepared p : batch) {
            Slot s = new Slot();
            s.prepared = p;
            slots.add(s);
        }
        try {
            qa.ifPresent(chain -> ask(chain, slots));
            caption(request, live(slots));
            if (tagRetries > 0 && request.prompt().variables().contains("tags")) {
                keepTags(slots);
            }
        } catch (RuntimeException e) {
            slots.stream().filter(s -> s.failure == null).forEach(s -> s.failure = e);
        }
        List<Outcome> out = new ArrayList<>(slots.size());
        for (Slot s : slots) {
            if (s.failure != null) {
                out.add(new Outcome("", "", "", s.answers, List.of(), s.promptTokens, s.completionTokens, s.requests,
                        s.failure));
                continue;
            }
            String prompt = request.promptFor(s.prepared.input());
            // the composer's trigger ("sks woman A portrait.") stays as written
            String lead = captioner instanceof TagComposer ? TagComposer.lead(s.prepared.input()) : "";
            out.add(new Outcome(cleanup.apply(s.caption.text(), prompt,
                    "length".equals(s.caption.finishReason()), lead), s.caption.text(), s.caption.finishReason(),
                    s.answers, s.missing, s.promptTokens, s.completionTokens, s.requests, null));
        }
        return out;
    }

    private void ask(QaChain chain, List<Slot> slots) {
        List<QaChain.Outcome> outcomes = chain.run(captioner, slots.stream().map(s -> s.prepared).toList(),
                request.system(), request.generation());
        for (int i = 0; i < slots.size(); i++) {
            Slot s = slots.get(i);
            QaChain.Outcome o = outcomes.get(i);
            s.answers = o.answers();
            s.promptTokens += o.promptTokens();
            s.completionTokens += o.completionTokens();
            s.requests += o.answers().size() + (o.failure().isPresent() ? 1 : 0);
            s.failure = o.failure().orElse(null);
            s.prepared = new Captioner.Prepared(s.prepared.input().with("qa", QaChain.context(s.answers)),
                    s.prepared.payload());
        }
    }

    private static List<Slot> live(List<Slot> slots) {
        return slots.stream().filter(s -> s.failure == null).toList();
    }

    /** Captions {@code todo} with {@code req}; keeps a retry's caption only when it leaves out fewer tags. */
    private void caption(CaptionRequest req, List<Slot> todo) {
        if (todo.isEmpty()) {
            return;
        }
        List<Caption> out;
        CaptionBatchException partial = null;
        try {
            out = captioner.captionPrepared(todo.stream().map(s -> s.prepared).toList(), req);
        } catch (CaptionBatchException e) {
            partial = e;
            out = null;
        }
        for (int j = 0; j < todo.size(); j++) {
            Slot s = todo.get(j);
            s.requests++;
            Caption c = partial == null ? out.get(j) : partial.caption(j).orElse(null);
            if (c == null) {
                if (s.caption == null) {
                    s.failure = partial.failure(j).orElseThrow();
                }
                continue;
            }
            s.promptTokens += c.promptTokens();
            s.completionTokens += c.completionTokens();
            // the composer writes every tag in its own words ("multiple people" → "several people"): nothing to check;
            // a prompt without {tags} never asked for them
            List<String> missing = captioner instanceof TagComposer || !request.prompt().variables().contains("tags")
                    ? List.of() : TagCoverage.missing(c.text(), withoutLead(s.prepared.input().tags()));
            if (s.caption == null || missing.size() < s.missing.size()) {
                s.caption = c;
                s.missing = missing;
            }
        }
    }

    /**
     * The tags a caption must mention: not the leading triggers of an earlier {@code tag --trigger} ("ohwx man, 1boy,
     * …"), which the clean-up or the trainer puts first; a model asked to work it into the sentence writes it mid-way.
     */
    private static List<String> withoutLead(List<String> tags) {
        List<String> leads = TagComposer.leads(tags);
        return leads.isEmpty() ? tags : tags.stream()
                .filter(t -> leads.stream().noneMatch(TagProse.plain(t)::equalsIgnoreCase)).toList();
    }

    private void keepTags(List<Slot> slots) {
        Set<String> known = new HashSet<>(request.prompt().variables());
        known.add(MISSING);
        CaptionRequest retry = new CaptionRequest(PromptTemplate.parse(request.prompt().text()
                + "\nThe caption must mention each of these tags: {" + MISSING + "}.", known), request.system(),
                request.generation());
        for (int round = 0; round < tagRetries; round++) {
            List<Slot> todo = new ArrayList<>();
            for (Slot s : live(slots)) {
                if (!s.missing.isEmpty()) {
                    s.prepared = new Captioner.Prepared(s.prepared.input().with(MISSING, String.join(", ",
                            s.missing)), s.prepared.payload());
                    todo.add(s);
                }
            }
            if (todo.isEmpty()) {
                return;
            }
            caption(retry, todo);
        }
    }
}
