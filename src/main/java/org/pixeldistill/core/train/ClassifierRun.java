package org.pixeldistill.core.train;

import ai.djl.Device;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.pixeldistill.core.config.ConfigException;
import org.pixeldistill.core.config.RunConfig;
import org.pixeldistill.core.data.DataSets;
import org.pixeldistill.core.data.DataSplits;
import org.pixeldistill.core.data.Normalization;
import org.pixeldistill.core.loop.RunTask;
import org.pixeldistill.core.loop.StageTask;
import org.pixeldistill.core.loop.Trained;
import org.pixeldistill.core.loop.TrainingListener;
import org.pixeldistill.core.model.BackboneSpec;
import org.pixeldistill.core.model.Backbones;
import org.pixeldistill.core.model.PretrainedWeights;
import org.pixeldistill.core.run.RunFolder;
import org.pixeldistill.core.run.Score;
import org.pixeldistill.core.run.Stage;

/**
 * A classifier run's own half for the shared run loop: its data and network, checked before
 * anything is written, the frozen teacher (or TAS assistant) it distils from, and each seed's stage.
 */
public final class ClassifierRun implements RunTask {
    private final RunConfig config;
    private final Device device;
    private final DataSplits data;
    private final BackboneSpec spec;
    private final Normalization norm;
    private final AtomicInteger skipped = new AtomicInteger();
    /** What loading model.weights adapts (a new head, a summed first convolution), said once per run. */
    private final List<String> weightNotes;
    private Network teacher;
    private TrainingListener listener = new TrainingListener() {};

    private ClassifierRun(RunConfig config, Device device, DataSplits data, BackboneSpec spec, Normalization norm,
            List<String> weightNotes) {
        this.config = config;
        this.weightNotes = weightNotes;
        this.device = device;
        this.data = data;
        this.spec = spec;
        this.norm = norm;
    }

    /** Opens the data and checks that the network can be built (and, for TAS, started from its assistant). */
    public static ClassifierRun open(RunConfig config, Device device) {
        DataSplits data = DataSets.open(config.data(), Path.of(""));
        BackboneSpec spec = BackboneSpec.from(config.model(), data.train().channels(), data.train().numClasses());
        checkBuildable("model", spec);
        List<String> weightNotes = checkWeights(config, spec);
        Normalization norm = Normalization.of(config.data(), data.train().channels());
        if (config.hasTas() && config.tas().initFromAssistant() && spec.isVit()) {
            throw new ConfigException("tas.init_from_assistant: a ViT student cannot start from its assistant's weights"
                    + " (its position embedding is sized for its input); set it to false");
        }
        return new ClassifierRun(config, device, data, spec, norm, weightNotes);
    }

    /**
     * Finds out before anything is written or a teacher trained whether model.weights fits the
     * network; train.epochs 0 (the weights used as they are) is only for a teacher, which
     * {@link #openFrozen} loads without a run of its own.
     */
    private static List<String> checkWeights(RunConfig config, BackboneSpec spec) {
        String weights = config.model().weights();
        if (weights == null) {
            return List.of();
        }
        if (config.train().epochs() == 0) {
            throw new ConfigException("train.epochs 0 keeps model.weights " + weights + " as it is, which only a"
                    + " teacher can use (name this config in a student's teacher.config); to fine-tune, train at"
                    + " least 1 epoch");
        }
        return PretrainedWeights.check(spec, Path.of(weights), "model.weights");
    }

    @Override
    public void started(RunFolder folder, TrainingListener listener) {
        this.listener = listener;
        weightNotes.forEach(listener::onMessage);
    }

    /** Surfaces size errors (a patch larger than the image) before any data is decoded or trained. */
    public static void checkBuildable(String key, BackboneSpec spec) {
        try {
            Backbones.create(spec);
        } catch (ConfigException e) {
            throw new ConfigException(key + ": " + e.getMessage());
        }
    }

    /** Loads a trained network, frozen, for data like {@code data}. */
    public static Network openFrozen(Trained trained, Device device, DataSplits data) {
        return openFrozen(trained, device, data, line -> {});
    }

    /** As above; {@code log} hears what loading a pretrained teacher's weights file adapted. */
    static Network openFrozen(Trained trained, Device device, DataSplits data, Consumer<String> log) {
        BackboneSpec spec = BackboneSpec.from(trained.config().model(), data.train().channels(),
                data.train().numClasses());
        Network net = Network.create(spec, device, trained.config().train().seeds().get(0), false);
        try {
            if (trained.params() == null) { // a pretrained teacher used as it is (train.epochs 0)
                PretrainedWeights.load(net.block(), spec, Path.of(trained.config().model().weights()),
                        "teacher model.weights", log);
                return net;
            }
            net.load(trained.params(), List.of());
            return net;
        } catch (RuntimeException e) {
            net.close();
            throw e;
        }
    }

    @Override
    public Score score() {
        return Score.TOP1;
    }

    @Override
    public String dataset() {
        return data.train().name();
    }

    @Override
    public int trainSize() {
        return data.train().size();
    }

    @Override
    public int testSize() {
        return data.test().size();
    }

    @Override
    public AtomicInteger skippedImages() {
        return skipped;
    }

    @Override
    public void openTeacher(Trained trained) {
        teacher = openFrozen(trained, device, data, listener::onMessage);
    }

    @Override
    public StageTask stage(Stage stage, int seed) {
        return new ClassifierStage(config, seed, spec, device, data, norm, teacher, skipped);
    }

    @Override
    public void close() {
        if (teacher != null) {
            teacher.close();
        }
    }
}
