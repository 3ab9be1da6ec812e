package dev.tagline.images.caption.florence;

/** The model side of a search: next-token logits for each row, given the token each row appends. */
interface TokenScorer {
    /**
     * Appends {@code tokens[i]} to row {@code i}, which first becomes a copy of row {@code parents[i]} ({@code null}:
     * rows stay where they are), and returns each row's logits for the token after it.
     */
    float[][] step(int[] parents, long[] tokens);
}
