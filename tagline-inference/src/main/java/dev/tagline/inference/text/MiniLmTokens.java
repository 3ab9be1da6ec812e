package dev.tagline.inference.text;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import dev.tagline.core.TaglineException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Word-piece tokenisation with DJL's HuggingFace tokenizers, from the local {@code tokenizer.json} only (stack.md §2.2:
 * never a Hub id), and right-padding of a batch to its longest row.
 */
final class MiniLmTokens implements AutoCloseable {
    private final HuggingFaceTokenizer tokenizer;

    private MiniLmTokens(HuggingFaceTokenizer tokenizer) {
        this.tokenizer = tokenizer;
    }

    static MiniLmTokens open(Path tokenizerJson, int maxTokens) {
        try {
            return new MiniLmTokens(HuggingFaceTokenizer.newInstance(tokenizerJson, Map.of("padding", "false",
                    "truncation", "true", "maxLength", Integer.toString(maxTokens))));
        } catch (IOException | RuntimeException e) {
            throw new TaglineException("Cannot load the tokenizer " + tokenizerJson + ": " + e.getMessage(),
                    "Delete the model's cache folder so it is fetched again.", e);
        }
    }

    /** A padded batch: ids, attention mask and token types, each {@code [rows, seq]} row-major. */
    record Batch(long[] ids, long[] mask, long[] types, int rows, int seq) {
    }

    /** Synchronised: the native tokenizer is shared; encoding is cheap next to the model call. */
    synchronized Batch encode(List<String> texts) {
        long[][] ids = new long[texts.size()][];
        long[][] types = new long[texts.size()][];
        for (int i = 0; i < texts.size(); i++) {
            Encoding e = tokenizer.encode(texts.get(i));
            ids[i] = e.getIds();
            types[i] = e.getTypeIds();
        }
        return pad(ids, types);
    }

    /** Right-pads with id 0 and mask 0 to the longest row. */
    static Batch pad(long[][] ids, long[][] types) {
        int seq = 1;
        for (long[] row : ids) {
            seq = Math.max(seq, row.length);
        }
        int rows = ids.length;
        long[] flatIds = new long[rows * seq];
        long[] mask = new long[rows * seq];
        long[] flatTypes = new long[rows * seq];
        for (int r = 0; r < rows; r++) {
            System.arraycopy(ids[r], 0, flatIds, r * seq, ids[r].length);
            System.arraycopy(types[r], 0, flatTypes, r * seq, types[r].length);
            for (int s = 0; s < ids[r].length; s++) {
                mask[r * seq + s] = 1;
            }
        }
        return new Batch(flatIds, mask, flatTypes, rows, seq);
    }

    @Override
    public void close() {
        tokenizer.close();
    }
}
