package org.pixeldistill.cli;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.pixeldistill.core.run.RunFolder;
import org.pixeldistill.core.train.StudentExport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code export RUN_DIR --out FILE.safetensors}: a run's student alone, under torchvision/timm names. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Write a run's student (or single model) alone as safetensors under torchvision's names"
                + " (timm's for a ViT), with a JSON file beside it (backbone, width, stem, input size, channels,"
                + " classes, normalisation).")
final class ExportCommand implements Callable<Integer> {
    @Parameters(paramLabel = "RUN_DIR", description = "a run folder (holds config.yaml)")
    Path run;

    @Option(names = "--checkpoint", description = "best | last (default: ${DEFAULT-VALUE})")
    String which = "best";

    @Option(names = "--out", required = true, paramLabel = "FILE.safetensors", description = "the file to write")
    Path out;

    @Override
    public Integer call() {
        StudentExport.Result r = StudentExport.export(RunFolder.open(run), which, out);
        StudentExport.Info i = r.info();
        String layout = i.patchSize() > 0 ? "patch " + i.patchSize() : i.stem() + " stem";
        System.out.printf(Locale.ROOT, "exported %s seed %d (%s): %s at %dx%d, width %s, %s, %d classes -> %s"
                        + " and %s%n", i.stage(), i.seed(), i.checkpoint(), i.backbone(), i.inputSize(), i.inputSize(),
                i.width(), layout, i.classes(), r.weights(), r.json().getFileName());
        return 0;
    }
}
