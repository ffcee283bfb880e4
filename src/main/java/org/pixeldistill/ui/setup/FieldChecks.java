package org.pixeldistill.ui.setup;

import java.nio.file.Path;
import java.util.Optional;
import java.util.function.BiFunction;
import org.pixeldistill.core.config.ConfigException;
import org.pixeldistill.core.cost.CostModel;
import org.pixeldistill.core.cost.CostWeights;
import org.pixeldistill.core.cost.ImageBytes;

/**
 * Whether a number typed into a setup field passes the core's own config checks, before Start.
 * No range is written here: the value is put into otherwise valid choices, the config the setup
 * builds from them is validated by the core ({@code RunConfig.validate} and the sections it calls,
 * the cost model's for the bandwidth), and its one-line complaint, naming the key, is the answer.
 * The field's spinner keeps its own arrow range; what is typed is judged by these rules.
 */
public final class FieldChecks {
    /** The setup fields that are numbers, each with how it enters the choices. */
    public enum Field {
        EPOCHS(true, (c, v) -> with(c, v, "epochs")),
        TEACHER_EPOCHS(true, (c, v) -> with(c, v, "teacherEpochs")),
        SEEDS(true, (c, v) -> with(c, v, "seeds")),
        TRAIN_LIMIT(true, (c, v) -> with(c, v, "trainLimit")),
        TEACHER_TRAIN_LIMIT(true, (c, v) -> with(c, v, "teacherTrainLimit")),
        TEST_LIMIT(true, (c, v) -> with(c, v, "testLimit")),
        TEACHER_SIZE(true, (c, v) -> with(c, v, "teacherSize")),
        ETA(false, (c, v) -> with(c, v, "eta")),
        TEMPERATURE(false, (c, v) -> with(c, v, "temperature")),
        ALPHA(false, (c, v) -> with(c, v, "alpha")),
        BANDWIDTH(false, (c, v) -> with(c, v, "bandwidth"));

        /** A count or a size: a fraction typed here is refused, as a config file's would be. */
        private final boolean whole;
        private final BiFunction<SetupChoices, Double, SetupChoices> apply;

        Field(boolean whole, BiFunction<SetupChoices, Double, SetupChoices> apply) {
            this.whole = whole;
            this.apply = apply;
        }
    }

    private static final RunConfigBuilder BUILDER = new RunConfigBuilder(Path.of("data"), Path.of("configs"));

    private FieldChecks() {}

    /** The core's one line about {@code text} in {@code field}, or empty when it would be accepted. */
    public static Optional<String> problem(Field field, String text) {
        double value;
        try {
            value = Double.parseDouble(text.trim());
        } catch (NumberFormatException e) {
            return Optional.of("not a number: '" + text.trim() + "'");
        }
        if (Double.isNaN(value)) {
            return Optional.of("not a number: '" + text.trim() + "'");
        }
        if (field.whole && value != Math.rint(value)) {
            return Optional.of("a whole number is needed here, got " + text.trim());
        }
        // TAS uses every weight and has a teacher, so every field's key is checked
        SetupChoices c = field.apply.apply(SetupChoices.defaults().withMethod(Method.TAS), value);
        try {
            BUILDER.teacherConfig(c); // validates the teacher's own config (its size, epochs, images)
            checkStudent(c);
            new CostModel(ImageBytes.DEFAULT_JPEG_QUALITY, c.bandwidthMbps(), "jpeg", CostWeights.DEFAULT, 1);
            return Optional.empty();
        } catch (ConfigException | ArithmeticException e) {
            return Optional.of(e.getMessage());
        }
    }

    /** The student's config as Start builds it, validated, without writing the teacher's file. */
    private static void checkStudent(SetupChoices c) {
        if (c.seeds() < 1) {
            // the seed list would silently be [0]: say that the count is the problem, as `sweep --seeds` does
            throw new ConfigException("seeds must be at least 1, got " + c.seeds());
        }
        BUILDER.build(c.withMethod(Method.BASELINE)); // data limits, epochs, the student's size
        RunConfigBuilder.distill(c).validate("distill"); // eta, temperature, alpha
    }

    private static SetupChoices with(SetupChoices c, double v, String name) {
        int n = (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, Math.rint(v)));
        return new SetupChoices(c.useDemo(), c.folder(), c.layout(), c.teacherBackbone(), c.teacherWidth(),
                name.equals("teacherSize") ? n : c.teacherSize(), c.studentBackbone(), c.studentWidth(),
                name.equals("teacherSize") ? 1 : c.ratio(), c.method(),
                name.equals("eta") ? v : c.eta(), name.equals("temperature") ? v : c.temperature(),
                name.equals("alpha") ? v : c.alpha(), name.equals("epochs") ? n : c.epochs(),
                name.equals("teacherEpochs") ? n : c.teacherEpochs(), name.equals("seeds") ? n : c.seeds(),
                name.equals("trainLimit") ? n : c.trainLimit(),
                name.equals("teacherTrainLimit") ? n : c.teacherTrainLimit(),
                name.equals("testLimit") ? n : c.testLimit(), c.device(), name.equals("bandwidth") ? v : c.bandwidthMbps(),
                c.teacherWeights(), c.studentWeights());
    }
}
