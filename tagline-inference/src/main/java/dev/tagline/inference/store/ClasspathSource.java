package dev.tagline.inference.store;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Copies a model that ships inside a jar on the classpath (e.g. all-MiniLM-L6-v2 in LangChain4j's artifact). */
final class ClasspathSource implements ModelSource {
    private final ClassLoader loader;

    ClasspathSource(ClassLoader loader) {
        this.loader = loader;
    }

    @Override
    public boolean handles(FileSource source) {
        return source instanceof FileSource.ClasspathFile;
    }

    @Override
    public String describe(FileSource source) {
        FileSource.ClasspathFile file = (FileSource.ClasspathFile) source;
        return "classpath resource " + file.resource()
                + (file.artifact().isEmpty() ? "" : " (Maven " + file.artifact() + ")");
    }

    @Override
    public Candidate fetch(ModelEntry model, ModelFile file, FileSource source, Path staging)
            throws SourceException {
        FileSource.ClasspathFile resource = (FileSource.ClasspathFile) source;
        URL url = loader.getResource(resource.resource());
        if (url == null) {
            throw new SourceException("not on the classpath", resource.artifact().isEmpty() ? ""
                    : "Put the jar of " + resource.artifact() + " on the classpath (it is not bundled with Tagline).");
        }
        try (InputStream in = url.openStream()) {
            Files.copy(in, staging, StandardCopyOption.REPLACE_EXISTING);
            return Candidate.staged(staging);
        } catch (IOException e) {
            throw new SourceException("cannot copy " + url + ": " + e.getMessage(), "", e);
        }
    }
}
