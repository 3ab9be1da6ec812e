package dev.tagline.inference.store;

import java.nio.file.Path;

/**
 * One catalog model as local disk holds it, with the bytes present there ({@code presentBytes}, Hugging Face cache
 * files included). {@code READY}: every file is in Tagline's cache; {@code READY_HF_CACHE}: every file is there or in
 * an existing Hugging Face cache, which Tagline uses without a download; {@code UNVERIFIED}: every file is there, but
 * one was copied in by hand for an entry that pins no hash, so nothing has checked it; {@code PARTIAL} some,
 * {@code MISSING} none.
 */
public record ModelStatus(ModelEntry model, State state, long presentBytes, Path dir) {
    public enum State {
        READY("ready"), READY_HF_CACHE("ready (HF cache)"), UNVERIFIED("unverified (copied by hand; no pinned hash)"),
        PARTIAL("partial"), MISSING("missing");

        private final String label;

        State(String label) {
            this.label = label;
        }

        /** The words {@code tagline models list} shows. */
        public String label() {
            return label;
        }

        /** Every file is on local disk (in either cache). */
        public boolean complete() {
            return this == READY || this == READY_HF_CACHE || this == UNVERIFIED;
        }
    }

    /** The model's size: the catalog's when it knows every file's, else the bytes on disk once all are there. */
    public long sizeBytes() {
        long known = model.totalSizeBytes();
        return known >= 0 ? known : state.complete() ? presentBytes : -1;
    }
}
