package dev.tagline.inference.text;

import dev.tagline.inference.onnx.OnnxInputs;
import dev.tagline.inference.onnx.OnnxModel;
import dev.tagline.inference.onnx.OnnxOutputs;
import java.util.ArrayList;
import java.util.List;

/** all-MiniLM-L6-v2 through ONNX Runtime: {@code input_ids}, {@code attention_mask}, {@code token_type_ids}. */
final class MiniLmEmbedder implements TextEmbedder {
    static final int DIMENSIONS = 384;
    private final OnnxModel model;
    private final MiniLmTokens tokens;
    private final EmbedderSettings settings;

    MiniLmEmbedder(OnnxModel model, MiniLmTokens tokens, EmbedderSettings settings) {
        this.model = model;
        this.tokens = tokens;
        this.settings = settings;
    }

    @Override
    public int dimensions() {
        return DIMENSIONS;
    }

    @Override
    public List<float[]> embed(List<String> texts) {
        List<float[]> out = new ArrayList<>(texts.size());
        for (int start = 0; start < texts.size(); start += settings.batchSize()) {
            List<String> batch = texts.subList(start, Math.min(texts.size(), start + settings.batchSize()));
            for (float[] v : run(tokens.encode(batch))) {
                out.add(v);
            }
        }
        return out;
    }

    private float[][] run(MiniLmTokens.Batch batch) {
        long[] shape = {batch.rows(), batch.seq()};
        try (OnnxInputs inputs = model.newInputs().longs("input_ids", batch.ids(), shape)
                .longs("attention_mask", batch.mask(), shape)) {
            if (model.signature().findInput("token_type_ids").isPresent()) {
                inputs.longs("token_type_ids", batch.types(), shape);
            }
            try (OnnxOutputs outputs = model.run(inputs)) {
                float[] hidden = outputs.floats(model.signature().output(0).name()).data();
                return MeanPooling.pool(hidden, batch.mask(), batch.rows(), batch.seq(), DIMENSIONS);
            }
        }
    }

    /** Frees the tokenizer; the session belongs to the {@code OnnxSessions} it came from. */
    @Override
    public void close() {
        tokens.close();
    }
}
