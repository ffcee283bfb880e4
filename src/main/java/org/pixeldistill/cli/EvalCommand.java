package org.pixeldistill.cli;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.pixeldistill.core.loop.CheckpointScore;
import org.pixeldistill.core.pipeline.RunEvaluation;
import org.pixeldistill.core.run.RunFolder;
import org.pixeldistill.core.run.Score;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code eval RUN_DIR}: test accuracy of a trained run's checkpoints. */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = "Evaluate a run's checkpoints on its test split (top-1 and top-5 per seed).")
final class EvalCommand implements Callable<Integer> {
    @Parameters(paramLabel = "RUN_DIR", description = "a run folder (holds config.yaml)")
    Path run;

    @Option(names = "--checkpoint", description = "best | last (default: ${DEFAULT-VALUE})")
    String which = "best";

    @Override
    public Integer call() {
        RunFolder folder = RunFolder.open(run);
        for (CheckpointScore r : RunEvaluation.evaluate(folder, which)) {
            System.out.printf(Locale.ROOT, r.kind() == Score.MAP50
                            ? "%s seed %d (%s): mAP50 %.2f%%  mAP %.2f%%  on %d test images%n"
                            : "%s seed %d (%s): top-1 %.2f%%  top-5 %.2f%%  on %d test images%n", r.stage(),
                    r.seed(), which, r.score(), r.second(), r.images());
        }
        return 0;
    }
}
