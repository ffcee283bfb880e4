package org.pixeldistill.core.train;

import ai.djl.Device;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.pixeldistill.core.cache.CacheIdentity;
import org.pixeldistill.core.cache.TeacherCache;
import org.pixeldistill.core.config.ConfigException;
import org.pixeldistill.core.config.RunConfig;
import org.pixeldistill.core.data.DataSets;
import org.pixeldistill.core.data.DataSplits;
import org.pixeldistill.core.data.Normalization;
import org.pixeldistill.core.data.TwoViewSampler;
import org.pixeldistill.core.loop.Cancellation;
import org.pixeldistill.core.loop.TrainingListener;
import org.pixeldistill.core.loop.RunTask;
import org.pixeldistill.core.loop.StageTask;
import org.pixeldistill.core.loop.Trained;
import org.pixeldistill.core.model.BackboneSpec;
import org.pixeldistill.core.model.Backbones;
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
    private Network teacher;
    private TeacherCache cache;

    private ClassifierRun(RunConfig config, Device device, DataSplits data, BackboneSpec spec, Normalization norm) {
        this.config = config;
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
        Normalization norm = Normalization.of(config.data(), data.train().channels());
        if (config.hasTas() && config.tas().initFromAssistant() && spec.isVit()) {
            throw new ConfigException("tas.init_from_assistant: a ViT student cannot start from its assistant's weights"
                    + " (its position embedding is sized for its input); set it to false");
        }
        return new ClassifierRun(config, device, data, spec, norm);
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
        BackboneSpec spec = BackboneSpec.from(trained.config().model(), data.train().channels(),
                data.train().numClasses());
        Network net = Network.create(spec, device, trained.config().train().seeds().get(0), false);
        try {
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
    public void openTeacher(Trained trained, TrainingListener listener, Cancellation cancel) {
        teacher = openFrozen(trained, device, data);
        TwoViewSampler sampler = ClassifierStage.sampler(config, spec, teacher, norm);
        cache = StudentCache.openIfEligible(config, teacher, CacheIdentity.teacher(teacher.spec(), trained.params()),
                TeacherCache.folderBeside(trained.folder().dir()), data.train(), sampler, listener,
                cancel::isCancelled);
    }

    @Override
    public StageTask stage(Stage stage, int seed) {
        return new ClassifierStage(config, seed, spec, device, data, norm, teacher, cache, skipped);
    }

    @Override
    public void close() {
        if (teacher != null) {
            teacher.close();
        }
    }
}
