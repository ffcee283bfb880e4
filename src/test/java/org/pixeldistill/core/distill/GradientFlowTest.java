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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.pixeldistill.core.config.DistillConfig;
import org.pixeldistill.core.model.FeatureTaps;

/**
 * Inside a gradient collector every distiller must send gradient to the student's arrays (and to
 * its own blocks) and none to the teacher's. Shapes mimic pixel distillation: the teacher's maps
 * are larger and wider than the student's.
 */
class GradientFlowTest {

    private static DistillConfig only(String name) {
        return new DistillConfig(
                name.equals("kd") ? new DistillConfig.Kd(null, null) : null,
                name.equals("at") ? new DistillConfig.At(null, null) : null,
                name.equals("sp") ? new DistillConfig.Sp(null) : null,
                name.equals("ickd") ? new DistillConfig.Ickd(null) : null,
                name.equals("dkd") ? new DistillConfig.Dkd(null, null, null, null) : null,
                name.equals("fitnet") ? new DistillConfig.Fitnet(null) : null,
                name.equals("isrd") ? new DistillConfig.Isrd(null) : null,
                null);
    }

    private static NDArray leaf(NDManager m, Shape shape) {
        NDArray x = m.randomNormal(shape);
        x.setRequiresGradient(true);
        return x;
    }

    private static float absSum(NDArray grad) {
        return grad.abs().sum().getFloat();
    }

    /** Student leaves that record gradients; a larger, wider teacher without them. */
    private static DistillContext context(NDManager m) {
        FeatureTaps student = new FeatureTaps(leaf(m, new Shape(2, 5)), leaf(m, new Shape(2, 4, 4, 4)),
                List.of(leaf(m, new Shape(2, 6, 2, 2))));
        FeatureTaps teacher = new FeatureTaps(m.randomNormal(new Shape(2, 5)),
                m.randomNormal(new Shape(2, 8, 8, 8)), List.of(m.randomNormal(new Shape(2, 10, 3, 3))));
        return new DistillContext(student, teacher, m.create(new int[] {1, 3}),
                m.randomNormal(new Shape(2, 3, 16, 16)), 0, true);
    }

    @ParameterizedTest
    @ValueSource(strings = {"kd", "at", "sp", "ickd", "dkd", "fitnet", "isrd"})
    void lossesLeaveNothingOnTheModelManager(String name) {
        try (NDManager model = NDManager.newBaseManager()) {
            Distiller d = Distillers.create(only(name)).get(0);
            try (NDManager first = model.newSubManager()) {
                d.prepare(model, context(first));
            }
            int before = model.getManagedArrays().size();
            try (NDManager step = model.newSubManager()) {
                DistillContext ctx = context(step);
                try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                    gc.backward(d.losses(new ParameterStore(model, false), ctx).get(name));
                }
            }
            assertEquals(before, model.getManagedArrays().size(), name + " left arrays on the model manager");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"kd", "at", "sp", "ickd", "dkd", "fitnet", "isrd"})
    void gradientsReachTheStudentAndItsBlocksOnly(String name) {
        try (NDManager m = NDManager.newBaseManager()) {
            Engine.getInstance().setRandomSeed(7);
            DistillContext ctx = context(m);
            FeatureTaps student = ctx.student();
            FeatureTaps teacher = ctx.teacher();
            NDArray logits = student.logits();
            NDArray f0 = student.f0();
            NDArray stage = student.lastStage();

            Distiller d = Distillers.create(only(name)).get(0);
            d.prepare(m, ctx);
            ParameterStore ps = new ParameterStore(m, false);
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                Map<String, NDArray> losses = d.losses(ps, ctx);
                NDArray loss = losses.get(name);
                assertTrue(Float.isFinite(loss.getFloat()), name + " loss must be finite");
                gc.backward(loss);

                NDArray reached = switch (name) {
                    case "kd", "dkd" -> logits;
                    case "isrd" -> f0;
                    default -> stage;
                };
                assertTrue(absSum(reached.getGradient()) > 0, name + ": no gradient on the student");
                for (Block block : d.trainableBlocks()) {
                    for (Pair<String, Parameter> p : block.getParameters()) {
                        assertTrue(absSum(p.getValue().getArray().getGradient()) > 0,
                                name + ": no gradient on " + p.getKey());
                    }
                }
                for (NDArray t : teacher.toNDList()) {
                    assertFalse(t.hasGradient(), name + " must not track the teacher");
                }
            }
        }
    }
}
