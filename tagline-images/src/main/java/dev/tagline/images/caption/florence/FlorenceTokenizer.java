package dev.tagline.images.caption.florence;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import dev.tagline.core.TaglineException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * Florence-2's BART tokenizer from the model's own {@code tokenizer.json}, with DJL's Hugging Face tokenizers and never
 * the Hub (reference/stack.md §2.2). Encoding wraps the ids in {@code <s>} … {@code </s>}; decoding keeps special
 * tokens, and {@link #clean} then removes them as the reference post-processing does.
 */
final class FlorenceTokenizer implements AutoCloseable {
    private final HuggingFaceTokenizer tokenizer;

    private FlorenceTokenizer(HuggingFaceTokenizer tokenizer) {
        this.tokenizer = tokenizer;
    }

    static FlorenceTokenizer open(Path tokenizerJson) {
        try {
            return new FlorenceTokenizer(HuggingFaceTokenizer.newInstance(tokenizerJson, Map.of("padding", "false",
                    "truncation", "false", "addSpecialTokens", "true")));
        } catch (IOException | RuntimeException e) {
            throw new TaglineException("Cannot load the Florence-2 tokenizer " + tokenizerJson + ": " + e.getMessage(),
                    "Replace it with tokenizer.json from the same onnx-community/Florence-2-* repository.", e);
        }
    }

    /** {@code <s>} + the text's ids + {@code </s>}. Synchronised: the native tokenizer is shared. */
    synchronized long[] encode(String text) {
        return tokenizer.encode(text).getIds();
    }

    /** The text of {@code ids}, special tokens included. */
    synchronized String decode(long[] ids) {
        return tokenizer.decode(ids, false);
    }

    /**
     * processing_florence2.py {@code post_process_generation}, {@code pure_text}: drop {@code <s>}, {@code </s>} and
     * {@code <pad>}. Region tasks keep their {@code <loc_N>} tokens. Before that, transformers' decode clean-up
     * ({@code clean_up_tokenization_spaces}, on for BART tokenizers): no space before {@code . ? ! ,} and English
     * contractions. Surrounding whitespace is trimmed.
     */
    static String clean(String decoded) {
        String text = decoded;
        for (String[] rule : CLEAN_UP) {
            text = text.replace(rule[0], rule[1]);
        }
        return text.replace("<pad>", "").replace("<s>", "").replace("</s>", "").strip();
    }

    /** transformers {@code PreTrainedTokenizerBase.clean_up_tokenization}, in its order. */
    private static final String[][] CLEAN_UP = {
        {" .", "."}, {" ?", "?"}, {" !", "!"}, {" ,", ","}, {" ' ", "'"}, {" n't", "n't"}, {" 'm", "'m"},
        {" 's", "'s"}, {" 've", "'ve"}, {" 're", "'re"},
    };

    @Override
    public void close() {
        tokenizer.close();
    }
}
