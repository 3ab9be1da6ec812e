package dev.tagline.video.highlight;

import dev.tagline.video.transcript.Word;
import java.util.List;

/**
 * Groups timed words into sentences. {@link PunctuationSentences} is the built-in; OpenNLP's sentence detector
 * ({@code dev.tagline.inference.text}) plugs in here when its model is available.
 */
@FunctionalInterface
public interface SentenceSplitter {
    /** Sentences in order, numbered from 0, each holding at least one word. */
    List<Sentence> split(List<Word> words);
}
