package dev.tagline.images.caption.florence;

import dev.tagline.core.TaglineException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Florence-2 task tokens and the text the model is really given for each (processing_florence2.py
 * {@code _construct_prompts}; reference/captioning.md §4.4). A prompt that holds a task token becomes that task's
 * text, with whatever follows the token as its {@code {input}}; any other prompt is given as it is (fine-tunes such
 * as MiaoshouAI PromptGen add their own tokens, e.g. {@code <GENERATE_TAGS>}). A blank prompt is
 * {@link #DEFAULT_TASK}.
 */
public final class FlorenceTasks {
    /** taggui's default Florence-2 task (reference/captioning.md §4.4). */
    public static final String DEFAULT_TASK = "<MORE_DETAILED_CAPTION>";

    private static final Map<String, String> WITHOUT_INPUT = new LinkedHashMap<>();
    private static final Map<String, String> WITH_INPUT = new LinkedHashMap<>();

    static {
        WITHOUT_INPUT.put("<CAPTION>", "What does the image describe?");
        WITHOUT_INPUT.put("<DETAILED_CAPTION>", "Describe in detail what is shown in the image.");
        WITHOUT_INPUT.put("<MORE_DETAILED_CAPTION>", "Describe with a paragraph what is shown in the image.");
        WITHOUT_INPUT.put("<OCR>", "What is the text in the image?");
        WITHOUT_INPUT.put("<OCR_WITH_REGION>", "What is the text in the image, with regions?");
        WITHOUT_INPUT.put("<OD>", "Locate the objects with category name in the image.");
        WITHOUT_INPUT.put("<DENSE_REGION_CAPTION>", "Locate the objects in the image, with their descriptions.");
        WITHOUT_INPUT.put("<REGION_PROPOSAL>", "Locate the region proposals in the image.");
        WITH_INPUT.put("<CAPTION_TO_PHRASE_GROUNDING>", "Locate the phrases in the caption: {input}");
        WITH_INPUT.put("<REFERRING_EXPRESSION_SEGMENTATION>", "Locate {input} in the image with mask");
        WITH_INPUT.put("<REGION_TO_SEGMENTATION>", "What is the polygon mask of region {input}");
        WITH_INPUT.put("<OPEN_VOCABULARY_DETECTION>", "Locate {input} in the image.");
        WITH_INPUT.put("<REGION_TO_CATEGORY>", "What is the region {input}?");
        WITH_INPUT.put("<REGION_TO_DESCRIPTION>", "What does the region {input} describe?");
        WITH_INPUT.put("<REGION_TO_OCR>", "What text is in the region {input}?");
    }

    private FlorenceTasks() {
    }

    /** Every task token, those without input first. */
    public static java.util.List<String> tokens() {
        java.util.List<String> all = new java.util.ArrayList<>(WITHOUT_INPUT.keySet());
        all.addAll(WITH_INPUT.keySet());
        return all;
    }

    /** Whether {@code task} takes text after its token (its prompt has an {@code {input}}). */
    public static boolean takesInput(String task) {
        return WITH_INPUT.containsKey(task);
    }

    /** The text the model is given for the rendered prompt {@code prompt}. */
    public static String promptText(String prompt) {
        String text = prompt == null ? "" : prompt.strip();
        if (text.isEmpty()) {
            return WITHOUT_INPUT.get(DEFAULT_TASK);
        }
        for (Map.Entry<String, String> task : WITHOUT_INPUT.entrySet()) {
            if (text.contains(task.getKey())) {
                if (!text.equals(task.getKey())) {
                    throw new TaglineException("Florence-2 task " + task.getKey() + " takes no text, but the prompt "
                            + "is '" + text + "'", "Use the task token alone, e.g. --prompt '" + task.getKey() + "'.");
                }
                return task.getValue();
            }
        }
        for (Map.Entry<String, String> task : WITH_INPUT.entrySet()) {
            if (text.contains(task.getKey())) {
                String input = text.replace(task.getKey(), "").strip();
                return task.getValue().replace("{input}", input);
            }
        }
        return text;
    }
}
