package dev.tagline.cli;

/** The exit codes of every {@code tagline} command, documented in {@code tagline --help} and the README. */
public final class ExitCode {
    /** Everything worked. */
    public static final int OK = 0;
    /** The command ran to the end, but some items (images, clips, posts) failed; each one was reported. */
    public static final int SOME_FAILED = 1;
    /** The command could not run: bad flag, bad setting, missing file or tool. Nothing was changed. */
    public static final int USAGE = 2;

    private ExitCode() {
    }
}
