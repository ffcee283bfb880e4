package org.pixeldistill.core.sweep;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.pixeldistill.core.config.AtConfig;
import org.pixeldistill.core.config.ConfigException;
import org.pixeldistill.core.config.DetectConfig;
import org.pixeldistill.core.config.DistillConfig;
import org.pixeldistill.core.config.DistillerKind;
import org.pixeldistill.core.config.DistillerSettings;
import org.pixeldistill.core.config.FeatureConfig;
import org.pixeldistill.core.config.IsrdConfig;
import org.pixeldistill.core.config.KdConfig;
import org.pixeldistill.core.config.ModelConfig;
import org.pixeldistill.core.config.RunConfig;
import org.pixeldistill.core.config.TasConfig;
import org.pixeldistill.core.config.TrainConfig;
import org.pixeldistill.core.data.DataSets;
import org.pixeldistill.core.data.DataSplits;
import org.pixeldistill.core.detect.DetectionDataSets;
import org.pixeldistill.core.detect.DetectorSpecs;
import org.pixeldistill.core.loop.TeacherConfigs;
import org.pixeldistill.core.model.BackboneSpec;
import org.pixeldistill.core.model.Backbones;

/**
 * Expands a base config into the grid of a sweep: ratios x students x methods, every cell a full
 * run config. Every cell is checked before anything trains, so an impossible one (a ViT patch
 * larger than the image, a ratio that does not divide the teacher's size) stops the sweep with
 * the cell's name and the reason.
 */
public final class SweepPlan {
    public static final List<String> METHODS = List.of("baseline", "kd", "at", "isrd", "tas");
    /**
     * A detector sweep's methods (METHOD.md, AFP): the student alone, distilled from the teacher
     * without alignment (features only), and AFP through TAS.
     */
    public static final List<String> DETECTION_METHODS = List.of("baseline", "unaligned", "afp");
    public static final List<String> ROUNDINGS = List.of("none", "floor", "round", "ceil");

    /**
     * @param rounding how S/r becomes a whole size when r does not divide S: none (an error),
     *     floor, round or ceil
     * @param eta ISRD weight; 0 = METHOD.md's rule, {@link IsrdConfig#etaAt}
     * @param methodsAtR1 the methods run at r = 1, where the student sees the teacher's input and
     *     the cells are only a reference (null = all of {@code methods}); distilling at r = 1 costs
     *     as much as the teacher and is often not what a sweep is for
     */
    public record Options(List<Integer> ratios, List<String> students, List<String> methods, int seeds,
            String rounding, double eta, List<String> methodsAtR1) {
        public Options(List<Integer> ratios, List<String> students, List<String> methods, int seeds,
                String rounding, double eta) {
            this(ratios, students, methods, seeds, rounding, eta, null);
        }

        List<String> methodsAt(int ratio) {
            return ratio == 1 && methodsAtR1 != null ? methodsAtR1 : methods;
        }
    }

    private SweepPlan() {}

