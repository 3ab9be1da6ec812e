package dev.tagline.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.SparkEnv;
import scala.Tuple2;

/** The Hadoop configuration a task sees: the machine's own plus the job's {@code spark.hadoop.*} settings. */
final class HadoopConf {
    private static final String PREFIX = "spark.hadoop.";

    private HadoopConf() {
    }

    static Configuration inTask() {
        Configuration conf = new Configuration();
        SparkEnv env = SparkEnv.get();
        if (env != null) {
            for (Tuple2<String, String> kv : env.conf().getAll()) {
                if (kv._1().startsWith(PREFIX)) {
                    conf.set(kv._1().substring(PREFIX.length()), kv._2());
                }
            }
        }
        return conf;
    }

    static FileSystem fileSystem(String uri, Configuration conf) {
        try {
            return new org.apache.hadoop.fs.Path(uri).getFileSystem(conf);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the file system of " + uri, e);
        }
    }
}
