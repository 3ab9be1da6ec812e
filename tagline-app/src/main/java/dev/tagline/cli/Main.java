package dev.tagline.cli;

/**
 * Entry point of the {@code tagline} command. The only place that calls {@link System#exit}. In a locale whose file
 * names are not UTF-8 it first starts itself again in one ({@link Utf8Relaunch}) and exits with that run's code.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        if (java.util.List.of(args).contains("--verbose")) {
            // before any logger exists: slf4j-simple fixes a logger's level when it is created
            System.setProperty("org.slf4j.simpleLogger.log.dev.tagline", "debug");
        }
        java.util.OptionalInt relaunched = Utf8Relaunch.ifNeeded(Main.class.getName(), args);
        if (relaunched.isPresent()) {
            System.exit(relaunched.getAsInt());
        }
        System.exit(Cli.run(CliContext.system(), Utf8Relaunch.arguments(args)));
    }
}
