package org.pixeldistill.core.loop;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import com.fasterxml.jackson.annotation.JsonAlias;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.pixeldistill.core.run.RunFolder;
import org.pixeldistill.core.run.RunSummary.SeedResult;
import org.pixeldistill.core.run.SealedFile;
import org.pixeldistill.core.util.Texts;

/**
 * A stage's checkpoint folder: {@code last.params} (the network, then the distillers' own blocks),
 * {@code last.optim} (momentum buffers), {@code best.params}, and {@code state.json}, which says
 * how many epochs the files hold. Each file is replaced atomically and state.json is written last,
 * so a kill leaves whole files; a kill between the writes of one epoch at worst makes a resumed
 * run redo that epoch from weights one epoch further on, never load a torn file. The weights and
 * the optimiser state are {@link SealedFile sealed}, so a file damaged afterwards is found (and
 * named) before anything is loaded from it; {@link CheckpointRecovery} decides what a resumed
 * stage continues from then.
 */
public final class Checkpoint {
    /**
     * What a checkpoint folder holds; the scores are the stage's test score (top-1 or mAP50).
     * state.json written before scores were named has {@code best_top1}/{@code last_top1}; they read
     * as the same fields, so such a checkpoint resumes as it was.
     */
    public record State(int epochsDone, @JsonAlias("best_top1") double bestScore, int bestEpoch,
            @JsonAlias("last_top1") double lastScore, boolean finished, double wallSeconds) {
        /** Before the first epoch: no score yet. */
        public static final State NONE = new State(0, Double.NaN, -1, Double.NaN, false, 0);

        /** Whether {@code score} beats the best so far (any score does before the first). */
        public boolean isBeatenBy(double score) {
            return Double.isNaN(bestScore) || score > bestScore;
        }

        /** After epoch {@code epoch} (0-based) scored {@code score}, with {@code wallSeconds} spent on the stage in all. */
        public State after(int epoch, double score, double wallSeconds) {
            boolean best = isBeatenBy(score);
            return new State(epoch + 1, best ? score : bestScore, best ? epoch : bestEpoch, score, false, wallSeconds);
        }

        /** The same state finished (the stage's last epoch is done). */
        public State asFinished() {
            return new State(epochsDone, bestScore, bestEpoch, lastScore, true, wallSeconds);
        }

        /** What summary.json says about this seed. */
        public SeedResult result(int seed) {
            return new SeedResult(seed, finished, epochsDone, bestScore, bestEpoch, lastScore, wallSeconds);
        }
    }

    private final Path dir;

    public Checkpoint(Path dir) {
        this.dir = dir;
    }

    public Path dir() {
        return dir;
    }

    public Optional<State> state() {
        return RunFolder.readJson(dir.resolve("state.json"), State.class);
    }

    public void saveLast(List<Block> blocks, byte[] optimizerState, State state, boolean best) {
        SealedFile.write(dir.resolve("last.params"), out -> writeBlocks(blocks, out));
        SealedFile.write(dir.resolve("last.optim"), out -> out.write(optimizerState));
        if (best) {
            SealedFile.write(dir.resolve("best.params"), out -> writeBlocks(blocks, out));
        }
        RunFolder.writeJson(dir.resolve("state.json"), state);
    }

    public void markFinished(State state) {
        RunFolder.writeJson(dir.resolve("state.json"), state);
    }

    /** last.optim's bytes; a damaged file is named. */
    public byte[] optimizerState() {
        Path file = dir.resolve("last.optim");
        SealedFile.Check check = SealedFile.check(file);
        if (!check.usable()) {
            throw new DamagedCheckpointException(file, "checkpoint " + file + " is " + describe(check));
        }
        return SealedFile.readPayload(file);
    }

    /**
     * Loads weights saved by {@link #saveLast}; prefer a network's own {@code load}, which also
     * refreshes its store. A damaged file is found before any weight changes (for a sealed file)
     * and named either way, with the other checkpoint beside it when that one is whole.
     */
    public static void loadParams(Path file, NDManager manager, List<Block> blocks) {
        SealedFile.Check check = SealedFile.check(file);
        if (!check.usable()) {
            throw new DamagedCheckpointException(file, "checkpoint " + file + " is " + describe(check) + otherOne(file));
        }
        try (InputStream in = SealedFile.openPayload(file); DataInputStream data = new DataInputStream(in)) {
            for (Block b : blocks) {
                b.loadParameters(manager, data);
            }
        } catch (IOException | MalformedModelException | RuntimeException e) {
            throw new DamagedCheckpointException(file, "checkpoint " + file + " cannot be loaded (damaged, or made for"
                    + " another network): " + Texts.oneLine(e) + otherOne(file), e);
        }
    }

    /** "missing" or "damaged (truncated: ...)" for a message. */
    static String describe(SealedFile.Check check) {
        return check.kind() == SealedFile.Kind.MISSING ? "missing" : "damaged (" + check.problem() + ")";
    }

    /** For best.params or last.params: the other one beside it, when it is whole, as the way out. */
    private static String otherOne(Path file) {
        String name = String.valueOf(file.getFileName());
        String other = name.equals("best.params") ? "last" : name.equals("last.params") ? "best" : null;
        if (other == null || !SealedFile.check(file.resolveSibling(other + ".params")).usable()) {
            return "";
        }
        return "; " + other + ".params beside it is whole (eval and export: --checkpoint " + other + ")";
    }

    private static void writeBlocks(List<Block> blocks, OutputStream out) throws IOException {
        DataOutputStream data = new DataOutputStream(out);
        for (Block b : blocks) {
            b.saveParameters(data);
        }
        data.flush();
    }
}
