package dev.tagline.cli;

import dev.tagline.inference.store.FileCheck;
import dev.tagline.inference.store.ModelStatus;
import dev.tagline.inference.store.ModelStore;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code tagline models verify [ID]}: re-hashes cached files; one line per file; exit 1 when one is bad. */
@Command(name = "verify", mixinStandardHelpOptions = true, description = {
    "Re-hash cached files against the catalog; a damaged file is removed so that 'pull' fetches it again.",
    "Without ID: every model that is (partly) in Tagline's cache. Exit code 1 when a file is damaged, missing, or "
        + "unverified (copied by hand for a model whose catalog entry pins no hash, so nothing can check it)."})
final class ModelsVerifyCommand implements Callable<Integer> {
    private final Supplier<ModelStore> store;
    @Spec
    CommandSpec spec;
    @Parameters(paramLabel = "ID", arity = "0..1", description = "Model id; all cached models when omitted.")
    String id;

    ModelsVerifyCommand(Supplier<ModelStore> store) {
        this.store = store;
    }

    @Override
    public Integer call() {
        ModelStore models = store.get();
        List<String> ids = new ArrayList<>();
        if (id != null) {
            ids.add(id);
        } else {
            models.list().stream().filter(s -> s.state() == ModelStatus.State.READY
                            || s.state() == ModelStatus.State.UNVERIFIED || s.state() == ModelStatus.State.PARTIAL)
                    .forEach(s -> ids.add(s.model().id()));
        }
        PrintWriter out = spec.commandLine().getOut();
        if (ids.isEmpty()) {
            out.println("No models in the cache (" + models.config().modelsDir() + "); nothing to verify.");
            return ExitCode.OK;
        }
        int bad = 0;
        for (String model : ids) {
            for (FileCheck check : models.verify(model)) {
                out.println(line(check));
                bad += check.status() == FileCheck.Status.OK ? 0 : 1;
            }
        }
        return bad == 0 ? ExitCode.OK : ExitCode.SOME_FAILED;
    }

    private static String line(FileCheck check) {
        String name = check.model() + "/" + check.file();
        switch (check.status()) {
            case OK:
                return "ok        " + name + "  sha256 " + check.actual();
            case MISMATCH:
                return "damaged   " + name + "  sha256 " + check.actual() + ", expected " + check.expected()
                        + "; removed, run 'tagline models pull " + check.model() + "'";
            case MISSING:
                return "missing   " + name + "  run 'tagline models pull " + check.model() + "'";
            default:
                return "unverified " + name + "  sha256 " + check.actual() + " (copied by hand; no pinned hash, so"
                        + " nothing can check it): delete it and run 'tagline models pull " + check.model() + "', or"
                        + " copy the model's Hugging Face cache folder, whose blobs are checked by name";
        }
    }
}
