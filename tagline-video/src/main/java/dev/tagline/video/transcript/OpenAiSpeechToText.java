package dev.tagline.video.transcript;

import dev.tagline.inference.openai.TranscriptionClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** Speech-to-text through an OpenAI-compatible {@code /v1/audio/transcriptions} server, with word times. */
public final class OpenAiSpeechToText implements SpeechToText {
    private final TranscriptionClient client;
    private final String model;
    private final Optional<String> language;

    public OpenAiSpeechToText(TranscriptionClient client, String model, Optional<String> language) {
        this.client = client;
        this.model = model;
        this.language = language;
    }

    @Override
    public Transcript transcribe(Path audio) {
        var answer = client.transcribe(new TranscriptionClient.Request(audio, model, language, Optional.empty()));
        return TranscriptJson.fromTranscription(answer, "speech-to-text (" + model + ")", Duration.ZERO);
    }
}
