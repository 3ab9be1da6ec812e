package dev.tagline.cli;

import dev.tagline.core.TaglineException;
import dev.tagline.inference.onnx.Device;
import dev.tagline.inference.onnx.OnnxSessions;
import dev.tagline.inference.onnx.SessionConfig;
import java.io.PrintWriter;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code --device} and {@code --threads} for every command that runs a model ({@code @Mixin DeviceOptions device;}).
 * Like every option they can come from the environment ({@code TAGLINE_DEVICE}, {@code TAGLINE_TAG_THREADS}) or
 * {@code tagline.toml} ({@code device = "cuda"}).
 */
public final class DeviceOptions {
    @Option(names = "--device", paramLabel = "cpu|cuda[:N]", defaultValue = "cpu", converter = DeviceConverter.class,
            description = "Where models run: cpu, cuda (the first GPU) or cuda:N. A GPU needs the GPU build "
                    + "(./mvnw -Pgpu -DskipTests package). Default: ${DEFAULT-VALUE}.")
    Device device;

    @Option(names = "--threads", paramLabel = "N",
            description = "CPU threads each model uses (ONNX Runtime intra-op threads). Default: one per core, "
                    + "at most 8.")
    Integer threads;

    /** Whether {@code --threads} was given (else the thread count is the default, which some pipelines divide). */
    public boolean threadsChosen() {
        return threads != null;
    }

    /** The session settings these options ask for. */
    public SessionConfig sessionConfig() {
        SessionConfig config = SessionConfig.defaults().withDevice(device);
        return threads == null ? config : config.withIntraOpThreads(threads);
    }

    /**
     * Sessions for one command run: the device is checked now (a GPU on the CPU build fails before any work), and
     * each model's one-line description ({@code model.onnx on CPU, 4 intra-op threads, loaded in 40 ms}) goes to
     * {@code log} as it loads. The caller closes them.
     */
    public OnnxSessions openSessions(PrintWriter log) {
        SessionConfig config = sessionConfig();
        OnnxSessions sessions = new OnnxSessions(model -> log.println(model.describe()));
        try {
            sessions.checkDevice(config.device());
        } catch (TaglineException e) {
            sessions.close();
            throw e;
        }
        return sessions;
    }

    static final class DeviceConverter implements ITypeConverter<Device> {
        @Override
        public Device convert(String value) {
            try {
                return Device.parse(value);
            } catch (TaglineException e) {
                throw new TypeConversionException(e.oneLine().replaceFirst("\\.$", "")); // the CLI adds ". Run …"
            }
        }
    }
}
