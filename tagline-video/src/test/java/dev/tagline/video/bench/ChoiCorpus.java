package dev.tagline.video.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Choi's (2000) synthetic segmentation set as shipped in {@code ../shared/data/segmentation/data/choi}: one document
 * per {@code .ref} file, one tokenised sentence per line, a line of ten '=' before the first segment and after each
 * one. The standard 700-document test set is folders 1, 2 and 3 (NOTE.md).
 */
final class ChoiCorpus {
    static final String MARK = "==========";
    /** Folders of the standard test set and its subsets, as in Choi's Table.txt. */
    static final List<String> TEST_FOLDERS = List.of("1", "2", "3");
    static final List<String> SUBSETS = List.of("3-5", "6-8", "9-11", "3-11");

    /** One document: its sentences and the reference gaps (a new segment starts after sentence i). */
    record Document(String id, String subset, List<String> sentences, Set<Integer> boundaries) {
    }

    private ChoiCorpus() {
    }

    /**
     * Every document of the test set in subset {@code subset}, ordered by folder, then by number ({@code 1/3-5/1.ref}
     * … {@code 3/3-11/300.ref}).
     */
    static List<Path> files(Path choi, String subset) {
        List<Path> out = new ArrayList<>();
        for (String folder : TEST_FOLDERS) {
            Path dir = choi.resolve(folder).resolve(subset);
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> s = Files.list(dir)) {
                s.filter(p -> p.getFileName().toString().endsWith(".ref"))
                        .sorted(Comparator.comparingInt(ChoiCorpus::number))
                        .forEach(out::add);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list " + dir, e);
            }
        }
        return out;
    }

    static Document read(Path choi, Path file) {
        try {
            return parse(choi.relativize(file).toString(), file.getParent().getFileName().toString(),
                    Files.readAllLines(file, StandardCharsets.ISO_8859_1));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** Sentences and boundaries from the lines of one {@code .ref} file. */
    static Document parse(String id, String subset, List<String> lines) {
        List<String> sentences = new ArrayList<>();
        Set<Integer> boundaries = new TreeSet<>();
        for (String line : lines) {
            if (line.strip().equals(MARK)) {
                if (!sentences.isEmpty()) {
                    boundaries.add(sentences.size() - 1);
                }
            } else if (!line.isBlank()) {
                sentences.add(line.strip());
            }
        }
        boundaries.remove(sentences.size() - 1); // the mark after the last segment ends the document
        return new Document(id, subset, List.copyOf(sentences), boundaries);
    }

    private static int number(Path file) {
        String name = file.getFileName().toString();
        return Integer.parseInt(name.substring(0, name.length() - ".ref".length()));
    }
}
