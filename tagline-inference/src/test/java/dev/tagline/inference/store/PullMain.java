package dev.tagline.inference.store;

import dev.tagline.core.progress.Progress;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/** Entry point of the second JVM in {@link TwoProcessPullIT}: pulls one model and prints the file's path. */
public final class PullMain {
    private PullMain() {
    }

    /** Arguments: catalog file, models folder, Hugging Face cache folder, Hub endpoint, model id, file name. */
    public static void main(String[] args) throws Exception {
        Catalog catalog;
        try (InputStream in = Files.newInputStream(Path.of(args[0]))) {
            catalog = Catalog.parse(in, args[0]);
        }
        StoreConfig config = new StoreConfig(Path.of(args[1]), Path.of(args[2]), URI.create(args[3]), null, false,
                Duration.ofSeconds(30), StoreConfig.DEFAULT_STALL_TIMEOUT, Progress.Factory.NONE);
        System.out.println(new ModelStore(catalog, config).resolve(args[4]).file(args[5]));
    }
}
