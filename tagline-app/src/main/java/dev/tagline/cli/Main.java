package dev.tagline.cli;

/** Entry point of the {@code tagline} command. The only place that calls {@link System#exit}. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(Cli.run(CliContext.system(), args));
    }
}
