package dev.tagline.testkit.florence;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A small BART-like byte-level BPE {@code tokenizer.json} (Hugging Face tokenizers format): {@code <s>}=0,
 * {@code <pad>}=1, {@code </s>}=2, {@code <unk>}=3, the 256 GPT-2 byte characters, one token per word of the given
 * texts (built by left-to-right merges, so each such word encodes to exactly one id), then added tokens such as
 * {@code <od>} and {@code <loc_0>}. ByteLevel pre-tokenizer and decoder, RobertaProcessing wraps ids in {@code <s>} …
 * {@code </s>}, as the real BART tokenizer does.
 */
public final class SyntheticBpeTokenizer {
    /** GPT-2's pre-tokenizer split (tokenizers ByteLevel {@code use_regex}). */
    private static final Pattern WORDS = Pattern.compile(
            "'s|'t|'re|'ve|'m|'ll|'d| ?\\p{L}+| ?\\p{N}+| ?[^\\s\\p{L}\\p{N}]+|\\s+(?!\\S)|\\s+");
    private static final List<String> SPECIALS = List.of("<s>", "<pad>", "</s>", "<unk>");

    private final Map<String, Integer> vocab = new LinkedHashMap<>();
    private final List<String> merges = new ArrayList<>();
    private final List<String> added = new ArrayList<>();
    private final String[] byteChars = byteChars();

    private SyntheticBpeTokenizer() {
    }

    /** A tokenizer whose words are those of {@code texts} and that has {@code addedTokens} after them. */
    public static SyntheticBpeTokenizer of(List<String> texts, List<String> addedTokens) {
        SyntheticBpeTokenizer t = new SyntheticBpeTokenizer();
        SPECIALS.forEach(s -> t.vocab.put(s, t.vocab.size()));
        for (String c : t.byteChars) {
            t.vocab.put(c, t.vocab.size());
        }
        for (String text : texts) {
            Matcher m = WORDS.matcher(text);
            while (m.find()) {
                t.addWord(t.mapped(m.group()));
            }
        }
        for (String token : addedTokens) {
            t.vocab.put(token, t.vocab.size());
            t.added.add(token);
        }
        return t;
    }

    /** The id of a vocabulary entry in byte-level form ({@code Ġthe} for " the"); an error if it is not there. */
    public int id(String token) {
        Integer id = vocab.get(token);
        if (id == null) {
            throw new IllegalArgumentException("no token '" + token + "' in the synthetic vocabulary");
        }
        return id;
    }

    /** The id of the word {@code text} as it appears in running text (" the" → {@code Ġthe}). */
    public int wordId(String text) {
        return id(mapped(text));
    }

    public int size() {
        return vocab.size();
    }

    public Map<String, Integer> vocab() {
        return Collections.unmodifiableMap(vocab);
    }

    /** Writes {@code tokenizer.json} into {@code dir}. */
    public Path write(Path dir) {
        StringBuilder json = new StringBuilder(64 * 1024);
        json.append("{\"version\":\"1.0\",\"truncation\":null,\"padding\":null,\"added_tokens\":[");
        List<String> addedAll = new ArrayList<>(SPECIALS);
        addedAll.addAll(added);
        for (int i = 0; i < addedAll.size(); i++) {
            String token = addedAll.get(i);
            json.append(i == 0 ? "" : ",").append("{\"id\":").append(vocab.get(token)).append(",\"content\":")
                    .append(quote(token)).append(",\"single_word\":false,\"lstrip\":false,\"rstrip\":false,")
                    .append("\"normalized\":").append(!SPECIALS.contains(token)).append(",\"special\":")
                    .append(SPECIALS.contains(token)).append('}');
        }
        json.append("],\"normalizer\":null,")
                .append("\"pre_tokenizer\":{\"type\":\"ByteLevel\",\"add_prefix_space\":false,\"trim_offsets\":true,")
                .append("\"use_regex\":true},")
                .append("\"post_processor\":{\"type\":\"RobertaProcessing\",\"sep\":[\"</s>\",2],\"cls\":[\"<s>\",0],")
                .append("\"trim_offsets\":true,\"add_prefix_space\":false},")
                .append("\"decoder\":{\"type\":\"ByteLevel\",\"add_prefix_space\":true,\"trim_offsets\":true,")
                .append("\"use_regex\":true},")
                .append("\"model\":{\"type\":\"BPE\",\"dropout\":null,\"unk_token\":null,")
                .append("\"continuing_subword_prefix\":\"\",\"end_of_word_suffix\":\"\",\"fuse_unk\":false,")
                .append("\"byte_fallback\":false,\"vocab\":{");
        int i = 0;
        for (Map.Entry<String, Integer> e : vocab.entrySet()) {
            json.append(i++ == 0 ? "" : ",").append(quote(e.getKey())).append(':').append(e.getValue());
        }
        json.append("},\"merges\":[");
        for (int m = 0; m < merges.size(); m++) {
            json.append(m == 0 ? "" : ",").append(quote(merges.get(m)));
        }
        json.append("]}}");
        try {
            Files.createDirectories(dir);
            return Files.writeString(dir.resolve("tokenizer.json"), json, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void addWord(String word) {
        String prefix = word.substring(0, word.offsetByCodePoints(0, 1));
        int at = prefix.length();
        while (at < word.length()) {
            String next = word.substring(at, word.offsetByCodePoints(at, 1));
            String merged = prefix + next;
            if (!vocab.containsKey(merged)) {
                merges.add(prefix + " " + next);
                vocab.put(merged, vocab.size());
            }
            prefix = merged;
            at += next.length();
        }
    }

    /** UTF-8 bytes of {@code text} as GPT-2 byte characters. */
    private String mapped(String text) {
        StringBuilder out = new StringBuilder();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            out.append(byteChars[b & 0xff]);
        }
        return out.toString();
    }

    /** GPT-2 {@code bytes_to_unicode}: printable bytes stand for themselves, the others for U+0100 onwards. */
    private static String[] byteChars() {
        String[] chars = new String[256];
        int next = 256;
        for (int b = 0; b < 256; b++) {
            boolean printable = b >= '!' && b <= '~' || b >= 0xA1 && b <= 0xAC || b >= 0xAE;
            chars[b] = new String(Character.toChars(printable ? b : next++));
        }
        return chars;
    }

    private static String quote(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
