package dev.tagline.cli;

import dev.tagline.core.TaglineException;
import dev.tagline.images.tag.TagCategory;
import dev.tagline.images.tag.TagRules;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import picocli.CommandLine.Option;

/** The {@link TagRules} options of {@code tagline tag} (captioning.md §1.4–1.8). */
final class TagRuleOptions {
    @Option(names = "--general-threshold", paramLabel = "P", defaultValue = "0.35",
            description = "WD: keep general tags scoring above P (default: ${DEFAULT-VALUE}; > 1 drops them).")
    double general;
    @Option(names = "--character-threshold", paramLabel = "P", defaultValue = "0.85",
            description = "WD: keep character tags scoring above P (default: ${DEFAULT-VALUE}).")
    double character;
    @Option(names = "--mcut", paramLabel = "CATEGORY", split = ",", description = "WD: choose the threshold of"
            + " general and/or character tags by MCut (largest gap) instead; characters never below 0.15.")
    List<String> mcut;
    @Option(names = "--rating", paramLabel = "none|first|last", defaultValue = "none",
            description = "Write the most likely rating tag first or last (default: ${DEFAULT-VALUE}).")
    TagRules.Rating rating;
    @Option(names = "--characters-first", description = "Put character tags before the others.")
    boolean charactersFirst;
    @Option(names = "--always-first", paramLabel = "TAGS", description = "Comma list moved to the front when found.")
    String alwaysFirst;
    @Option(names = "--trigger", paramLabel = "WORD", description = "Write WORD first in every sidecar,"
            + " tags and captions alike (one word or several: 'sks woman'), once, as its own comma-separated token;"
            + " a caption that names it mid-sentence says 'the woman' (its class) or 'the subject' there instead.")
    String trigger;
    @Option(names = "--exclude", paramLabel = "TAGS", description = "Comma list of tags never written (\\, for a"
            + " literal comma; a_b and a b both match).")
    String exclude;
    @Option(names = "--replace", paramLabel = "A,B;C,D", description = "Replace tag A by B and C by D (kohya syntax;"
            + " \\, and \\; escape; an empty target removes the tag).")
    String replace;
    @Option(names = "--keep-underscores", description = "Keep Danbooru underscores (long_hair) instead of spaces.")
    boolean keepUnderscores;
    @Option(names = "--escape-parens", description = "Write ( and ) as \\( and \\) (prompt syntax).")
    boolean escapeParens;
    @Option(names = "--max-tags", paramLabel = "N", defaultValue = "0", description = "Write at most N tags (0 = all).")
    int maxTags;
    @Option(names = "--sort", paramLabel = "confidence|vocab|alpha", defaultValue = "confidence",
            description = "Tag order (default: ${DEFAULT-VALUE}; vocab = the tagger's list, Danbooru popularity).")
    TagRules.Sort sort;
    @Option(names = "--with-scores", description = "Write tag:0.93 instead of tag.")
    boolean withScores;
    @Option(names = "--separator", paramLabel = "TEXT", defaultValue = ", ",
            description = "Between tags (default: '${DEFAULT-VALUE}'; RAM++'s own output uses ' | ').")
    String separator;

    String separator() {
        return separator;
    }

    TagRules toRules() {
        for (String tag : TagRules.parseList(exclude)) {
            if (tag.contains("*")) { // no Danbooru or RAM++ tag has one; a file pattern does
                throw new TaglineException("--exclude '" + tag + "' looks like a file pattern, but --exclude names"
                        + " tags to leave out of the sidecars", "Skip files with --exclude-files '" + tag + "'.");
            }
        }
        return TagRules.defaults().withThresholds(general, character).withMcut(mcut())
                .withOrder(rating, charactersFirst, TagRules.parseList(alwaysFirst), sort, maxTags)
                .withEdits(trigger, TagRules.parseList(exclude), TagRules.parseReplace(replace))
                .withText(keepUnderscores, escapeParens, withScores, separator);
    }

    private Set<TagCategory> mcut() {
        Set<TagCategory> out = EnumSet.noneOf(TagCategory.class);
        for (String c : mcut == null ? List.<String>of() : mcut) {
            switch (c.strip().toLowerCase(Locale.ROOT)) {
                case "general" -> out.add(TagCategory.GENERAL);
                case "character" -> out.add(TagCategory.CHARACTER);
                default -> throw new TaglineException("Invalid --mcut '" + c + "'", "Use general, character or"
                        + " general,character.");
            }
        }
        return out;
    }
}
