package dev.tagline.inference.onnx;

import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtProvider;
import ai.onnxruntime.OrtSession.SessionOptions;
import dev.tagline.core.TaglineException;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Turns a {@link Device} into execution providers on {@link SessionOptions}. CUDA is added only when the ONNX Runtime
 * build on the classpath has it; when it cannot be added the caller gets an error, never a silent CPU fallback
 * (users of other taggers complain about exactly that: ../shared/reference/captioning.md §10).
 */
final class ExecutionProviders {
    static final String GPU_BUILD_HINT = "Build the GPU flavour with './mvnw -Pgpu -DskipTests package' "
            + "(needs an NVIDIA driver, CUDA 12 and cuDNN 9 on this machine; see docs/runtime.md), or use --device cpu.";

    private final Supplier<Set<OrtProvider>> available;

    ExecutionProviders(Supplier<Set<OrtProvider>> available) {
        this.available = available;
    }

    /** Throws unless this build of ONNX Runtime can run on {@code device}. */
    void check(Device device) {
        if (device.isGpu() && !available.get().contains(OrtProvider.CUDA)) {
            throw new TaglineException("Device " + device + " needs the GPU build of ONNX Runtime, but this Tagline "
                    + "has the CPU build (providers: " + available.get() + ")", GPU_BUILD_HINT);
        }
    }

    /** Adds the providers for {@code device} to {@code options}; returns how the model runs, e.g. {@code CUDA GPU 0}. */
    String apply(SessionOptions options, Device device) {
        check(device);
        if (!device.isGpu()) {
            return "CPU";
        }
        try {
            options.addCUDA(device.index());
        } catch (OrtException e) {
            throw cudaFailed(device, e);
        }
        return "CUDA GPU " + device.index();
    }

    static TaglineException cudaFailed(Device device, Exception cause) {
        return new TaglineException("Cannot use " + device + ": ONNX Runtime could not start its CUDA provider ("
                + (cause instanceof OrtException ort ? ModelFiles.reason(java.nio.file.Path.of(""), ort)
                        : cause.getMessage()) + ")",
                "Check that 'nvidia-smi' lists GPU " + device.index() + " and that CUDA 12 and cuDNN 9 libraries are "
                        + "on LD_LIBRARY_PATH, or use --device cpu. Tagline does not fall back to the CPU by itself.",
                cause);
    }
}
