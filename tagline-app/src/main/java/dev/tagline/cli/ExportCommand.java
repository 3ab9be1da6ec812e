package dev.tagline.cli;

import dev.tagline.core.TaglineException;
import dev.tagline.core.batch.BatchEngine;
import dev.tagline.images.sidecar.DatasetExport;
import dev.tagline.images.sidecar.SidecarSettings;
import dev.tagline.images.sidecar.TxtFolderExport;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code tagline export DIR --format hf|kohya|csv}: one metadata file from the sidecars of a folder;
 * {@code --format txt --out DIR2}: a copy of the folder with one {@code NAME.txt} per image. Wiring only.
 */
@Command(name = "export", mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true,
        description = "Export a captioned folder's sidecars to one metadata file: Hugging Face metadata.jsonl,"
            + " kohya meta_cap.json, or CSV; or to a copy of the folder with one NAME.txt per image (taggui,"
            + " OneTrainer, ai-toolkit).",
        footer = {"", "Exit codes: 0 exported; 1 nothing to export (no sidecars, or none matches --where); 2 usage,"
            + " configuration or environment error (nothing written)."})
final class ExportCommand implements Callable<Integer> {
    private final CliContext ctx;

    @Parameters(index = "0", paramLabel = "DIR", description = "Folder of images with sidecars.")
    Path dir;
    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "hf",
            description = "hf (metadata.jsonl), kohya (meta_cap.json), csv, or txt (a copy of DIR in --out with one"
                + " NAME.txt per image, for taggui, OneTrainer and ai-toolkit) (default: ${DEFAULT-VALUE}).")
    String format;
    @Option(names = "--out", paramLabel = "FILE", description = "Output file (default: DIR/metadata.jsonl,"
            + " DIR/meta_cap.json or DIR/metadata.csv); for txt, the folder to write, outside DIR (required).")
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
    @Option(names = "--text", paramLabel = "WHAT", description = "txt: what each NAME.txt holds: caption (the"
            + " caption, or the tags where there is none), tags (the tags, or the caption), or caption+tags"
            + " (default: caption).")
    String text;
    @Option(names = "--overwrite", description = "txt: replace images and NAME.txt files in --out that differ"
            + " (without it, the export names them and writes nothing).")
    boolean overwrite;

    ExportCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        DatasetExport.Format f = DatasetExport.Format.parse(format);
        Path root = BatchEngine.requireFolder(ctx.resolve(dir));
        java.util.Map<String, String> filter = DatasetExport.parseWhere(where == null ? java.util.List.of() : where);
        DatasetExport export = new DatasetExport(captionExtension, tagsExtension);
        if (f.writesFolder() && out == null) {
            throw new TaglineException("--format txt writes a copy of " + dir + " (images and one NAME.txt each) and"
                    + " needs --out", "Pass --out DIR, a folder outside " + dir + ", e.g. --out " + dir + "-txt.");
        }
        if (!f.writesFolder() && (text != null || overwrite)) {
            throw new TaglineException((text != null ? "--text" : "--overwrite") + " is for --format txt",
                    "Drop it: hf and csv give each row the caption (or the tags) and the tags, kohya both; the"
                            + " metadata file is always replaced.");
        }
        Path target = out == null ? root.resolve(f.defaultName()) : ctx.resolve(out);
        DatasetExport.Summary s = f.writesFolder() ? export.exportTxt(root, target, text == null
                ? TxtFolderExport.Text.CAPTION : TxtFolderExport.Text.parse(text), overwrite, filter)
                : export.export(root, f, target, fullPath, filter);
        if (s.exported() > 0) {
            ctx.out().println("Exported " + Counts.of(s.exported(), "image") + (f.writesFolder()
                    ? " with a NAME.txt each" : "") + " to " + target
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
