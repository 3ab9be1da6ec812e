package dev.tagline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtProvider;
import dev.tagline.testkit.onnx.ElementType;
import dev.tagline.testkit.onnx.OnnxGraphBuilder;
import dev.tagline.testkit.onnx.TensorValue;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link DeviceOptions} through {@code tagline runtime}: flags, settings layering, and the errors a user sees. */
class RuntimeCommandTest {
    @TempDir
    Path dir;

    private CliTestSupport cli(String... env) {
        Map<String, String> vars = new HashMap<>(Map.of("TAGLINE_HOME", dir.resolve("home").toString()));
        for (int i = 0; i < env.length; i += 2) {
            vars.put(env[i], env[i + 1]);
        }
        return new CliTestSupport(dir, vars);
    }

    private static void assumeCpuBuild() {
        assumeFalse(OrtEnvironment.getAvailableProviders().contains(OrtProvider.CUDA), "this is the GPU build");
    }

    @Test
    void cudaFromTheEnvironmentOnTheCpuBuildIsOneClearLineAndExitTwo() {
        assumeCpuBuild();
        CliTestSupport cli = cli("TAGLINE_DEVICE", "cuda");
        assertEquals(ExitCode.USAGE, cli.run("runtime"));
        assertEquals(1, cli.err().strip().lines().count(), cli.err());
        assertTrue(cli.err().startsWith("error: Device cuda:0 needs the GPU build of ONNX Runtime, but this Tagline "
                + "has the CPU build (providers: [CPU]). Build the GPU flavour with "
                + "'./mvnw -Pgpu -DskipTests package' (needs an NVIDIA driver, CUDA 12 and cuDNN 9"), cli.err());
        assertTrue(cli.err().strip().endsWith("or use --device cpu."), cli.err());
        assertEquals("", cli.out());
    }

    @Test
    void cudaFlagAndConfigFileGiveTheSameError() throws Exception {
        assumeCpuBuild();
        CliTestSupport flag = cli();
        assertEquals(ExitCode.USAGE, flag.run("runtime", "--device", "cuda:1"));
        assertTrue(flag.err().startsWith("error: Device cuda:1 needs the GPU build"), flag.err());
        Files.writeString(dir.resolve("tagline.toml"), "device = \"cuda\"\n");
        CliTestSupport file = cli();
        assertEquals(ExitCode.USAGE, file.run("runtime"));
        assertTrue(file.err().startsWith("error: Device cuda:0 needs the GPU build"), file.err());
        CliTestSupport override = cli();
        assertEquals(ExitCode.OK, override.run("runtime", "--device", "cpu"), override.err());
    }

    @Test
    void badDeviceTextSaysWhatIsAccepted() {
        for (CliTestSupport cli : new CliTestSupport[] {cli(), cli("TAGLINE_DEVICE", "gpu")}) {
            int code = cli.env().containsKey("TAGLINE_DEVICE") ? cli.run("runtime") : cli.run("runtime", "--device",
                    "gpu");
            assertEquals(ExitCode.USAGE, code);
            assertEquals(1, cli.err().strip().lines().count(), cli.err());
            assertTrue(cli.err().contains("Unknown device 'gpu'. Use cpu, cuda (the first GPU) or cuda:N"), cli.err());
            assertFalse(cli.err().contains(".."), cli.err());
        }
    }

    @Test
    void threadsComeFromFlagThenEnvironmentThenFileThenDefault() throws Exception {
        Files.writeString(dir.resolve("tagline.toml"), "threads = 3\n");
        CliTestSupport file = cli();
        assertEquals(ExitCode.OK, file.run("runtime"), file.err());
        assertTrue(file.out().contains("device cpu, 3 intra-op threads"), file.out());
        CliTestSupport env = cli("TAGLINE_RUNTIME_THREADS", "2");
        assertEquals(ExitCode.OK, env.run("runtime"), env.err());
        assertTrue(env.out().contains("device cpu, 2 intra-op threads"), env.out());
        CliTestSupport flag = cli("TAGLINE_THREADS", "2");
        assertEquals(ExitCode.OK, flag.run("runtime", "--threads", "1"), flag.err());
        assertTrue(flag.out().contains("device cpu, 1 intra-op thread\n"), flag.out());
    }

    @Test
    void zeroThreadsIsAUsageError() {
        CliTestSupport cli = cli();
        assertEquals(ExitCode.USAGE, cli.run("runtime", "--threads", "0"));
        assertTrue(cli.err().startsWith("error: Invalid thread count 0. Use --threads N"), cli.err());
    }

    @Test
    void loadsAModelAndPrintsWhereItRunsAndItsSignature() {
        OnnxGraphBuilder.create()
                .input("input", ElementType.FLOAT, "N", 448, 448, 3)
                .reduceMean("input", "pooled", false, 1, 2)
                .initializer(TensorValue.random("w", 1, 0.5f, 3, 10))
                .matMul("pooled", "w", "logits").sigmoid("logits", "output")
                .output("output", ElementType.FLOAT, "N", 10)
                .write(dir.resolve("wd/model.onnx"));
        CliTestSupport cli = cli();
        assertEquals(ExitCode.OK, cli.run("runtime", "--threads", "2", "wd/model.onnx"), cli.err());
        String out = cli.out();
        assertTrue(out.matches("(?s)ONNX Runtime \\d+\\.\\d+\\.\\d+, (CPU|GPU) build \\(providers: \\[.*CPU.*\\]\\)\n"
                + "device cpu, 2 intra-op threads\n"
                + "model\\.onnx on CPU, 2 intra-op threads, loaded in \\d+ ms\n"
                + "  inputs:  input float32 \\[N,448,448,3\\]\n"
                + "  outputs: output float32 \\[N,10\\]\n"), out);
    }

    @Test
    void missingModelNamesTheFile() {
        CliTestSupport cli = cli();
        assertEquals(ExitCode.USAGE, cli.run("runtime", "nope.onnx"));
        assertTrue(cli.err().startsWith("error: Model file " + dir.resolve("nope.onnx") + " does not exist."),
                cli.err());
        assertFalse(cli.err().contains("\tat "), cli.err());
    }

    @Test
    void versionNamesTheOnnxRuntimeBuild() {
        assumeCpuBuild();
        CliTestSupport cli = cli();
        assertEquals(ExitCode.OK, cli.run("--version"));
        assertTrue(cli.out().matches("(?s).*\nONNX Runtime \\d+\\.\\d+\\.\\d+ \\(CPU build\\)\n"), cli.out());
    }

    /** Dogfood round 6, H13: README sends users to {@code tagline runtime --device cuda}, which --help did not list. */
    @Test
    void runtimeWasHiddenFromTheCommandList_nowListedWithItsHelp() {
        CliTestSupport root = cli();
        assertEquals(ExitCode.OK, root.run("--help"));
        assertTrue(root.out().contains("  runtime "), root.out());
        CliTestSupport help = cli();
        assertEquals(ExitCode.OK, help.run("runtime", "--help"));
        assertTrue(help.out().contains("--device=cpu|cuda[:N]") && help.out().contains("--threads=N"), help.out());
    }
}
