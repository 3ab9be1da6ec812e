package dev.tagline.images.tag;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Applies {@link TagRules} to the outputs of one or more taggers for one image. */
final class TagSelection {
    /** {@link ScoredTag#vocabIndex()} of the trigger word, so that {@code --with-scores} leaves it bare. */
    static final int TRIGGER_INDEX = -2;

    private final TagRules rules;
    private final Set<String> excluded = new HashSet<>();

    private record Candidate(ScoredTag tag, long order) {
    }

    TagSelection(TagRules rules) {
        this.rules = rules;
        rules.exclude().forEach(e -> excluded.add(TagText.key(e)));
    }

    List<ScoredTag> select(List<ScoredTags> perTagger) {
        Map<String, Candidate> chosen = new LinkedHashMap<>();
        ScoredTag rating = null;
        for (int t = 0; t < perTagger.size(); t++) {
            ScoredTags tags = perTagger.get(t);
            List<ScoredTag> kept = tags.decided() ? tags.tags() : threshold(tags.tags());
            int position = 0;
            for (ScoredTag tag : kept) {
                if (tag.category() == TagCategory.RATING) {
                    rating = rating == null || tag.score() > rating.score() ? tag : rating;
                } else {
                    long order = (long) t << 32 | (tag.vocabIndex() >= 0 ? tag.vocabIndex() : position);
                    add(chosen, tag, order);
                }
                position++;
            }
            for (ScoredTag tag : tags.decided() ? List.<ScoredTag>of() : tags.tags()) {
                if (tag.category() == TagCategory.RATING && (rating == null || tag.score() > rating.score())) {
                    rating = tag; // kohya: the argmax of the rating outputs, whatever the thresholds
                }
            }
        }
        List<ScoredTag> ordered = order(new ArrayList<>(chosen.values()));
        return finish(ordered, rating);
    }

    /** WD candidates above their category's threshold (SW app.py compares {@code prob > threshold}). */
    private List<ScoredTag> threshold(List<ScoredTag> tags) {
        double general = cut(tags, TagCategory.GENERAL, rules.generalThreshold(), 0);
        double character = cut(tags, TagCategory.CHARACTER, rules.characterThreshold(),
                TagRules.MCUT_CHARACTER_FLOOR);
        List<ScoredTag> kept = new ArrayList<>();
        for (ScoredTag tag : tags) {
            boolean keep = switch (tag.category()) {
                case GENERAL -> tag.score() > general;
                case CHARACTER -> tag.score() > character;
                case RATING -> false;
            };
            if (keep) {
                kept.add(tag);
            }
        }
        return kept;
    }

    private double cut(List<ScoredTag> tags, TagCategory category, double fixed, double floor) {
        if (!rules.mcut().contains(category)) {
            return fixed;
        }
        double[] probs = tags.stream().filter(t -> t.category() == category).mapToDouble(ScoredTag::score).toArray();
        double mcut = Mcut.threshold(probs);
        return Double.isNaN(mcut) ? fixed : Math.max(floor, mcut);
    }

    private void add(Map<String, Candidate> chosen, ScoredTag tag, long order) {
        String key = TagText.key(tag.name());
        if (excluded.contains(key)) {
            return;
        }
        String target = rules.replace().get(key);
        if (target != null) {
            if (target.isEmpty()) {
                return;
            }
            tag = tag.withName(target);
            key = TagText.key(target);
        }
        Candidate old = chosen.get(key);
        if (old == null || tag.score() > old.tag().score()) {
            chosen.put(key, new Candidate(tag.withName(display(tag.name())), old == null ? order : old.order()));
        }
    }

    private String display(String name) {
        String text = rules.keepUnderscores() ? name : TagText.spaces(name);
        return rules.escapeParens() ? TagText.escapeParens(text) : text;
    }

    private List<ScoredTag> order(List<Candidate> all) {
        Comparator<Candidate> byOrder = Comparator.comparingLong(Candidate::order);
        all.sort(switch (rules.sort()) {
            case CONFIDENCE -> Comparator.comparingDouble((Candidate c) -> -c.tag().score()).thenComparing(byOrder);
            case VOCAB -> byOrder;
            case ALPHA -> Comparator.comparing((Candidate c) -> c.tag().name()).thenComparing(byOrder);
        });
        List<ScoredTag> tags = new ArrayList<>(all.stream().map(Candidate::tag).toList());
        if (rules.charactersFirst()) {
            List<ScoredTag> characters = tags.stream().filter(t -> t.category() == TagCategory.CHARACTER).toList();
            tags.removeAll(characters);
            tags.addAll(0, characters);
        }
        List<ScoredTag> first = new ArrayList<>();
        for (String wanted : rules.alwaysFirst()) {
            String key = TagText.key(wanted);
            tags.stream().filter(t -> TagText.key(t.name()).equals(key)).findFirst().ifPresent(t -> {
                tags.remove(t);
                first.add(t);
            });
        }
        tags.addAll(0, first);
        return rules.maxTags() > 0 && tags.size() > rules.maxTags() ? tags.subList(0, rules.maxTags()) : tags;
    }

    private List<ScoredTag> finish(List<ScoredTag> tags, ScoredTag rating) {
        List<ScoredTag> out = new ArrayList<>(tags);
        if (rating != null && rules.rating() != TagRules.Rating.NONE
                && !excluded.contains(TagText.key(rating.name()))) {
            ScoredTag shown = rating.withName(display(rating.name()));
            out.add(rules.rating() == TagRules.Rating.FIRST ? 0 : out.size(), shown);
        }
        if (!rules.trigger().isEmpty()) {
            String key = TagText.key(rules.trigger());
            out.removeIf(t -> TagText.key(t.name()).equals(key));
            out.add(0, new ScoredTag(rules.trigger(), 1, TagCategory.GENERAL, TRIGGER_INDEX));
        }
        return out;
    }
}
