package dev.tagline.spark;

import org.apache.spark.sql.SparkSession;

/** The test session: two cores, two attempts per task, loopback only, no UI (stack.md §2.8). */
final class SparkSessions {
    private SparkSessions() {
    }

    static SparkSession local() {
        return SparkSession.builder().master("local[2,2]").appName("tagline-spark-test")
                .config("spark.ui.enabled", "false")
                .config("spark.driver.bindAddress", "127.0.0.1")
                .config("spark.driver.host", "127.0.0.1")
                .config("spark.sql.shuffle.partitions", "2")
                .getOrCreate();
    }
}
