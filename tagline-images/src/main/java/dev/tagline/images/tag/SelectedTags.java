package dev.tagline.images.tag;

import dev.tagline.core.TaglineException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A WD tagger's vocabulary, {@code selected_tags.csv}: row <i>i</i> after the header names output <i>i</i>
 * (captioning.md §1.2). Header {@code tag_id,name,category,count}; only {@code name} and {@code category} are used.
 */
record SelectedTags(Path file, List<String> names, List<TagCategory> categories) {
    SelectedTags {
        names = List.copyOf(names);
        categories = List.copyOf(categories);
    }

    int size() {
        return names.size();
    }

    static SelectedTags read(Path file) {
        List<List<String>> rows;
        try {
            rows = CsvRows.parse(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException | IllegalArgumentException e) {
            throw new TaglineException("Cannot read " + file + ": " + e.getMessage(),
                    "Delete it so that the model store fetches it again, or fix --model-path.", e);
        }
        // sd-scripts tag_images_by_wd14_tagger.py asserts these three columns
        if (rows.isEmpty() || rows.get(0).size() < 3 || !rows.get(0).subList(0, 3).equals(
                List.of("tag_id", "name", "category"))) {
            throw bad(file, "does not start with the header tag_id,name,category,count");
        }
        List<String> names = new ArrayList<>();
        List<TagCategory> categories = new ArrayList<>();
        for (int i = 1; i < rows.size(); i++) {
            List<String> row = rows.get(i);
            if (row.size() < 3 || row.get(1).isBlank()) {
                throw bad(file, "line " + (i + 1) + " has no tag name and category");
            }
            try {
                categories.add(TagCategory.fromCode(Integer.parseInt(row.get(2).strip())));
            } catch (NumberFormatException e) {
                throw bad(file, "line " + (i + 1) + " has category '" + row.get(2) + "', not a number");
            }
            names.add(row.get(1));
        }
        return new SelectedTags(file, names, categories);
    }

    private static TaglineException bad(Path file, String problem) {
        return new TaglineException(file + " " + problem, "It is not a WD tagger's selected_tags.csv: delete it so"
                + " that the model store fetches it again, or fix --model-path.");
    }
}
