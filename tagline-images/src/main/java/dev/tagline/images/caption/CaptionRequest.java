package dev.tagline.images.caption;

import java.util.Objects;
import java.util.Optional;

/**
 * What to ask for every image of a batch: the prompt template (rendered per image), an optional system prompt (used
 * by chat servers) and the generation settings.
 */
public record CaptionRequest(PromptTemplate prompt, Optional<String> system, GenerationSettings generation) {
    public CaptionRequest {
        Objects.requireNonNull(prompt, "prompt");
        Objects.requireNonNull(system, "system");
        Objects.requireNonNull(generation, "generation");
    }

    /** The prompt for one image. */
    public String promptFor(CaptionInput input) {
        return prompt.render(input.vars());
    }
}
