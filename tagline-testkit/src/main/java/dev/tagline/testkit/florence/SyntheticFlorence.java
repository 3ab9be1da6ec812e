package dev.tagline.testkit.florence;

import dev.tagline.testkit.onnx.Attr;
import dev.tagline.testkit.onnx.ElementType;
import dev.tagline.testkit.onnx.OnnxGraphBuilder;
import dev.tagline.testkit.onnx.TensorValue;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A tiny Florence-2 export with the real file names, tensor names and key/value cache layout of
 * {@code onnx-community/Florence-2-*} (reference/captioning.md §4.1): {@code vision_encoder}, {@code embed_tokens},
 * {@code encoder_model} and {@code decoder_model_merged} (an {@code If} on {@code use_cache_branch}, with
 * {@code past_key_values.{i}.{decoder,encoder}.{key,value}} in and {@code present.*} out), plus a synthetic BART-like
 * {@code tokenizer.json} and the config JSONs (generation, preprocessor and model config). Hidden size
 * {@value #HIDDEN}, {@value #HEADS} heads of {@value #HEAD_DIM}, {@value #LAYERS} layers, a
 * {@value #GRID}x{@value #GRID} grid of image tokens.
 *
 * <p>The decoder is a real causal transformer (self-attention over its cache, cross-attention over the encoder), but
 * its logits are dominated by a designed bigram table over the tokens {@code a}, {@code b}, {@code c}, {@code <s>} and
 * {@code </s>}; every other token sits at about -30. The attention adds a small history- and image-dependent
 * perturbation (a few hundredths), so that a wrong cache changes the logits without changing the designed choices:
 * <ul>
 * <li>after the forced {@code <s>}: {@code a} 2.0, {@code b} 1.5 (greedy takes {@code a});</li>
 * <li>after {@code a}: {@code a} 2.0, {@code c} 1.0, {@code </s>} 0.5 (greedy repeats {@code a});</li>
 * <li>after {@code b}: {@code c} 4.0; after {@code c}: {@code </s>} 4.0.</li>
 * </ul>
 * So greedy gives "aaaa…" (or "aaac" with no-repeat n-gram 3), while the best sequence by Hugging Face's
 * length-normalised score is "bc", which beam search with 3 beams finds.
 *
 * <p>In the cache branch the decoder outputs a zero placeholder for {@code present.*.encoder.*}, as optimum's merged
 * decoders do: callers must keep the encoder key/values of the first step.
 *
 * <p>Longer than the usual class: it is the whole export (four graphs, their configs and the designed weights) in one
 * place, so that the tensor names and the cache layout can be read against reference/captioning.md §4.1 together.
 */
public final class SyntheticFlorence {
    public static final int HIDDEN = 8;
    public static final int HEADS = 2;
    public static final int HEAD_DIM = 4;
    public static final int LAYERS = 2;
    public static final int GRID = 4;
    public static final int IMAGE_SIZE = 768;
    /** The added tokens of the real tokenizer that the tests use (processing_florence2.py). */
    public static final List<String> ADDED = List.of("<od>", "</od>", "<ocr>", "</ocr>", "<loc_0>", "<loc_1>");
    /** Slots of the designed tokens in the embedding; dim 5 is a constant 1 (the bias), dims 6 and 7 are free. */
    private static final int BIAS_DIM = 5;
    private static final float[][] TABLE = {
        // to:  a     b     c    <s>   </s>      from:
        {2.0f, -1f, 1.0f, -8f, 0.5f},          // a
        {-2f, -2f, 4.0f, -8f, -2f},            // b
        {-2f, -2f, -2f, -8f, 4.0f},            // c
        {2.0f, 1.5f, -2f, -8f, -2f},           // <s>
        {0f, 0f, 0f, 1f, 0f},                  // </s> (the decoder start token; <s> is forced after it)
    };

    /** What was written: the folder, the tokenizer and the ids of the designed tokens. */
    public record Model(Path dir, SyntheticBpeTokenizer tokenizer, int a, int b, int c) {
    }

    private final boolean fp16;
    private final boolean openHeadDims;
    private final int vocab;
    private final int[] slots;
    private final Random random = new Random(42);

    private SyntheticFlorence(SyntheticBpeTokenizer tokenizer, boolean fp16, int vocab, boolean openHeadDims) {
        this.fp16 = fp16;
        this.openHeadDims = openHeadDims;
        this.vocab = vocab;
        this.slots = new int[] {tokenizer.id("a"), tokenizer.id("b"), tokenizer.id("c"), 0, 2};
    }

    /**
     * Writes the model into {@code dir} with file suffix {@code suffix} ("" for fp32, "_fp16", "_q4" …); {@code fp16}
     * makes every float input and output float16, as the {@code _fp16} export has them. {@code promptTexts} are the
     * texts whose words get one token each.
     */
    public static Model write(Path dir, String suffix, boolean fp16, List<String> promptTexts) {
        return write(dir, suffix, fp16, promptTexts, 0);
    }

    /**
     * As {@link #write(Path, String, boolean, List)}, with embedding and logits {@code modelVocab} wide (at least the
     * tokenizer's size) as the real export's 51,328 are wider than its tokenizer: for benchmarks whose per-step work
     * on the logits should be real-sized.
     */
    public static Model write(Path dir, String suffix, boolean fp16, List<String> promptTexts, int modelVocab) {
        return write(dir, suffix, fp16, promptTexts, modelVocab, false);
    }

    /**
     * As above; {@code openHeadDims} declares the cache's head count and head size as symbolic dims ({@code heads},
     * {@code head_dim}) instead of fixed ones, as an export may: readers must then take them from config.json, which
     * this writes with {@code text_config.decoder_attention_heads} and {@code d_model}.
     */
    public static Model write(Path dir, String suffix, boolean fp16, List<String> promptTexts, int modelVocab,
            boolean openHeadDims) {
        SyntheticBpeTokenizer tokenizer = SyntheticBpeTokenizer.of(promptTexts, ADDED);
        SyntheticFlorence model = new SyntheticFlorence(tokenizer, fp16, Math.max(modelVocab,
                tokenizer.size()), openHeadDims);
        try {
            Files.createDirectories(dir);
            tokenizer.write(dir);
            model.visionEncoder().write(dir.resolve("vision_encoder" + suffix + ".onnx"));
            model.embedTokens().write(dir.resolve("embed_tokens" + suffix + ".onnx"));
            model.encoder().write(dir.resolve("encoder_model" + suffix + ".onnx"));
            model.decoder().write(dir.resolve("decoder_model_merged" + suffix + ".onnx"));
            Files.writeString(dir.resolve("generation_config.json"), "{\"bos_token_id\":0,\"decoder_start_token_id\":2,"
                    + "\"early_stopping\":true,\"eos_token_id\":2,\"forced_bos_token_id\":0,\"forced_eos_token_id\":2,"
                    + "\"no_repeat_ngram_size\":3,\"num_beams\":3,\"pad_token_id\":1}");
            Files.writeString(dir.resolve("preprocessor_config.json"), "{\"do_resize\":true,\"size\":{\"height\":"
                    + IMAGE_SIZE + ",\"width\":" + IMAGE_SIZE + "},\"resample\":3,\"do_rescale\":true,"
                    + "\"rescale_factor\":0.00392156862745098,\"do_normalize\":true,"
                    + "\"image_mean\":[0.485,0.456,0.406],\"image_std\":[0.229,0.224,0.225],\"image_seq_length\":"
                    + GRID * GRID + "}");
            Files.writeString(dir.resolve("config.json"), "{\"model_type\":\"florence2\",\"text_config\":{"
                    + "\"decoder_attention_heads\":" + HEADS + ",\"d_model\":" + HIDDEN + ",\"decoder_layers\":"
                    + LAYERS + "}}");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Model(dir, tokenizer, model.slots[0], model.slots[1], model.slots[2]);
    }

    private Object heads() {
        return openHeadDims ? "heads" : HEADS;
    }

    private Object headDim() {
        return openHeadDims ? "head_dim" : HEAD_DIM;
    }

    private ElementType io() {
        return fp16 ? ElementType.FLOAT16 : ElementType.FLOAT;
    }

    /** A float input; with fp16 I/O it is declared float16 and cast to float under the name {@code name + "_f"}. */
    private String floatInput(OnnxGraphBuilder g, String name, Object... dims) {
        g.input(name, io(), dims);
        if (!fp16) {
            return name;
        }
        g.cast(name, name + "_f", ElementType.FLOAT);
        return name + "_f";
    }

    /** Declares float output {@code name} computed into {@code value}. */
    private void floatOutput(OnnxGraphBuilder g, String value, String name, Object... dims) {
        if (fp16) {
            g.cast(value, name, ElementType.FLOAT16);
        } else {
            g.identity(value, name);
        }
        g.output(name, io(), dims);
    }

    /** {@code pixel_values [b,3,768,768]} → {@code image_features [b,16,8]}: a strided convolution, flattened. */
    private OnnxGraphBuilder visionEncoder() {
        OnnxGraphBuilder g = OnnxGraphBuilder.create().name("vision_encoder");
        String px = floatInput(g, "pixel_values", "batch_size", 3, IMAGE_SIZE, IMAGE_SIZE);
        int k = IMAGE_SIZE / GRID;
        float[] w = new float[HIDDEN * 3];
        for (int i = 0; i < w.length; i++) {
            w[i] = (random.nextFloat() * 2 - 1) / (k * k);
        }
        g.floats("ve_w_small", w, HIDDEN, 3, 1, 1);
        // Average over each k×k cell, then mix channels: conv with a constant kernel, then a 1×1 conv.
        float[] mean = new float[3 * k * k];
        java.util.Arrays.fill(mean, 1f);
        g.floats("ve_pool", mean, 3, 1, k, k);
        g.conv(px, "ve_pool", null, "ve_cells", Attr.ints("kernel_shape", k, k), Attr.ints("strides", k, k),
                Attr.i("group", 3));
        g.conv("ve_cells", "ve_w_small", null, "ve_mixed");
        g.reshape("ve_mixed", "ve_flat", 0, HIDDEN, GRID * GRID);
        g.transpose("ve_flat", "ve_features", 0, 2, 1);
        floatOutput(g, "ve_features", "image_features", "batch_size", GRID * GRID, HIDDEN);
        return g;
    }

    /** {@code input_ids} → {@code inputs_embeds}: designed tokens are unit vectors; every token has the bias 1. */
    private OnnxGraphBuilder embedTokens() {
        float[] table = new float[vocab * HIDDEN];
        for (int t = 0; t < vocab; t++) {
            table[t * HIDDEN + BIAS_DIM] = 1f;
            table[t * HIDDEN + 6] = random.nextFloat() - 0.5f;
            table[t * HIDDEN + 7] = random.nextFloat() - 0.5f;
        }
        for (int s = 0; s < slots.length; s++) {
            table[slots[s] * HIDDEN + s] = 1f;
        }
        OnnxGraphBuilder g = OnnxGraphBuilder.create().name("embed_tokens")
                .input("input_ids", ElementType.INT64, "batch_size", "sequence_length")
                .floats("embed_table", table, vocab, HIDDEN)
                .gather("embed_table", "input_ids", "embedded", 0);
        floatOutput(g, "embedded", "inputs_embeds", "batch_size", "sequence_length", HIDDEN);
        return g;
    }

    /** {@code inputs_embeds, attention_mask} → {@code last_hidden_state = tanh(x W) · mask}. */
    private OnnxGraphBuilder encoder() {
        OnnxGraphBuilder g = OnnxGraphBuilder.create().name("encoder_model");
        String x = floatInput(g, "inputs_embeds", "batch_size", "encoder_sequence_length", HIDDEN);
        g.input("attention_mask", ElementType.INT64, "batch_size", "encoder_sequence_length");
        g.initializer(TensorValue.random("enc_w", 7, 0.8f, HIDDEN, HIDDEN));
        g.matMul(x, "enc_w", "enc_xw").op("Tanh", "enc_t", List.of("enc_xw"));
        g.cast("attention_mask", "enc_maskf", ElementType.FLOAT).reshape("enc_maskf", "enc_mask3", 0, -1, 1);
        g.mul("enc_t", "enc_mask3", "enc_out");
        floatOutput(g, "enc_out", "last_hidden_state", "batch_size", "encoder_sequence_length", HIDDEN);
        return g;
    }

    private OnnxGraphBuilder decoder() {
        OnnxGraphBuilder g = OnnxGraphBuilder.create().name("decoder_model_merged");
        g.input("encoder_attention_mask", ElementType.INT64, "batch_size", "encoder_sequence_length");
        String enc = floatInput(g, "encoder_hidden_states", "batch_size", "encoder_sequence_length", HIDDEN);
        String x = floatInput(g, "inputs_embeds", "batch_size", "decoder_sequence_length", HIDDEN);
        List<String[]> past = new ArrayList<>();
        for (int l = 0; l < LAYERS; l++) {
            String[] names = new String[4];
            int i = 0;
            for (String part : List.of("decoder.key", "decoder.value", "encoder.key", "encoder.value")) {
                String seq = part.startsWith("decoder") ? "past_decoder_sequence_length"
                        : "encoder_sequence_length_out";
                names[i++] = floatInput(g, "past_key_values." + l + "." + part, "batch_size", heads(), seq,
                        headDim());
            }
            past.add(names);
        }
        g.input("use_cache_branch", ElementType.BOOL, 1);
        g.reshape("use_cache_branch", "cache_flag", new long[0]);
        g.cast("encoder_attention_mask", "xmask_f", ElementType.FLOAT);
        g.floats("one", new float[] {1f}).floats("big", new float[] {1e4f});
        g.sub("xmask_f", "one", "xmask_m1").mul("xmask_m1", "big", "xmask_add0");
        g.reshape("xmask_add0", "xmask_add", 0, 1, 1, -1);
        g.floats("scale", new float[] {(float) (1 / Math.sqrt(HEAD_DIM))});
        g.longs("two", new long[] {2}, 1).longs("one_i", new long[] {1}, 1);
        List<String> outs = new ArrayList<>();
        for (int l = 0; l < LAYERS; l++) {
            x = layer(g, l, x, enc, past.get(l), outs);
        }
        float[] lm = new float[HIDDEN * vocab];
        for (int from = 0; from < slots.length; from++) {
            for (int to = 0; to < slots.length; to++) {
                lm[from * vocab + slots[to]] = TABLE[from][to];
            }
        }
        for (int t = 0; t < vocab; t++) {
            boolean designed = false;
            for (int s : slots) {
                designed |= s == t;
            }
            lm[BIAS_DIM * vocab + t] = designed ? 0f : -30f;
            lm[6 * vocab + t] = (random.nextFloat() - 0.5f) * 0.2f;
            lm[7 * vocab + t] = (random.nextFloat() - 0.5f) * 0.2f;
        }
        g.floats("lm_head", lm, HIDDEN, vocab).matMul(x, "lm_head", "logits_f");
        floatOutput(g, "logits_f", "logits", "batch_size", "decoder_sequence_length", vocab);
        for (int l = 0; l < LAYERS; l++) {
            String[] parts = {"decoder.key", "decoder.value", "encoder.key", "encoder.value"};
            for (int i = 0; i < 4; i++) {
                String seq = i < 2 ? "present_sequence_length" : "encoder_sequence_length_out";
                floatOutput(g, outs.get(l * 4 + i), "present." + l + "." + parts[i], "batch_size", heads(), seq,
                        headDim());
            }
        }
        return g;
    }

    /** One decoder layer; adds its four present values to {@code outs} and returns the layer's output. */
    private String layer(OnnxGraphBuilder g, int l, String x, String enc, String[] past, List<String> outs) {
        String p = "L" + l + "_";
        heads(g, x, p + "q", p + "wq");
        heads(g, x, p + "k_new", p + "wk");
        heads(g, x, p + "v_new", p + "wv");
        heads(g, x, p + "q2", p + "wq2");
        // no cache: the step's own keys, and the encoder's keys computed here
        OnnxGraphBuilder fresh = OnnxGraphBuilder.create().name(p + "no_cache");
        fresh.identity(p + "k_new", p + "nc_dk").identity(p + "v_new", p + "nc_dv");
        heads(fresh, enc, p + "nc_ek", p + "wek");
        heads(fresh, enc, p + "nc_ev", p + "wev");
        fresh.identity(p + "nc_ek", p + "nc_pek").identity(p + "nc_ev", p + "nc_pev");
        // cache: past + step keys; the encoder keys come from the past, the encoder "present" is a placeholder
        OnnxGraphBuilder cached = OnnxGraphBuilder.create().name(p + "cache");
        cached.concat(p + "c_dk", 2, past[0], p + "k_new").concat(p + "c_dv", 2, past[1], p + "v_new");
        cached.identity(past[2], p + "c_ek").identity(past[3], p + "c_ev");
        cached.constant(p + "c_pek", TensorValue.floats(p + "c_pek_v", new float[HEADS * HEAD_DIM], 1, HEADS, 1,
                HEAD_DIM));
        cached.constant(p + "c_pev", TensorValue.floats(p + "c_pev_v", new float[HEADS * HEAD_DIM], 1, HEADS, 1,
                HEAD_DIM));
        List<String> branchOut = List.of("dk", "dv", "ek", "ev", "pek", "pev");
        for (String o : branchOut) {
            fresh.outputWithoutShape(p + "nc_" + o, ElementType.FLOAT);
            cached.outputWithoutShape(p + "c_" + o, ElementType.FLOAT);
        }
        g.node("If", List.of("cache_flag"), branchOut.stream().map(o -> p + o).toList(),
                Attr.graph("then_branch", cached), Attr.graph("else_branch", fresh));
        // causal self-attention over the cache
        g.op("Shape", p + "dk_shape", List.of(p + "dk")).gather(p + "dk_shape", "two", p + "T", 0);
        g.op("Shape", p + "q_shape", List.of(p + "q")).gather(p + "q_shape", "two", p + "t", 0);
        g.sub(p + "T", p + "t", p + "past_len").add(p + "past_len", "one_i", p + "diag");
        g.concat(p + "tT", 0, p + "t", p + "T");
        g.op("ConstantOfShape", p + "ones", List.of(p + "tT"),
                Attr.tensor("value", TensorValue.floats(p + "ones_v", new float[] {1f}, 1)));
        g.reshape(p + "diag", p + "diag0", new long[0]);
        g.op("Trilu", p + "future", List.of(p + "ones", p + "diag0"), Attr.i("upper", 1));
        g.mul(p + "future", "big", p + "future_big");
        attention(g, p + "self", p + "q", p + "dk", p + "dv", p + "future_big");
        attention(g, p + "cross", p + "q2", p + "ek", p + "ev", "xmask_add");
        g.initializer(sparseOut(p + "wo")).initializer(sparseOut(p + "wo2"));
        g.matMul(p + "self_merged", p + "wo", p + "self_proj").matMul(p + "cross_merged", p + "wo2", p + "cross_proj");
        g.add(x, p + "self_proj", p + "x1").add(p + "x1", p + "cross_proj", p + "out");
        outs.addAll(List.of(p + "dk", p + "dv", p + "pek", p + "pev"));
        return p + "out";
    }

    /** {@code x [b,s,8] · W → [b,heads,s,head_dim]}, with a fresh random {@code W} named {@code weight}. */
    private void heads(OnnxGraphBuilder g, String x, String out, String weight) {
        g.initializer(TensorValue.random(weight, random.nextLong(), 0.7f, HIDDEN, HIDDEN));
        g.matMul(x, weight, out + "_flat").reshape(out + "_flat", out + "_4d", 0, 0, HEADS, HEAD_DIM)
                .transpose(out + "_4d", out, 0, 2, 1, 3);
    }

    /** Softmax attention of {@code q} over {@code k}/{@code v} minus {@code mask}; result {@code name_merged}. */
    private void attention(OnnxGraphBuilder g, String name, String q, String k, String v, String mask) {
        g.transpose(k, name + "_kt", 0, 1, 3, 2).matMul(q, name + "_kt", name + "_raw")
                .mul(name + "_raw", "scale", name + "_scaled");
        if (mask.endsWith("future_big")) {
            g.sub(name + "_scaled", mask, name + "_masked");
        } else {
            g.add(name + "_scaled", mask, name + "_masked");
        }
        g.softmax(name + "_masked", name + "_p", -1).matMul(name + "_p", v, name + "_ctx")
                .transpose(name + "_ctx", name + "_ctx_t", 0, 2, 1, 3)
                .reshape(name + "_ctx_t", name + "_merged", 0, 0, HIDDEN);
    }

    /** An output projection that writes only dims 6 and 7, so attention never touches the designed logits. */
    private TensorValue sparseOut(String name) {
        float[] w = new float[HIDDEN * HIDDEN];
        for (int r = 0; r < HIDDEN; r++) {
            w[r * HIDDEN + 6] = (random.nextFloat() - 0.5f) * 0.6f;
            w[r * HIDDEN + 7] = (random.nextFloat() - 0.5f) * 0.6f;
        }
        return TensorValue.floats(name, w, HIDDEN, HIDDEN);
    }
}
