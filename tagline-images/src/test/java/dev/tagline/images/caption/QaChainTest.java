package dev.tagline.images.caption;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tagline.core.TaglineException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QaChainTest {
    @TempDir
    Path dir;

    /** Answers from a table keyed by the question last asked; records every prompt it got. */
    static final class Scripted implements Captioner {
        final List<String> prompts = new ArrayList<>();
        final Map<String, String> answers;
        final String failOn;

        Scripted(Map<String, String> answers, String failOn) {
            this.answers = answers;
            this.failOn = failOn;
        }

        @Override
        public String id() {
            return "scripted";
        }

        @Override
        public List<Caption> captionPrepared(List<Prepared> batch, CaptionRequest request) {
            List<Caption> out = new ArrayList<>();
            List<RuntimeException> failures = new ArrayList<>();
            for (Prepared p : batch) {
                String prompt = request.promptFor(p.input());
                prompts.add(p.input().vars().get("name") + "|" + prompt);
                String last = prompt.substring(prompt.lastIndexOf("Question: ") + 10, prompt.lastIndexOf(" Answer:"));
                if (p.input().vars().get("name").equals(failOn) && last.equals("Animal?")) {
                    out.add(null);
                    failures.add(new TaglineException("server error on " + failOn, ""));
                } else {
                    out.add(new Caption(answers.getOrDefault(last, "?"), 10, 2, "stop"));
                    failures.add(null);
                }
            }
            if (failures.stream().anyMatch(f -> f != null)) {
                throw new CaptionBatchException(out, failures);
            }
            return out;
        }
    }

    @Test
    void askSplitsAtQuestionMarksAndNamesTheAnswers() {
        QaChain chain = QaChain.parseAsk("Is this a human? Animal? subject: What is the main subject?");
        assertEquals(List.of(new QaChain.Question("is_this_a_human", "Is this a human?"),
                new QaChain.Question("animal", "Animal?"),
                new QaChain.Question("subject", "What is the main subject?")), chain.questions());
    }

    @Test
    void aQuestionsFileHasOneAQuestionPerLine() throws Exception {
        Path file = Files.writeString(dir.resolve("q.txt"), "# asked in order\nkind: What kind of animal is it?\n\n"
                + "Is it indoors?\n");
        assertEquals(List.of("kind", "is_it_indoors"), QaChain.parseFile(file).questions().stream()
                .map(QaChain.Question::key).toList());
        assertThrows(TaglineException.class, () -> QaChain.parseFile(dir.resolve("missing.txt")));
        assertTrue(assertThrows(TaglineException.class, () -> QaChain.parseAsk("Animal? animal: Which?"))
                .getMessage().contains("share the answer key 'animal'"));
    }

    @Test
    void eachAnswerJoinsTheContextOfTheNextQuestionAsBlip2Does() {
        Scripted model = new Scripted(Map.of("Is this a human?", "No.", "Animal?", "Answer: yes, a dog. It is brown",
                "Object?", "no"), null);
        QaChain chain = QaChain.parseAsk("Is this a human? Animal? Object?");
        List<QaChain.Outcome> out = chain.run(model, List.of(prepared("dog")), Optional.empty(),
                GenerationSettings.VLM);
        assertEquals(List.of(
                "dog|Question: Is this a human? Answer:",
                "dog|Question: Is this a human? Answer: no. Question: Animal? Answer:",
                "dog|Question: Is this a human? Answer: no. Question: Animal? Answer: yes, a dog. Question: Object?"
                        + " Answer:"), model.prompts);
        assertEquals(List.of("no", "yes, a dog", "no"), out.get(0).answers().stream().map(QaChain.Answer::answer)
                .toList());
        assertEquals(30, out.get(0).promptTokens());
        assertEquals("Question: Is this a human? Answer: no. Question: Animal? Answer: yes, a dog. Question:"
                + " Object? Answer: no.", QaChain.context(out.get(0).answers()));
    }

    @Test
    void aFailedAnswerStopsOnlyThatImagesChain() {
        Scripted model = new Scripted(Map.of("Is this a human?", "yes", "Animal?", "no", "Object?", "no"), "b");
        List<QaChain.Outcome> out = QaChain.parseAsk("Is this a human? Animal? Object?").run(model,
                List.of(prepared("a"), prepared("b")), Optional.empty(), GenerationSettings.VLM);
        assertEquals(3, out.get(0).answers().size());
        assertTrue(out.get(0).failure().isEmpty());
        assertEquals(1, out.get(1).answers().size());
        assertEquals("server error on b", out.get(1).failure().orElseThrow().getMessage());
        assertEquals(5, model.prompts.size(), "b is not asked the third question");
    }

    static Captioner.Prepared prepared(String name) {
        return new Captioner.Prepared(CaptionInput.of(OpenAiCaptionerTest.solid(2, 2, 0), Path.of(name + ".png"),
                List.of()), null);
    }
}
