package dev.tagline.inference.onnx;

import dev.tagline.core.TaglineException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a model runs: {@code cpu}, or one NVIDIA GPU through the CUDA execution provider ({@code cuda} = {@code cuda:0},
 * {@code cuda:1}, …). Written and parsed the same way as {@code --device}.
 */
public record Device(Kind kind, int index) {
    private static final Pattern CUDA = Pattern.compile("cuda(?::(\\d{1,3}))?");

    public enum Kind { CPU, CUDA }

    public static final Device CPU = new Device(Kind.CPU, 0);

    public Device {
        if (kind == Kind.CPU && index != 0) {
            throw new IllegalArgumentException("cpu takes no index");
        }
        if (index < 0) {
            throw new IllegalArgumentException("negative GPU index " + index);
        }
    }

    public static Device cuda(int index) {
        return new Device(Kind.CUDA, index);
    }

    /** Parses {@code cpu}, {@code cuda} or {@code cuda:N} (case and surrounding blanks ignored). */
    public static Device parse(String text) {
        String t = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        if (t.equals("cpu")) {
            return CPU;
        }
        Matcher m = CUDA.matcher(t);
        if (m.matches()) {
            return cuda(m.group(1) == null ? 0 : Integer.parseInt(m.group(1)));
        }
        throw new TaglineException("Unknown device '" + text + "'",
                "Use cpu, cuda (the first GPU) or cuda:N (GPU number N as nvidia-smi lists it, e.g. cuda:1).");
    }

    public boolean isGpu() {
        return kind == Kind.CUDA;
    }

    /** {@code cpu} or {@code cuda:N}, as {@link #parse} reads it. */
    @Override
    public String toString() {
        return kind == Kind.CPU ? "cpu" : "cuda:" + index;
    }
}
