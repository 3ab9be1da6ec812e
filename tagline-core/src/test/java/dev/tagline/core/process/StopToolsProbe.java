package dev.tagline.core.process;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A JVM that runs a tool through {@link ProcessRunner} and prints its pid: {@link StopToolsIT} stops it. The tool is
 * {@code sleep 60}, or the command given as arguments.
 */
public final class StopToolsProbe {
    private StopToolsProbe() {
    }

    public static void main(String[] args) {
        // the shell prints its pid, then becomes the tool under that pid
        List<String> tool = args.length == 0 ? List.of("sleep", "60") : List.of(args);
        List<String> command = new java.util.ArrayList<>(List.of("sh", "-c", "echo $$; exec \"$@\"", "sh"));
        command.addAll(tool);
        new ProcessRunner().run(new ProcessSpec(command, null, Map.of(), Duration.ofMinutes(2)), in -> {
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
