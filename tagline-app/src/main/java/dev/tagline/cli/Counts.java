package dev.tagline.cli;

/** A count and its noun for messages: {@code 1 image}, {@code 2 images}, {@code 1 file was}, {@code 3 files were}. */
final class Counts {
    private Counts() {
    }

    /** {@code n} and {@code noun}, adding an {@code s} unless {@code n} is 1. */
    static String of(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    /** {@link #of} followed by {@code was} or {@code were}. */
    static String were(long n, String noun) {
        return of(n, noun) + (n == 1 ? " was" : " were");
    }
}
