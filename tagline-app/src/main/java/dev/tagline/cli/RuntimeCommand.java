package dev.tagline.cli;

import dev.tagline.inference.onnx.ModelSignature;
import dev.tagline.inference.onnx.OnnxModel;
import dev.tagline.inference.onnx.OnnxSessions;
import dev.tagline.inference.onnx.SessionConfig;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code tagline runtime [--device D] [--threads N] [MODEL.onnx…]}: which ONNX Runtime build is installed, whether the
 * chosen device works, and how each given model loads and what its inputs and outputs are. For GPU set-up and for
 * checking a {@code --model-path} file (docs/runtime.md describes it).
 */
@Command(name = "runtime", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Show the ONNX Runtime build, check --device, and load the given .onnx files.")
final class RuntimeCommand implements Callable<Integer> {
    private final CliContext ctx;

    @Mixin
    DeviceOptions device;

    @Parameters(paramLabel = "MODEL.onnx", arity = "0..*", description = "Model files to load and describe.")
    List<Path> models = List.of();

    RuntimeCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        PrintWriter out = ctx.out();
        SessionConfig config = device.sessionConfig();
        try (OnnxSessions sessions = device.openSessions(out)) {
            boolean gpuBuild = sessions.availableProviders().stream().anyMatch(p -> p.name().equals("CUDA"));
            out.println("ONNX Runtime " + sessions.runtimeVersion() + ", " + (gpuBuild ? "GPU" : "CPU")
                    + " build (providers: " + sessions.availableProviders().stream().map(Enum::name).sorted()
                            .toList() + ")");
            out.println("device " + config.device() + ", " + Counts.of(config.intraOpThreads(), "intra-op thread"));
            for (Path file : models) {
                OnnxModel model = sessions.load(ctx.resolve(file), config);
                ModelSignature signature = model.signature();
                out.println("  inputs:  " + ModelSignature.list(signature.inputs()));
                out.println("  outputs: " + ModelSignature.list(signature.outputs()));
            }
        }
        return ExitCode.OK;
    }
}
