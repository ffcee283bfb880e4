package org.pixeldistill.core.distill;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.pixeldistill.core.config.ConfigException;
import org.pixeldistill.core.config.DistillConfig;
import org.pixeldistill.core.config.DistillerKind;
import org.pixeldistill.core.config.DistillerKinds;
import org.pixeldistill.core.model.FeatureTaps;

/**
 * Inside a gradient collector every registered distiller (with its defaults) must send gradient to
 * the student's arrays (and to its own blocks) and none to the teacher's. Shapes mimic pixel
 * distillation: the teacher's maps are larger and wider than the student's. A distiller that
 * refuses a different network in {@link Distiller#prepare} (a {@link ConfigException}, as TAS's
 * stage feature loss does) is tested with an assistant's taps instead: same channels, larger maps.
 */
class GradientFlowTest {

    static Stream<String> registered() {
        return DistillerKinds.ALL.stream().map(DistillerKind::name);
    }

    private static Distiller create(String name) {
        DistillerKind<?> kind = DistillerKinds.named(name).orElseThrow();
        List<Distiller> built = Distillers.create(DistillConfig.of(kind.defaults()));
        assertEquals(1, built.size(), name);
        return built.get(0);
    }

    private static NDArray leaf(NDManager m, Shape shape) {
        NDArray x = m.randomNormal(shape);
        x.setRequiresGradient(true);
        return x;
    }

    private static float absSum(NDArray grad) {
        return grad.abs().sum().getFloat();
    }

    /** The gradient's size on a student leaf; 0 for a leaf the loss does not read (PyTorch then keeps none). */
    private static float gradientOn(NDArray leaf) {
        try {
            return absSum(leaf.getGradient());
        } catch (IllegalStateException noneRecorded) {
            return 0;
        }
    }

    /** Student leaves that record gradients; a larger teacher without them, wider unless {@code sameWidth}. */
    private static DistillContext context(NDManager m, boolean sameWidth) {
        FeatureTaps student = new FeatureTaps(leaf(m, new Shape(2, 5)), leaf(m, new Shape(2, 4, 4, 4)),
                List.of(leaf(m, new Shape(2, 6, 2, 2))));
        FeatureTaps teacher = new FeatureTaps(m.randomNormal(new Shape(2, 5)),
                m.randomNormal(new Shape(2, sameWidth ? 4 : 8, 8, 8)),
                List.of(m.randomNormal(new Shape(2, sameWidth ? 6 : 10, 3, 3))));
        return new DistillContext(student, teacher, m.create(new int[] {1, 3}),
                m.randomNormal(new Shape(2, 3, 16, 16)), 0, true);
    }

    /** Whether the distiller accepts a wider teacher, or needs the student's own architecture. */
    private static boolean needsSameWidth(String name) {
        try (NDManager m = NDManager.newBaseManager()) {
            create(name).prepare(m, context(m, false));
            return false;
        } catch (ConfigException e) {
            return true;
        }
    }

    private static NDArray total(Map<String, NDArray> losses, String name) {
        assertFalse(losses.isEmpty(), name + " gave no loss term");
        return losses.values().stream().reduce(NDArray::add).orElseThrow();
    }

    @ParameterizedTest
    @MethodSource("registered")
    void lossesLeaveNothingOnTheModelManager(String name) {
        boolean sameWidth = needsSameWidth(name);
        try (NDManager model = NDManager.newBaseManager()) {
            Distiller d = create(name);
            try (NDManager first = model.newSubManager()) {
                d.prepare(model, context(first, sameWidth));
            }
            int before = model.getManagedArrays().size();
            try (NDManager step = model.newSubManager()) {
                DistillContext ctx = context(step, sameWidth);
                try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                    gc.backward(total(d.losses(new ParameterStore(model, false), ctx), name));
                }
            }
            assertEquals(before, model.getManagedArrays().size(), name + " left arrays on the model manager");
        }
    }

    @ParameterizedTest
    @MethodSource("registered")
    void gradientsReachTheStudentAndItsBlocksOnly(String name) {
        boolean sameWidth = needsSameWidth(name);
        try (NDManager m = NDManager.newBaseManager()) {
            Engine.getInstance().setRandomSeed(7);
            DistillContext ctx = context(m, sameWidth);
            Distiller d = create(name);
            d.prepare(m, ctx);
            ParameterStore ps = new ParameterStore(m, false);
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                Map<String, NDArray> losses = d.losses(ps, ctx);
                assertTrue(losses.containsKey(name), name + " must report a term under its own name: " + losses.keySet());
                NDArray loss = total(losses, name);
                assertTrue(Float.isFinite(loss.getFloat()), name + " loss must be finite");
                gc.backward(loss);

                float reached = 0;
                for (NDArray s : ctx.student().toNDList()) {
                    reached += gradientOn(s);
                }
                assertTrue(reached > 0, name + ": no gradient on the student");
                for (Block block : d.trainableBlocks()) {
                    for (Pair<String, Parameter> p : block.getParameters()) {
                        assertTrue(absSum(p.getValue().getArray().getGradient()) > 0,
                                name + ": no gradient on " + p.getKey());
                    }
                }
                for (NDArray t : ctx.teacher().toNDList()) {
                    assertFalse(t.hasGradient(), name + " must not track the teacher");
                }
            }
        }
    }
}
