package dev.tagline.spark;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.functions;

/**
 * The CLI scan's order as a sortable column: folders depth first, names sorted in each folder. Comparing keys with
 * {@code /} replaced by U+0000 (below every character of a name) compares them segment by segment, so
 * {@code a/b.png} sorts before {@code a.png} as the scan visits it. (Spark compares UTF-8 bytes, the scan UTF-16 units:
 * they differ only between names with characters above U+FFFF and names with U+E000–U+FFFF.)
 */
final class ScanOrder {
    private ScanOrder() {
    }

    static Column column(Column key) {
        return functions.regexp_replace(key, "/", "\u0000");
    }
}
