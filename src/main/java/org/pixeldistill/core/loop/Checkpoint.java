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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.pixeldistill.core.config.ConfigException;
import org.pixeldistill.core.run.AtomicFiles;
import org.pixeldistill.core.run.RunFolder;
import org.pixeldistill.core.run.RunSummary.SeedResult;

/**
 * A stage's checkpoint folder: {@code last.params} (the network, then the distillers' own blocks),
 * {@code last.optim} (momentum buffers), {@code best.params}, and {@code state.json}, which says
 * how many epochs the files hold. Each file is replaced atomically and state.json is written last,
 * so a kill leaves whole files; a kill between the writes of one epoch at worst makes a resumed
 * run redo that epoch from weights one epoch further on, never load a torn file.
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
        AtomicFiles.write(dir.resolve("last.params"), out -> writeBlocks(blocks, out));
        AtomicFiles.write(dir.resolve("last.optim"), out -> out.write(optimizerState));
        if (best) {
            AtomicFiles.write(dir.resolve("best.params"), out -> writeBlocks(blocks, out));
        }
        RunFolder.writeJson(dir.resolve("state.json"), state);
    }

    public void markFinished(State state) {
        RunFolder.writeJson(dir.resolve("state.json"), state);
    }

    public byte[] optimizerState() {
        try {
            return Files.readAllBytes(dir.resolve("last.optim"));
        } catch (IOException e) {
            throw new ConfigException("checkpoint " + dir.resolve("last.optim") + " cannot be read: " + e.getMessage());
        }
    }

    /** Loads weights saved by {@link #saveLast}; prefer a network's own {@code load}, which also refreshes its store. */
    public static void loadParams(Path file, NDManager manager, List<Block> blocks) {
        try (InputStream in = Files.newInputStream(file); DataInputStream data = new DataInputStream(in)) {
            for (Block b : blocks) {
                b.loadParameters(manager, data);
            }
        } catch (IOException | MalformedModelException | RuntimeException e) {
            throw new ConfigException("checkpoint " + file + " cannot be loaded: " + e.getMessage());
        }
    }

    private static void writeBlocks(List<Block> blocks, OutputStream out) throws IOException {
        DataOutputStream data = new DataOutputStream(out);
        for (Block b : blocks) {
            b.saveParameters(data);
        }
        data.flush();
    }
}
