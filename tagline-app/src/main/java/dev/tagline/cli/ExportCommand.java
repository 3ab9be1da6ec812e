package dev.tagline.cli;

import dev.tagline.core.batch.BatchEngine;
import dev.tagline.images.sidecar.DatasetExport;
import dev.tagline.images.sidecar.SidecarSettings;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code tagline export DIR --format hf|kohya|csv}: one metadata file from the sidecars of a folder. Wiring only. */
@Command(name = "export", mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true,
        description = "Export a captioned folder's sidecars to one metadata file: Hugging Face metadata.jsonl,"
            + " kohya meta_cap.json, or CSV.",
        footer = {"", "Exit codes: 0 exported; 1 nothing to export (no sidecars, or none matches --where); 2 usage,"
            + " configuration or environment error (nothing written)."})
final class ExportCommand implements Callable<Integer> {
    private final CliContext ctx;

    @Parameters(index = "0", paramLabel = "DIR", description = "Folder of images with sidecars.")
    Path dir;
    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "hf",
            description = "hf (metadata.jsonl), kohya (meta_cap.json) or csv (default: ${DEFAULT-VALUE}).")
    String format;
    @Option(names = "--out", paramLabel = "FILE", description = "Output file (default: DIR/metadata.jsonl,"
            + " DIR/meta_cap.json or DIR/metadata.csv).")
    Path out;
    @Option(names = "--caption-extension", paramLabel = "EXT", defaultValue = SidecarSettings.CAPTION_EXTENSION,
            description = "Caption sidecar extension (default: ${DEFAULT-VALUE}).")
    String captionExtension;
    @Option(names = "--tags-extension", paramLabel = "EXT", defaultValue = SidecarSettings.TAGS_EXTENSION,
            description = "Tag sidecar extension (default: ${DEFAULT-VALUE}).")
    String tagsExtension;
    @Option(names = "--full-path", description = "kohya: key entries by absolute path instead of file stem, so that"
            + " kohya's fine-tuning loader finds images in sub-folders (a stem is looked for in train_data_dir only).")
    boolean fullPath;
    @Option(names = "--where", paramLabel = "KEY=VALUE", description = "Only images whose answer KEY (from tagline"
            + " caption --ask, in NAME.json) is VALUE, e.g. --where subject=animal. Repeat to require several.")
    java.util.List<String> where;

    ExportCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        DatasetExport.Format f = DatasetExport.Format.parse(format);
        Path root = BatchEngine.requireFolder(ctx.resolve(dir));
        Path target = out == null ? root.resolve(f.defaultName()) : ctx.resolve(out);
        DatasetExport.Summary s = new DatasetExport(captionExtension, tagsExtension).export(root, f, target, fullPath,
                DatasetExport.parseWhere(where == null ? java.util.List.of() : where));
        if (s.exported() > 0) {
            ctx.out().println("Exported " + Counts.of(s.exported(), "image") + " to " + target
                    + (s.uncaptioned() > 0 ? " (" + s.uncaptioned() + " without any sidecar left out)" : "")
                    + (s.filtered() > 0 ? " (" + s.filtered() + " not matching --where left out)" : ""));
            s.notes().forEach(n -> ctx.out().println("note: " + n));
            s.warnings().forEach(w -> ctx.err().println("warning: " + w));
            return ExitCode.OK;
        }
        if (s.filtered() > 0) {
            ctx.err().println("error: none of the " + s.filtered() + " captioned images matches --where " + where
                    + ". The keys are the answer keys in the images' .json sidecars (tagline caption --ask).");
        } else {
            ctx.err().println("error: no " + captionExtension + " or " + tagsExtension + " sidecars found in " + root
                    + ". If your captions use another extension, pass --caption-extension or --tags-extension.");
        }
        return ExitCode.SOME_FAILED;
    }
}
