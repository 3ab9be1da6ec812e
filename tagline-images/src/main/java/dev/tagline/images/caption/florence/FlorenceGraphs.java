package dev.tagline.images.caption.florence;

import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxTensorLike;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.tagline.core.TaglineException;
import dev.tagline.inference.onnx.OnnxModel;
import dev.tagline.inference.onnx.TensorSpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The four Florence-2 sessions (reference/captioning.md §4.1, §4.5): {@code vision_encoder} ({@code pixel_values} →
 * {@code image_features}), {@code embed_tokens} ({@code input_ids} → {@code inputs_embeds}), {@code encoder_model}
 * (image features followed by the prompt's embeddings, all attended) and {@code decoder_model_merged}. The number of
 * decoder layers, heads and the head size are read from the decoder's {@code past_key_values.*} inputs, the float
 * type of every input (float32 or float16) from each session, so every precision of the export runs. Thread-safe
 * (ONNX Runtime sessions are); each {@link DecoderRun} is used by one thread.
 */
final class FlorenceGraphs {
    private static final Pattern PAST = Pattern.compile("past_key_values\\.(\\d+)\\.decoder\\.key");

    final OnnxModel vision;
    final OnnxModel embed;
    final OnnxModel encoder;
    final OnnxModel decoder;
    final OrtValues values;
    final int layers;
    final int heads;
    final int headDim;

    /** The sessions; {@code config} gives the head count and size when the decoder graph leaves them open. */
    FlorenceGraphs(OnnxModel vision, OnnxModel embed, OnnxModel encoder, OnnxModel decoder, FlorenceConfig config) {
        this.vision = vision;
        this.embed = embed;
        this.encoder = encoder;
        this.decoder = decoder;
        this.values = new OrtValues(OrtEnvironment.getEnvironment());
        check(vision, new String[] {"pixel_values"}, "image_features");
        check(embed, new String[] {"input_ids"}, "inputs_embeds");
        check(encoder, new String[] {"inputs_embeds", "attention_mask"}, "last_hidden_state");
        check(decoder, new String[] {"inputs_embeds", "encoder_hidden_states", "encoder_attention_mask",
            "use_cache_branch"}, "logits");
        int count = 0;
        for (TensorSpec in : decoder.signature().inputs()) {
            Matcher m = PAST.matcher(in.name());
            if (m.matches()) {
                count = Math.max(count, Integer.parseInt(m.group(1)) + 1);
            }
        }
        TensorSpec first = decoder.signature().findInput("past_key_values.0.decoder.key").orElseThrow(() ->
                mismatch(decoder, "has no past_key_values.0.decoder.key input: it is not a merged decoder with a "
                        + "key/value cache"));
        boolean known = config.decoderHeads() > 0 && config.hiddenSize() % config.decoderHeads() == 0;
        if (first.rank() != 4 || (first.dim(1) <= 0 || first.dim(3) <= 0) && !known) {
            throw mismatch(decoder, "has past_key_values.0.decoder.key " + first.describeType()
                    + ", not [batch, heads, past, head_dim] with fixed heads and head_dim, and config.json does not "
                    + "give text_config.decoder_attention_heads and d_model");
        }
        this.layers = count;
        this.heads = first.dim(1) > 0 ? (int) first.dim(1) : config.decoderHeads();
        this.headDim = first.dim(3) > 0 ? (int) first.dim(3) : config.hiddenSize() / config.decoderHeads();
    }

    /**
     * Images and their prompts encoded: {@code hidden} is {@code [images, length, hidden]}, image {@code i}'s states in
     * its first {@code lengths[i]} positions (the rest padding, masked for the decoder). Owns them until closed.
     */
    static final class Encoded implements AutoCloseable {
        final OnnxTensor hidden;
        final int length;
        final int[] lengths;
        private final List<AutoCloseable> owned;

        private Encoded(OnnxTensor hidden, int[] lengths, List<AutoCloseable> owned) {
            this.hidden = hidden;
            this.length = (int) hidden.getInfo().getShape()[1];
            this.lengths = lengths.clone();
            this.owned = owned;
        }

        int images() {
            return lengths.length;
        }

        @Override
        public void close() {
            for (AutoCloseable value : owned) {
                try {
                    value.close();
                } catch (Exception e) {
                    throw new IllegalStateException("closing an ONNX Runtime value failed", e);
                }
            }
        }
    }

    /** Vision encoder, prompt embeddings, then the encoder over both (§4.5 steps 1–4) for one image. */
    Encoded encode(float[] pixels, int height, int width, long[] promptIds) {
        try (OnnxTensor px = values.floats(pixels, type(vision, "pixel_values"), 1, 3, height, width);
             OrtSession.Result image = run(vision, Map.of("pixel_values", px));
             OnnxTensor ids = values.longs(promptIds, 1, promptIds.length);
             OrtSession.Result text = run(embed, Map.of("input_ids", ids));
             OnnxTensor joined = values.concatSequence(OrtValues.output(vision, image, "image_features"),
                     OrtValues.output(embed, text, "inputs_embeds"))) {
            long length = joined.getInfo().getShape()[1];
            long[] ones = new long[(int) length];
            Arrays.fill(ones, 1);
            try (OnnxTensor mask = values.longs(ones, 1, length)) {
                OrtSession.Result out = run(encoder, Map.of("inputs_embeds", joined, "attention_mask", mask));
                return new Encoded(OrtValues.output(encoder, out, "last_hidden_state"), new int[] {(int) length},
                        List.of(out));
            }
        }
    }

    /**
     * Several images, each encoded on its own (so its states are exactly those of a batch of one), then stacked along
     * the batch, shorter prompts padded at the end as the reference processor pads them.
     */
    Encoded encode(List<float[]> pixels, int height, int width, List<long[]> promptIds) {
        if (pixels.size() == 1) {
            return encode(pixels.get(0), height, width, promptIds.get(0));
        }
        List<Encoded> each = new ArrayList<>();
        try {
            for (int i = 0; i < pixels.size(); i++) {
                each.add(encode(pixels.get(i), height, width, promptIds.get(i)));
            }
            int[] lengths = new int[each.size()];
            List<OnnxTensor> hidden = new ArrayList<>();
            for (int i = 0; i < each.size(); i++) {
                lengths[i] = each.get(i).length;
                hidden.add(each.get(i).hidden);
            }
            OnnxTensor stacked = values.stackPadded(hidden);
            return new Encoded(stacked, lengths, List.of(stacked));
        } finally {
            each.forEach(Encoded::close);
        }
    }

    /**
     * A generation over {@code encoded} with {@code rows} hypotheses per image side by side (beams, or 1 for greedy):
     * image {@code i} owns decoder rows {@code i * rows} to {@code (i + 1) * rows - 1}.
     */
    DecoderRun decoderRun(Encoded encoded, int rows) {
        return new DecoderRun(this, encoded, rows);
    }

    /** The tokens' embeddings {@code [rows, 1, hidden]}; the caller closes the result. */
    OrtSession.Result embed(long[] tokens, int length) {
        try (OnnxTensor ids = values.longs(tokens, tokens.length / length, length)) {
            return run(embed, Map.of("input_ids", ids));
        }
    }

    /** The element type the model wants for float input {@code name}: FLOAT or FLOAT16. */
    static OnnxJavaType type(OnnxModel model, String name) {
        OnnxJavaType type = model.signature().input(name).type();
        if (type != OnnxJavaType.FLOAT && type != OnnxJavaType.FLOAT16) {
            throw mismatch(model, "takes " + model.signature().input(name) + ", not float32 or float16");
        }
        return type;
    }

    static OrtSession.Result run(OnnxModel model, Map<String, ? extends OnnxTensorLike> inputs) {
        try {
            return model.session().run(inputs);
        } catch (OrtException e) {
            throw new TaglineException("ONNX Runtime failed running " + model.file() + " on " + model.provider() + ": "
                    + e.getMessage(), model.config().device().isGpu() ? "Re-run with --verbose; if it fails only on "
                    + "the GPU, try --device cpu." : "Re-run with --verbose and report it with the output.", e);
        }
    }

    static TaglineException mismatch(OnnxModel model, String what) {
        return new TaglineException("Florence-2 graph " + model.file() + " " + what,
                "Use the four graphs of one onnx-community/Florence-2-* export, all of one --precision.");
    }

    private static void check(OnnxModel model, String[] inputs, String output) {
        for (String in : inputs) {
            if (model.signature().findInput(in).isEmpty()) {
                throw mismatch(model, "has no input '" + in + "' (it has " + model.signature() + ")");
            }
        }
        if (model.signature().findOutput(output).isEmpty()) {
            throw mismatch(model, "has no output '" + output + "' (it has " + model.signature() + ")");
        }
    }
}
