package dev.tagline.inference.onnx;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.tagline.core.TaglineException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The inputs and outputs of a model, in the order the file declares them. Read it from the session instead of
 * hard-coding names and sizes: {@code signature.input(0).dim(1)} is a tagger's image height.
 */
public record ModelSignature(Path file, List<TensorSpec> inputs, List<TensorSpec> outputs) {
    public ModelSignature {
        inputs = List.copyOf(inputs);
        outputs = List.copyOf(outputs);
    }

    static ModelSignature read(Path file, OrtSession session) throws OrtException {
        return new ModelSignature(file, specs(session.getInputInfo()), specs(session.getOutputInfo()));
    }

    private static List<TensorSpec> specs(Map<String, NodeInfo> infos) {
        List<TensorSpec> specs = new ArrayList<>();
        infos.values().forEach(info -> specs.add(TensorSpec.of(info)));
        return specs;
    }

    public TensorSpec input(int index) {
        return inputs.get(index);
    }

    public TensorSpec output(int index) {
        return outputs.get(index);
    }

    public Optional<TensorSpec> findInput(String name) {
        return inputs.stream().filter(t -> t.name().equals(name)).findFirst();
    }

    public Optional<TensorSpec> findOutput(String name) {
        return outputs.stream().filter(t -> t.name().equals(name)).findFirst();
    }

    /** The input called {@code name}; an error naming the file and its actual inputs when there is none. */
    public TensorSpec input(String name) {
        return findInput(name).orElseThrow(() -> mismatch("has no input '" + name + "'; its inputs are "
                + list(inputs)));
    }

    /** The output called {@code name}; an error naming the file and its actual outputs when there is none. */
    public TensorSpec output(String name) {
        return findOutput(name).orElseThrow(() -> mismatch("has no output '" + name + "'; its outputs are "
                + list(outputs)));
    }

    /** {@code input float32 [N,448,448,3] → output float32 [N,10]}. */
    @Override
    public String toString() {
        return list(inputs) + " → " + list(outputs);
    }

    /** {@code x float32 [N,3], ids int64 [N]}: the specs as one line, for messages and diagnostics. */
    public static String list(List<TensorSpec> specs) {
        return specs.stream().map(TensorSpec::toString).collect(Collectors.joining(", "));
    }

    /** An error for a model that does not look the way the caller expects. */
    TaglineException mismatch(String what) {
        return new TaglineException("Model " + file + " " + what,
                "The file is not the model this command expects: check the model id or --model-path.");
    }
}
