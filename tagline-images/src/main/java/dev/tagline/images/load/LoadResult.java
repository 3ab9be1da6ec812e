package dev.tagline.images.load;

import dev.tagline.core.RgbImage;
import java.util.List;

/**
 * The verdict on one file and what was learnt on the way.
 *
 * @param detail      why, for corrupt / unsupported / too-large / too-small / duplicate / error; empty for ok
 * @param conversions what was done to reach plain sRGB (for converted), e.g. "EXIF orientation 6 applied"
 * @param format      the format found by content sniffing; null when the content is no image format we read
 * @param width       width after orientation, 0 when unknown
 * @param sha256      hex digest of the file's bytes; empty when it could not be read
 * @param image       the pixels, when decoded and asked for; else null
 */
public record LoadResult(Verdict verdict, String detail, List<String> conversions, ImageFormat format, int width,
                         int height, long bytes, String sha256, RgbImage image) {
    public LoadResult {
        conversions = List.copyOf(conversions);
        detail = detail == null ? "" : detail;
    }

    static LoadResult failed(Verdict verdict, String detail, ImageFormat format, long bytes, String sha256) {
        return new LoadResult(verdict, detail, List.of(), format, 0, 0, bytes, sha256, null);
    }

    /** This result with another verdict (duplicates are decided after loading, in scan order). */
    public LoadResult withVerdict(Verdict newVerdict, String newDetail) {
        return new LoadResult(newVerdict, newDetail, conversions, format, width, height, bytes, sha256, image);
    }

    /** This result without its pixels, to keep in memory or queue cheaply. */
    public LoadResult withoutImage() {
        return image == null ? this
                : new LoadResult(verdict, detail, conversions, format, width, height, bytes, sha256, null);
    }
}
