package dev.tagline.video.render;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The whole video side of a clip as one {@code -filter_complex} graph: the source at the output frame rate, split
 * once per scene, each scene trimmed and reframed by its own chain, concatenated, captions burned in, yuv420p.
 * Reads {@code [0:v]} (already seeked to the clip's start), writes {@code [vout]}.
 */
final class VideoGraph {
    static final String OUT = "[vout]";

    private VideoGraph() {
    }

    /**
     * @param captions the ASS file and the fonts folder for libass, when captions are burned in
     */
    static String build(List<Scene> scenes, int srcW, int srcH, Aspect aspect, int fps, Optional<RenderJob.BurnIn> captions) {
        StringBuilder g = new StringBuilder();
        String tail = captions.map(c -> ",ass=filename=" + escape(c.assFile())
                + (c.fontsDir() == null ? "" : ":fontsdir=" + escape(c.fontsDir())))
                .orElse("") + ",format=yuv420p" + OUT;
        if (scenes.size() == 1) {
            String chain = SceneFilters.chain(scenes.get(0), srcW, srcH, aspect, "[src]", "[v0]");
            g.append("[0:v]fps=").append(fps).append("[src];").append(chain).append(";[v0]")
                    .append(tail.substring(1));
            return g.toString();
        }
        g.append("[0:v]fps=").append(fps).append(",split=").append(scenes.size());
        for (int i = 0; i < scenes.size(); i++) {
            g.append("[p").append(i).append(']');
        }
        for (int i = 0; i < scenes.size(); i++) {
            Scene s = scenes.get(i);
            g.append(';').append(String.format(Locale.ROOT, "[p%d]trim=start=%.3f:end=%.3f,setpts=PTS-STARTPTS[t%d]",
                    i, CropPath.seconds(s.start()), CropPath.seconds(s.end()), i));
            g.append(';').append(SceneFilters.chain(s, srcW, srcH, aspect, "[t" + i + "]", "[v" + i + "]"));
        }
        g.append(';');
        for (int i = 0; i < scenes.size(); i++) {
            g.append("[v").append(i).append(']');
        }
        g.append("concat=n=").append(scenes.size()).append(":v=1:a=0").append(tail);
        return g.toString();
    }

    /**
     * Filter-graph escaping for a path option (video.md §12.3, pain point #7): forward slashes, {@code :} and
     * {@code '} escaped, the value single-quoted so commas and brackets stay inside it.
     */
    static String escape(Path path) {
        String s = path.toAbsolutePath().toString().replace("\\", "/");
        s = s.replace(":", "\\:").replace("'", "'\\\\''");
        return "'" + s + "'";
    }
}
