package dev.tagline.inference.text;

import dev.tagline.core.TaglineException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import opennlp.tools.sentdetect.SentenceDetectorME;
import opennlp.tools.sentdetect.SentenceModel;
import opennlp.tools.util.Span;

/**
 * English sentence splitting with the OpenNLP UD-EWT model from {@code opennlp-models-sentdetect-en:1.3.0} (models.md
 * §6), loaded from the classpath. Known weak spot: it splits after some abbreviations ("Jan."). Thread-safe: the model
 * is shared and a detector is made per call (SentenceDetectorME is not thread-safe).
 */
public final class SentenceSplitter {
    /** Jar-root resource of opennlp-models-sentdetect-en 1.3.0. */
    static final String MODEL_RESOURCE = "/opennlp-en-ud-ewt-sentence-1.3-2.5.4.bin";
    private final SentenceModel model;

    private SentenceSplitter(SentenceModel model) {
        this.model = model;
    }

    /** Loads the English model (≈ 20 KB, tens of milliseconds); keep the instance. */
    public static SentenceSplitter english() {
        try (InputStream in = SentenceSplitter.class.getResourceAsStream(MODEL_RESOURCE)) {
            if (in == null) {
                throw new TaglineException("The OpenNLP sentence model " + MODEL_RESOURCE + " is not on the classpath",
                        "Add org.apache.opennlp:opennlp-models-sentdetect-en:1.3.0 to the build.");
            }
            return new SentenceSplitter(new SentenceModel(in));
        } catch (IOException e) {
            throw new TaglineException("Cannot read the OpenNLP sentence model " + MODEL_RESOURCE + ": "
                    + e.getMessage(), "The opennlp-models-sentdetect-en jar may be damaged; rebuild.", e);
        }
    }

    /** Sentences of {@code text}, trimmed, in order. */
    public List<String> split(String text) {
        return sentences(text).stream().map(Sentence::text).toList();
    }

    /** Sentences of {@code text} with their character offsets, for mapping back to timed transcripts. */
    public List<Sentence> sentences(String text) {
        List<Sentence> out = new ArrayList<>();
        for (Span span : new SentenceDetectorME(model).sentPosDetect(text)) {
            out.add(new Sentence(span.getCoveredText(text).toString(), span.getStart(), span.getEnd()));
        }
        return out;
    }

    /**
     * @param text the sentence, trimmed
     * @param start offset of its first character in the input
     * @param end offset after its last character
     */
    public record Sentence(String text, int start, int end) {
    }
}
