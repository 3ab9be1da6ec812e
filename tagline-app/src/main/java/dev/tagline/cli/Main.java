package dev.tagline.cli;

/** Entry point of the {@code tagline} command. The only place that calls {@link System#exit}. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        if (java.util.List.of(args).contains("--verbose")) {
            // before any logger exists: slf4j-simple fixes a logger's level when it is created
            System.setProperty("org.slf4j.simpleLogger.log.dev.tagline", "debug");
        }
        System.exit(Cli.run(CliContext.system(), args));
    }
}