    public static List<SweepCell> plan(RunConfig base, Options o) {
        if (!base.isDistillation()) {
            throw new ConfigException("sweep: the base config needs a teacher (teacher.config or teacher.run)");
        }
        if (!ROUNDINGS.contains(o.rounding())) {
            throw new ConfigException("sweep: --rounding must be one of " + ROUNDINGS + ", got '" + o.rounding() + "'");
        }
        if (o.seeds() < 1) {
            throw new ConfigException("sweep: --seeds must be at least 1");
        }
        List<String> all = new ArrayList<>(o.methods());
        if (o.methodsAtR1() != null) {
            all.addAll(o.methodsAtR1());
        }
        List<String> known = base.isDetection() ? DETECTION_METHODS : METHODS;
        for (String m : all) {
            if (!known.contains(m)) {
                throw new ConfigException("sweep: unknown method '" + m + "' for a " + (base.isDetection() ? "detector"
                        : "classifier") + " (known: " + String.join(", ", known) + ")");
            }
        }
        int teacherSize = teacherSize(base);
        Shape shape = shapeOf(base);
        List<SweepCell> cells = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (int r : o.ratios()) {
            for (String student : o.students()) {
                for (String method : o.methodsAt(r)) {
                    String id = student + "-r" + r + "-" + method;
                    try {
                        int size = size(teacherSize, r, o.rounding());
                        RunConfig cfg = cellConfig(base, id, student, size, r, method, o);
                        BackboneSpec spec = BackboneSpec.from(cfg.model(), shape.channels(), shape.classes());
                        if (cfg.isDetection()) {
                            DetectorSpecs.of(cfg, shape.channels(), shape.classes());
                        }
                        Backbones.create(spec);
                        if (method.equals("tas") && spec.isVit() && cfg.tas().initFromAssistant()) {
                            throw new ConfigException("a ViT student cannot start from its assistant's weights;"
                                    + " set tas.init_from_assistant to false in the base config");
                        }
                        cells.add(new SweepCell(id, student, r, method, size, cfg));
                    } catch (ConfigException e) {
                        problems.add("cell " + id + ": " + e.getMessage());
                    }
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new ConfigException(String.join("; ", problems));
        }
        return cells;
    }

    static int size(int teacherSize, int ratio, String rounding) {
        if (ratio < 1) {
            throw new ConfigException("ratio must be >= 1, got " + ratio);
        }
        if (teacherSize % ratio == 0) {
            return teacherSize / ratio;
        }
        double exact = teacherSize / (double) ratio;
        return switch (rounding) {
            case "floor" -> Math.max(1, (int) Math.floor(exact));
            case "round" -> Math.max(1, (int) Math.round(exact));
            case "ceil" -> (int) Math.ceil(exact);
            default -> throw new ConfigException("ratio " + ratio + " does not divide the teacher's size " + teacherSize
                    + " (give --rounding floor, round or ceil)");
        };
    }

    private static RunConfig cellConfig(RunConfig base, String id, String student, int size, int r, String method,
            Options o) {
        // the base's patch size carries over (0 = fit each input): a fixed patch can be too large.
        // Its pretrained weights carry over to cells of the same backbone only: another one would not fit them
        String weights = student.equals(base.model().backbone()) ? base.model().weights() : null;
        ModelConfig model = new ModelConfig(student, size, base.model().width(), base.model().stem(),
                base.model().patchSize(), weights);
        TrainConfig train = base.train().withSeeds(IntStream.range(0, o.seeds()).boxed().toList());
        DistillConfig d = base.distill();
        KdConfig kd = orDefaults(d, KdConfig.KIND);
        IsrdConfig isrd = o.eta() > 0 ? new IsrdConfig(o.eta()) : IsrdConfig.KIND.defaultsAt(r);
        FeatureConfig feature = orDefaults(d, FeatureConfig.KIND);
        RunConfig one = base.withoutTas().withName(base.name() + "-" + id).withModel(model).withTrain(train);
        if (base.isDetection()) {
            RunConfig cfg = detectionCell(base, one, method);
            cfg.validate();
            return cfg;
        }
        RunConfig cfg = switch (method) {
            case "baseline" -> one.withTeacher(null).withDistill(DistillConfig.none());
            case "kd" -> one.withDistill(DistillConfig.of(kd));
            case "at" -> one.withDistill(DistillConfig.of(orDefaults(d, AtConfig.KIND)));
            case "isrd" -> one.withDistill(DistillConfig.of(kd, isrd));
            case "tas" -> new RunConfig(one.name(), one.device(), one.data(), model, one.teacher(),
                    DistillConfig.of(kd, isrd, feature), train, base.hasTas() ? base.tas() : new TasConfig(null, null, null));
            default -> throw new ConfigException("unknown method " + method);
        };
        cfg.validate();
        return cfg;
    }

    /** A detector cell: alone, unaligned (features only, one stage) or AFP through TAS. */
    private static RunConfig detectionCell(RunConfig base, RunConfig one, String method) {
        var d = base.detect().distill();
        return switch (method) {
            case "baseline" -> one.withTeacher(null);
            case "unaligned" -> one.withDetect(base.detect().withDistill(new DetectConfig.Distill(
                    false, d.temperature(), d.classWeight(), d.boxWeight(), d.featureWeight())));
            case "afp" -> new RunConfig(one.name(), one.device(), one.data(), one.model(), one.teacher(), one.distill(),
                    one.train(), base.hasTas() ? base.tas() : new TasConfig(null, null, Boolean.FALSE),
                    base.detect().withDistill(new DetectConfig.Distill(true, d.temperature(),
                            d.classWeight(), d.boxWeight(), d.featureWeight())));
            default -> throw new ConfigException("unknown method " + method);
        };
    }

    /** Channels and classes of the base config's data, for building each cell's network. */
    private record Shape(int channels, int classes) {}

    private static Shape shapeOf(RunConfig base) {
        if (base.isDetection()) {
            var data = DetectionDataSets.open(base.data(), base.detect());
            return new Shape(data.train().channels(), data.train().numClasses());
        }
        DataSplits data = DataSets.open(base.data(), Path.of(""));
        return new Shape(data.train().channels(), data.train().numClasses());
    }

    /** The base config's settings of {@code kind}, or its defaults when the base leaves it off. */
    private static <S extends DistillerSettings> S orDefaults(DistillConfig base, DistillerKind<S> kind) {
        S own = base.get(kind.type());
        return own != null ? own : kind.defaults();
    }

    static int teacherSize(RunConfig base) {
        return TeacherConfigs.of(base).model().inputSize();
    }
}
