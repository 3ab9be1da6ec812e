package dev.tagline.video.highlight;

import dev.tagline.video.transcript.Word;
import java.util.List;

/** Groups timed words into sentences; the finder uses {@link OpenNlpSentences}. */
@FunctionalInterface
public interface SentenceSplitter {
    /** Sentences in order, numbered from 0, each holding at least one word. */
    List<Sentence> split(List<Word> words);
}
