package dev.tagline.inference.onnx;

import ai.onnxruntime.OrtException;
import dev.tagline.core.TaglineException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The errors a model file can cause, each naming the file and what to do. */
final class ModelFiles {
    static final String REFETCH = "Check it with 'tagline models verify', then download it again with "
            + "'tagline models pull ID' (ids: 'tagline models list'), or point --model-path at a good copy.";

    private ModelFiles() {
    }

    /** Throws unless {@code file} is a readable, non-empty regular file. */
    static void checkReadable(Path file) {
        if (Files.isDirectory(file)) {
            throw new TaglineException("Model file " + file + " is a folder, not an .onnx file",
                    "Name the .onnx file inside it.");
        }
        if (!Files.exists(file)) {
            throw new TaglineException("Model file " + file + " does not exist",
                    "Download it with 'tagline models pull ID' (ids: 'tagline models list'), "
                            + "or point --model-path at the file.");
        }
        if (!Files.isReadable(file)) {
            throw new TaglineException("Model file " + file + " is not readable", "Check its permissions.");
        }
        try {
            if (Files.size(file) == 0) {
                throw new TaglineException("Model file " + file + " is empty", REFETCH);
            }
        } catch (java.io.IOException e) {
            throw new TaglineException("Cannot read model file " + file + ": " + e.getMessage(), REFETCH, e);
        }
    }

    /** The error for a session that ONNX Runtime refused to create. */
    static TaglineException loadFailed(Path file, Device device, String runtimeVersion, OrtException e) {
        String reason = reason(file, e);
        return switch (e.getCode()) {
            case ORT_INVALID_PROTOBUF, ORT_NO_MODEL -> new TaglineException("Model file " + file
                    + " is not a valid ONNX model (damaged, incomplete or another format): " + reason, REFETCH, e);
            case ORT_EP_FAIL -> ExecutionProviders.cudaFailed(device, e);
            default -> device.isGpu() && reason.contains("CUDA") ? ExecutionProviders.cudaFailed(device, e)
                    : new TaglineException("ONNX Runtime " + runtimeVersion + " cannot load model " + file + ": "
                            + reason, "The model may need a newer ONNX Runtime, or be damaged. " + REFETCH, e);
        };
    }

    /** ONNX Runtime's message without the parts the error already says (code, "Load model from FILE failed:"). */
    static String reason(Path file, OrtException e) {
        String text = e.getMessage() == null ? e.getCode().toString() : e.getMessage().strip();
        text = text.replaceFirst("^Error code - \\w+ - message: ", "");
        text = text.replace("Load model from " + file + " failed:", "").strip();
        return text.isEmpty() ? e.getCode().toString() : text;
    }
}
