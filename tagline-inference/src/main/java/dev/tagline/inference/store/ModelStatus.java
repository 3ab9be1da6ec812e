package dev.tagline.inference.store;

import java.nio.file.Path;

/** One catalog model as the cache holds it: all files ({@code READY}), some, or none; bytes present on disk. */
public record ModelStatus(ModelEntry model, State state, long presentBytes, Path dir) {
    public enum State { READY, PARTIAL, MISSING }
}
