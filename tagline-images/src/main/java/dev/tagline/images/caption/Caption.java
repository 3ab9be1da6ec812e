package dev.tagline.images.caption;

import java.util.Objects;

/**
 * A captioner's raw answer for one image and what it cost: tokens as the server reported them (zero in process and
 * when the server does not say), and the reason generation stopped ({@code stop}, {@code length}, {@code eos} …).
 */
public record Caption(String text, int promptTokens, int completionTokens, String finishReason) {
    public Caption {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(finishReason, "finishReason");
    }

    public static Caption of(String text) {
        return new Caption(text, 0, 0, "stop");
    }
}
