package dev.tagline.core.process;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/** A JVM that runs {@code sleep 60} through {@link ProcessRunner} and prints its pid: {@link StopToolsIT} stops it. */
public final class StopToolsProbe {
    private StopToolsProbe() {
    }

    public static void main(String[] args) {
        // the shell prints its pid, then becomes sleep under that pid
        new ProcessRunner().run(new ProcessSpec(List.of("sh", "-c", "echo $$; exec sleep 60"), null, Map.of(),
                Duration.ofMinutes(2)), in -> {
                    StringBuilder pid = new StringBuilder();
                    for (int c = in.read(); c >= 0 && c != '\n'; c = in.read()) {
                        pid.append((char) c);
                    }
                    System.out.println("child " + pid);
                    System.out.flush();
                    in.transferTo(java.io.OutputStream.nullOutputStream());
                });
    }
}
