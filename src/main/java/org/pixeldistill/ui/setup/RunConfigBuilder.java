package org.pixeldistill.ui.setup;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import org.pixeldistill.core.config.AtConfig;
import org.pixeldistill.core.config.ConfigLoader;
import org.pixeldistill.core.config.DataConfig;
import org.pixeldistill.core.config.DistillConfig;
import org.pixeldistill.core.config.FeatureConfig;
import org.pixeldistill.core.config.IsrdConfig;
import org.pixeldistill.core.config.KdConfig;
import org.pixeldistill.core.config.ModelConfig;
import org.pixeldistill.core.config.RunConfig;
import org.pixeldistill.core.config.TasConfig;
import org.pixeldistill.core.config.TeacherRef;
import org.pixeldistill.core.config.TrainConfig;
import org.pixeldistill.core.run.AtomicFiles;

/**
 * Turns the setup panel's choices into a validated run config, section by section as the demo
 * recipes in sample-configs/ write them. A distillation run names its teacher by a config file,
 * exactly as the CLI's configs do: the teacher's own config is written as YAML into
 * {@code configsDir} so the core trains it once, caches it under runs/teachers/ and reuses it.
 */
public final class RunConfigBuilder {
    /** Learning rates of the demo recipes: 0.05 for the teacher; 0.01 for students (0.05 made ISRD diverge). */
    static final double TEACHER_LR = 0.05;
    static final double STUDENT_LR = 0.01;
    static final double PHOTO_LR = 0.01;
    static final int BATCH = 64;

    private final Path demoData;
    private final Path configsDir;

    public RunConfigBuilder(Path demoData, Path configsDir) {
        this.demoData = demoData.toAbsolutePath().normalize();
        this.configsDir = configsDir.toAbsolutePath().normalize();
    }

    /** The student's (or baseline's) run config; writes the teacher's config file first when there is one. */
    public RunConfig build(SetupChoices c) {
        ModelConfig student = new ModelConfig(c.studentBackbone(), c.studentSize(), c.studentWidth(), stem(c), 0,
                c.studentWeights());
        TrainConfig train = train(c, c.epochs(), isDemoLike(c) ? STUDENT_LR : PHOTO_LR, c.seedList(),
                c.studentBackbone().startsWith("vit"));
        String name = c.method().name().toLowerCase() + "-" + c.studentBackbone() + "-" + c.studentSize();
        // the teacher's data section is the student's when it trains; its own image count comes back through set
        List<String> teacherSet = c.teacherTrainLimit() == c.trainLimit() ? List.of()
                : List.of("data.train_limit=" + c.teacherTrainLimit());
        TeacherRef teacher = c.method().needsTeacher()
                ? new TeacherRef(writeTeacher(c).toString(), null, teacherSet) : null;
        RunConfig config = new RunConfig(name, c.device(), data(c), student, teacher, distill(c), train, tas(c));
        config.validate();
        return config;
    }

    /** The teacher's own single-model config (its data section is replaced by the student's when it trains). */
    public RunConfig teacherConfig(SetupChoices c) {
        ModelConfig model = new ModelConfig(c.teacherBackbone(), c.teacherSize(), c.teacherWidth(), stem(c), 0,
                c.teacherWeights());
        TrainConfig train = train(c, c.teacherEpochs(), isDemoLike(c) ? TEACHER_LR : PHOTO_LR, List.of(0),
                c.teacherBackbone().startsWith("vit"));
        String name = "teacher-" + c.teacherBackbone() + "-x" + plain(c.teacherWidth()) + "-" + c.teacherSize();
        DataConfig d = data(c);
        DataConfig own = new DataConfig(d.dataset(), d.path(), c.teacherTrainLimit(), d.testLimit(), d.splitRatio(), d.mean(),
                d.std(), d.crop(), d.cropScale(), d.pad(), d.flip(), d.interpolation(), d.testCrop(), d.workers());
        RunConfig config = new RunConfig(name, c.device(), own, model, null, DistillConfig.none(), train, null);
        config.validate();
        return config;
    }

    /** Where the teacher's config of these choices is written. */
    public Path teacherFile(SetupChoices c) {
        return configsDir.resolve(teacherConfig(c).name() + ".yaml");
    }

    private Path writeTeacher(SetupChoices c) {
        Path file = teacherFile(c);
        AtomicFiles.writeString(file, "# Written by the workbench's setup panel: the teacher of its runs.\n"
                + ConfigLoader.toYaml(teacherConfig(c)));
        return file;
    }

    /** The demo's augmentation for Fashion-MNIST (pad + random crop, area shrink); the paper's for photographs. */
    public DataConfig data(SetupChoices c) {
        String path = c.dataPath(demoData).toAbsolutePath().normalize().toString();
        String layout = c.effectiveLayout();
        if (isDemoLike(c)) {
            return new DataConfig(layout, path, c.trainLimit(), c.testLimit(), null, null, null, "pad", null, 2, true,
                    "area", null, 2);
        }
        return new DataConfig(layout, path, c.trainLimit(), c.testLimit(), null, null, null, "rrc", List.of(0.08, 1.0),
                null, true, "bilinear", 0.875, 2);
    }

    /** The data set of the choices without limits: what the cost readout opens and measures. */
    public DataConfig probeData(SetupChoices c) {
        DataConfig d = data(c);
        return new DataConfig(d.dataset(), d.path(), 0, 0, d.splitRatio(), d.mean(), d.std(), d.crop(), d.cropScale(),
                d.pad(), d.flip(), d.interpolation(), d.testCrop(), d.workers());
    }

    /** The student's stem for these choices. */
    public static String stemOf(SetupChoices c) {
        return stem(c);
    }

    /** The distill section of each method, with the weights the panel shows. */
    static DistillConfig distill(SetupChoices c) {
        KdConfig kd = new KdConfig(c.alpha(), c.temperature());
        IsrdConfig isrd = new IsrdConfig(c.eta());
        return switch (c.method()) {
            case BASELINE -> DistillConfig.none();
            case KD -> DistillConfig.of(kd);
            case AT -> DistillConfig.of(AtConfig.KIND.defaults());
            case ISRD -> DistillConfig.of(kd, isrd);
            case TAS -> DistillConfig.of(kd, isrd, new FeatureConfig(1.0));
        };
    }

    /** TAS: the assistant learns from the teacher with KD for as many epochs as the student, then seeds it. */
    static TasConfig tas(SetupChoices c) {
        if (c.method() != Method.TAS) {
            return null;
        }
        DistillConfig kd = DistillConfig.of(new KdConfig(c.alpha(), c.temperature()));
        // A ViT's position embedding is sized for its input: it cannot start from the assistant's weights.
        return new TasConfig(kd, 0, !c.studentBackbone().startsWith("vit"));
    }

    private static TrainConfig train(SetupChoices c, int epochs, double lr, List<Integer> seeds, boolean vit) {
        // Cosine: a run of a few epochs never reaches the paper's 30/60/90 milestones.
        return new TrainConfig(epochs, BATCH, lr, 0.9, 5e-4, "cosine", null, null, null, seeds, 0, vit ? 1.0 : 0.0);
    }

    private static boolean isDemoLike(SetupChoices c) {
        return DataConfig.DATASETS.get(0).equals(c.effectiveLayout());
    }

    /** The small-input stem for Fashion-MNIST's 28 pixels (as the demo recipes); auto picks per size elsewhere. */
    private static String stem(SetupChoices c) {
        return isDemoLike(c) ? "small" : "auto";
    }

    private static String plain(double v) {
        return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }
}
