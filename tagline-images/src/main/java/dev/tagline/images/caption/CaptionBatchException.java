package dev.tagline.images.caption;

import dev.tagline.core.TaglineException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * Some images of a batch were captioned and some failed (an HTTP captioner sends each image on its own, so one
 * server error must not cost the others their captions). Holds, per input in order, the caption or the failure.
 */
public final class CaptionBatchException extends TaglineException {
    private static final long serialVersionUID = 1L;
    private final transient List<Caption> captions;
    private final transient List<RuntimeException> failures;

    /** @param captions per input, null where it failed; @param failures per input, null where it succeeded */
    public CaptionBatchException(List<Caption> captions, List<RuntimeException> failures) {
        super(first(failures).getMessage(), first(failures) instanceof TaglineException t ? t.hint() : "",
                first(failures));
        this.captions = Collections.unmodifiableList(new ArrayList<>(captions));
        this.failures = Collections.unmodifiableList(new ArrayList<>(failures));
    }

    public Optional<Caption> caption(int index) {
        return Optional.ofNullable(captions.get(index));
    }

    public Optional<RuntimeException> failure(int index) {
        return Optional.ofNullable(failures.get(index));
    }

    public int size() {
        return captions.size();
    }

    private static RuntimeException first(List<RuntimeException> failures) {
        return failures.stream().filter(f -> f != null).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("a batch failure needs at least one failure"));
    }
}
