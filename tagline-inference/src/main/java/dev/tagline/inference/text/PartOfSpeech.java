package dev.tagline.inference.text;

import dev.tagline.core.TaglineException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import opennlp.tools.postag.POSModel;
import opennlp.tools.postag.POSTaggerME;

/**
 * English part-of-speech tags with the OpenNLP UD-EWT model from {@code opennlp-models-pos-en:1.3.0} (models.md §6),
 * loaded from the classpath. Tags are UD UPOS ({@code NOUN}, {@code PROPN}, {@code VERB}, {@code ADJ}, …), each
 * word's tag chosen in the context of its sentence. Known weak spots: a verb in "-s" after a noun is often read as a
 * second noun ("the water tastes perfect"), and a sentence's capitalised first word as a proper noun. Thread-safe: the
 * model is shared and a tagger is made per call (POSTaggerME is not thread-safe).
 */
public final class PartOfSpeech {
    /** Jar-root resource of opennlp-models-pos-en 1.3.0. */
    static final String MODEL_RESOURCE = "/opennlp-en-ud-ewt-pos-1.3-2.5.4.bin";
    private final POSModel model;

    private PartOfSpeech(POSModel model) {
        this.model = model;
    }

    /** Loads the English model (≈ 1.2 MB, about 100 ms); keep the instance. */
    public static PartOfSpeech english() {
        try (InputStream in = PartOfSpeech.class.getResourceAsStream(MODEL_RESOURCE)) {
            if (in == null) {
                throw new TaglineException("The OpenNLP part-of-speech model " + MODEL_RESOURCE + " is not on the"
                        + " classpath", "Add org.apache.opennlp:opennlp-models-pos-en:1.3.0 to the build.");
            }
            return new PartOfSpeech(new POSModel(in));
        } catch (IOException e) {
            throw new TaglineException("Cannot read the OpenNLP part-of-speech model " + MODEL_RESOURCE + ": "
                    + e.getMessage(), "The opennlp-models-pos-en jar may be damaged; rebuild.", e);
        }
    }

    /**
     * The tags of one sentence's tokens (words and punctuation marks, in order, as UD-EWT splits them: "don't" is
     * {@code do n't}), one per token.
     */
    public List<Tagged> tag(List<String> tokens) {
        if (tokens.isEmpty()) {
            return List.of();
        }
        POSTaggerME tagger = new POSTaggerME(model);
        String[] words = tokens.toArray(String[]::new);
        String[] tags = tagger.tag(words);
        double[] probabilities = tagger.probs();
        List<Tagged> out = new ArrayList<>(words.length);
        for (int i = 0; i < words.length; i++) {
            out.add(new Tagged(words[i], tags[i], probabilities[i]));
        }
        return out;
    }

    /**
     * @param token the token as given
     * @param tag its UD UPOS tag
     * @param probability the model's probability for that tag at this position, 0–1
     */
    public record Tagged(String token, String tag, double probability) {
    }
}
