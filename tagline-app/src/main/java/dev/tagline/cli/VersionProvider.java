package dev.tagline.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** {@code tagline --version}: the build's version, Java and ONNX Runtime flavour. */
final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() throws IOException {
        Properties props = new Properties();
        try (InputStream in = VersionProvider.class.getResourceAsStream("/tagline-version.properties")) {
            if (in != null) {
                props.load(in);
            }
        }
        String ort = props.getProperty("onnxruntime.artifact", "onnxruntime");
        return new String[] {
            "tagline " + props.getProperty("version", "unknown"),
            "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")",
            "ONNX Runtime " + props.getProperty("onnxruntime.version", "unknown") + " ("
                    + (ort.endsWith("_gpu") ? "GPU build: --device cuda[:N] available" : "CPU build") + ")"};
    }
}
