package dev.tagline.inference.text;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.tagline.inference.BuiltinSessions;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** all-MiniLM-L6-v2 through ONNX Runtime: {@code input_ids}, {@code attention_mask}, {@code token_type_ids}. */
final class MiniLmEmbedder implements TextEmbedder {
    static final int DIMENSIONS = 384;
    private final OrtSession session;
    private final MiniLmTokens tokens;
    private final EmbedderSettings settings;

    MiniLmEmbedder(OrtSession session, MiniLmTokens tokens, EmbedderSettings settings) {
        this.session = session;
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
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        long[] shape = {batch.rows(), batch.seq()};
        Map<String, OnnxTensor> inputs = new HashMap<>();
        try {
            inputs.put("input_ids", OnnxTensor.createTensor(env, LongBuffer.wrap(batch.ids()), shape));
            inputs.put("attention_mask", OnnxTensor.createTensor(env, LongBuffer.wrap(batch.mask()), shape));
            if (session.getInputNames().contains("token_type_ids")) {
                inputs.put("token_type_ids", OnnxTensor.createTensor(env, LongBuffer.wrap(batch.types()), shape));
            }
            try (OrtSession.Result result = session.run(inputs)) {
                OnnxTensor hidden = (OnnxTensor) result.get(0);
                FloatBuffer buffer = hidden.getFloatBuffer();
                float[] data = new float[buffer.remaining()];
                buffer.get(data);
                return MeanPooling.pool(data, batch.mask(), batch.rows(), batch.seq(), DIMENSIONS);
            }
        } catch (OrtException e) {
            throw BuiltinSessions.runFailed("MiniLM", "a batch of " + batch.rows() + " texts", e);
        } finally {
            inputs.values().forEach(OnnxTensor::close);
        }
    }

    @Override
    public void close() {
        tokens.close();
        try {
            session.close();
        } catch (OrtException e) {
            throw BuiltinSessions.runFailed("MiniLM", "close", e);
        }
    }
}
