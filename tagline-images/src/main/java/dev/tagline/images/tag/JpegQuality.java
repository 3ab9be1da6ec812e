package dev.tagline.images.tag;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.OptionalInt;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.plugins.jpeg.JPEGQTable;
import javax.imageio.stream.ImageInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3c.dom.Node;

/**
 * Estimates the IJG quality (1–100) a JPEG was saved with from its luminance quantisation table, read from the
 * ImageIO native metadata ({@code javax_imageio_jpeg_image_1.0}, {@code dqtable} nodes). Inverts libjpeg's
 * {@code jpeg_quality_scaling} (jcparam.c): the table is the Annex K table scaled by {@code S = 5000/q} for
 * {@code q < 50}, else {@code 200 − 2q} percent; S is recovered as the mean of {@code 100·table/annexK}.
 */
final class JpegQuality {
    private static final Logger LOG = LoggerFactory.getLogger(JpegQuality.class);
    private static final String NATIVE_FORMAT = "javax_imageio_jpeg_image_1.0";

    private JpegQuality() {
    }

    /** The estimate, or empty when the file is not a JPEG or has no readable luminance table. */
    static OptionalInt estimate(Path file) {
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            if (in == null) {
                return OptionalInt.empty();
            }
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            while (readers.hasNext()) {
                ImageReader reader = readers.next();
                try {
                    if (!reader.getFormatName().toLowerCase().contains("jp")) {
                        continue;
                    }
                    reader.setInput(in, true, false);
                    IIOMetadata metadata = reader.getImageMetadata(0);
                    int[] table = lumaTable(metadata.getAsTree(NATIVE_FORMAT));
                    return table == null ? OptionalInt.empty() : OptionalInt.of(fromTable(table));
                } finally {
                    reader.dispose();
                }
            }
            return OptionalInt.empty();
        } catch (IOException | RuntimeException e) {
            LOG.debug("No JPEG quality for {}: {}", file, e.toString()); // not a JPEG, or no tables: no signal
            return OptionalInt.empty();
        }
    }

    /** Quality from a luminance table in the same (natural) order as {@link JPEGQTable#K1Luminance}. */
    static int fromTable(int[] table) {
        int[] annexK = JPEGQTable.K1Luminance.getTable();
        double sum = 0;
        for (int i = 0; i < 64; i++) {
            sum += 100.0 * table[i] / annexK[i];
        }
        double scale = sum / 64;
        double quality = scale <= 100 ? (200 - scale) / 2 : 5000 / scale;
        return (int) Math.max(1, Math.min(100, Math.round(quality)));
    }

    private static int[] lumaTable(Node node) {
        if ("dqtable".equals(node.getNodeName())) {
            Node id = node.getAttributes().getNamedItem("qtableId");
            if ((id == null || "0".equals(id.getNodeValue())) && node instanceof IIOMetadataNode m
                    && m.getUserObject() instanceof JPEGQTable q) {
                return q.getTable();
            }
        }
        for (Node child = node.getFirstChild(); child != null; child = child.getNextSibling()) {
            int[] found = lumaTable(child);
            if (found != null) {
                return found;
            }
        }
        return null;
    }
}
