package dev.tagline.spark;

import dev.tagline.core.TaglineException;
import dev.tagline.core.batch.ScanEntry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;

/**
 * Sidecars of images on a Hadoop file system (HDFS, S3): the job writes beside its scratch copy exactly as beside a
 * local file, with the source's existing sidecar fetched first so that {@code --existing skip/append/prepend} see it;
 * the result is then copied back beside the source. Local sources need none of this: the job writes in place.
 */
final class RemoteSidecars {
    private final String extension;
    private Configuration conf;

    RemoteSidecars(String extension) {
        this.extension = extension;
    }

    void fetch(WorkItem item, ScanEntry entry) {
        if (extension == null) {
            return;
        }
        org.apache.hadoop.fs.Path source = sidecarOf(item);
        try {
            FileSystem fs = source.getFileSystem(conf());
            if (fs.exists(source)) {
                fs.copyToLocalFile(false, source, new org.apache.hadoop.fs.Path(local(entry).toUri()), true);
            }
        } catch (IOException e) {
            throw new TaglineException("Cannot read the sidecar " + source + ": " + e.getMessage(),
                    "Check the job's access to that file system.", e);
        }
    }

    void push(WorkItem item, ScanEntry entry) {
        Path written = local(entry);
        if (extension == null || !Files.isRegularFile(written)) {
            return;
        }
        org.apache.hadoop.fs.Path target = sidecarOf(item);
        try {
            target.getFileSystem(conf()).copyFromLocalFile(false, true,
                    new org.apache.hadoop.fs.Path(written.toUri()), target);
        } catch (IOException e) {
            throw new TaglineException("Cannot write the sidecar " + target + ": " + e.getMessage(),
                    "Check that the job may write beside the images, or run without --sidecars.", e);
        }
    }

    private Configuration conf() {
        if (conf == null) {
            conf = HadoopConf.inTask();
        }
        return conf;
    }

    private org.apache.hadoop.fs.Path sidecarOf(WorkItem item) {
        org.apache.hadoop.fs.Path source = new org.apache.hadoop.fs.Path(item.uri());
        return new org.apache.hadoop.fs.Path(source.getParent(), stem(source.getName()) + extension);
    }

    private Path local(ScanEntry entry) {
        return entry.path().resolveSibling(stem(entry.path().getFileName().toString()) + extension);
    }

    private static String stem(String name) {
        int dot = name.lastIndexOf('.');
        return dot <= 0 ? name : name.substring(0, dot);
    }
}
