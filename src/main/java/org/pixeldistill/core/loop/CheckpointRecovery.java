package org.pixeldistill.core.loop;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.function.Supplier;
import org.pixeldistill.core.run.AtomicFiles;
import org.pixeldistill.core.run.SealedFile;
import org.pixeldistill.core.util.Texts;

/**
 * What a resumed stage continues from when its checkpoint is not whole. In order: last.params
 * with last.optim (the normal case); last.params with momentum from zero when only last.optim is
 * damaged; best.params, redoing the epochs after the best one, when last.params is damaged; else
 * the stage starts again. Each damaged file is named, set aside as {@code <name>.damaged} (kept,
 * never loaded again) and each fallback is said on the console and appended to the checkpoint
 * folder's {@code recovery.log}. A load that fails half-way (possible only for files written
 * before checkpoints were sealed) leaves the task's weights mixed, so the next choice gets a
 * freshly opened task.
 */
final class CheckpointRecovery {
    private final Checkpoint checkpoint;
    private final String who;
    private final TrainingListener listener;

    CheckpointRecovery(Checkpoint checkpoint, String who, TrainingListener listener) {
        this.checkpoint = checkpoint;
        this.who = who;
        this.listener = listener;
    }

    /**
     * The task to train with and the state to continue from.
     *
     * @param state null when the stage starts from nothing (its weights untouched)
     */
    record Resumed(StageTask task, Checkpoint.State state) {}

    /** state.json, or empty when there is none or it is damaged (then said and set aside). */
    Optional<Checkpoint.State> state() {
        try {
            return checkpoint.state();
        } catch (UncheckedIOException | IllegalArgumentException e) {
            Path file = checkpoint.dir().resolve("state.json");
            report(file + " is damaged (" + Texts.oneLine(e) + "): without it no epoch is known, so the stage"
                    + " starts again from epoch 1");
            setAside(file);
            return Optional.empty();
        }
    }

    /** Loads the best whole checkpoint into {@code task} (reopening it after a failed load). */
    Resumed resume(Checkpoint.State state, StageTask task, Supplier<StageTask> open) {
        Path last = checkpoint.dir().resolve("last.params");
        Path optim = checkpoint.dir().resolve("last.optim");
        SealedFile.Check lastCheck = SealedFile.check(last);
        if (lastCheck.usable()) {
            SealedFile.Check optimCheck = SealedFile.check(optim);
            byte[] momentum = optimCheck.usable() ? SealedFile.readPayload(optim) : null;
            try {
                task.resume(last, momentum);
                if (momentum == null) {
                    report(optim + " is " + Checkpoint.describe(optimCheck) + ": continuing from " + last.getFileName()
                            + " (after epoch " + state.epochsDone() + ") with momentum from zero");
                    setAside(optim);
                }
                return new Resumed(task, state);
            } catch (RuntimeException e) {
                report(Texts.oneLine(e));
                setAside(last);
                task = reopen(task, open);
            }
        } else {
            report(last + " is " + Checkpoint.describe(lastCheck));
            setAside(last);
        }
        Path best = checkpoint.dir().resolve("best.params");
        SealedFile.Check bestCheck = SealedFile.check(best);
        if (state.bestEpoch() >= 0 && bestCheck.usable()) {
            try {
                task.resume(best, null);
                int done = state.bestEpoch() + 1;
                String redo = done >= state.epochsDone() ? "no epoch is lost"
                        : "epochs " + (done + 1) + "-" + state.epochsDone() + " are trained again";
                report("continuing from " + best.getFileName() + " (after epoch " + done + ", the best): " + redo
                        + ", momentum from zero");
                return new Resumed(task, new Checkpoint.State(done, state.bestScore(), state.bestEpoch(),
                        state.bestScore(), false, state.wallSeconds()));
            } catch (RuntimeException e) {
                report(Texts.oneLine(e));
                setAside(best);
                task = reopen(task, open);
            }
        } else if (bestCheck.kind() == SealedFile.Kind.DAMAGED) {
            report(best + " is " + Checkpoint.describe(bestCheck));
            setAside(best);
        }
        report("no whole checkpoint is left: the stage starts again from epoch 1");
        return new Resumed(task, null);
    }

    private static StageTask reopen(StageTask task, Supplier<StageTask> open) {
        task.close();
        return open.get();
    }

    /** Says it on the console and keeps it in the checkpoint folder's recovery.log. */
    private void report(String message) {
        listener.onMessage(who + ": " + message);
        Path log = checkpoint.dir().resolve("recovery.log");
        try {
            String before = Files.isRegularFile(log) ? Files.readString(log) : "";
            AtomicFiles.writeString(log, before + OffsetDateTime.now() + " " + who + ": " + message + "\n");
        } catch (IOException | UncheckedIOException e) {
            listener.onMessage(who + ": cannot record this in " + log + ": " + Texts.oneLine(e));
        }
    }

    /** Renames a damaged file to {@code <name>.damaged}: kept for a look, never loaded again. */
    private void setAside(Path file) {
        if (!Files.exists(file)) {
            return;
        }
        try {
            Files.move(file, file.resolveSibling(file.getFileName() + ".damaged"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            listener.onMessage(who + ": cannot set " + file + " aside: " + Texts.oneLine(e));
        }
    }
}
