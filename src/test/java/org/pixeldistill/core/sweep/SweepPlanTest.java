package org.pixeldistill.core.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pixeldistill.core.config.ConfigException;
import org.pixeldistill.core.config.ConfigLoader;
import org.pixeldistill.core.config.IsrdConfig;
import org.pixeldistill.core.config.KdConfig;
import org.pixeldistill.core.config.ModelConfig;
import org.pixeldistill.core.config.RunConfig;

class SweepPlanTest {
    @TempDir
    Path dir;

    static final String DATA = "data:\n  dataset: fashion-mnist\n  path: " + Path.of("assets/fashion-mnist").toAbsolutePath()
            + "\n  train_limit: 200\n  test_limit: 100\n  crop: none\n  flip: false\n";

    static RunConfig base(Path dir, int teacherSize) throws Exception {
        Files.writeString(dir.resolve("teacher.yaml"), "name: t\n" + DATA + "model:\n  backbone: resnet18\n  input_size: "
                + teacherSize + "\n  width: 0.125\n  stem: small\ntrain:\n  epochs: 1\n  batch_size: 32\n");
        Path base = dir.resolve("base.yaml");
        Files.writeString(base, "name: sw\nteacher:\n  config: teacher.yaml\n" + DATA
                + "model:\n  backbone: resnet18\n  input_size: 7\n  width: 0.125\n  stem: small\n"
                + "distill:\n  kd: {alpha: 0.5}\ntrain:\n  epochs: 1\n  batch_size: 32\n");
        return ConfigLoader.load(base);
    }

    @Test
    void expandsRatiosStudentsAndMethodsIntoRunnableConfigs() throws Exception {
        List<SweepCell> cells = SweepPlan.plan(base(dir, 28), new SweepPlan.Options(List.of(1, 2, 4),
                List.of("resnet18"), List.of("baseline", "kd", "at", "isrd", "tas"), 3, "none", 0));
        assertEquals(15, cells.size());
        SweepCell isrd4 = cells.stream().filter(c -> c.id().equals("resnet18-r4-isrd")).findFirst().orElseThrow();
        assertEquals(7, isrd4.inputSize());
        assertEquals(50.0, isrd4.config().distill().get(IsrdConfig.class).eta());
        assertEquals(0.5, isrd4.config().distill().get(KdConfig.class).alpha(), "the base config's KD settings carry over");
        assertEquals(List.of(0, 1, 2), isrd4.config().train().seeds());
        SweepCell isrd2 = cells.stream().filter(c -> c.id().equals("resnet18-r2-isrd")).findFirst().orElseThrow();
        assertEquals(10.0, isrd2.config().distill().get(IsrdConfig.class).eta());
        SweepCell baseline = cells.stream().filter(c -> c.id().equals("resnet18-r1-baseline")).findFirst().orElseThrow();
        assertNull(baseline.config().teacher());
        assertEquals(28, baseline.inputSize());
        SweepCell tas = cells.stream().filter(c -> c.id().equals("resnet18-r4-tas")).findFirst().orElseThrow();
        assertTrue(tas.config().hasTas());
        assertEquals(List.of("kd", "isrd", "feature"), tas.config().distill().active());
        SweepCell at = cells.stream().filter(c -> c.id().equals("resnet18-r2-at")).findFirst().orElseThrow();
        assertEquals(List.of("at"), at.config().distill().active());
    }

    @Test
    void pretrainedWeightsCarryOverToCellsOfTheSameBackboneOnly() throws Exception {
        RunConfig base = base(dir, 28);
        base = base.withModel(base.model().withWeights("/w/resnet18.safetensors"));
        List<SweepCell> cells = SweepPlan.plan(base, new SweepPlan.Options(List.of(2),
                List.of("resnet18", "mobilenet_v2"), List.of("baseline"), 1, "none", 0));
        assertEquals("/w/resnet18.safetensors", cells.get(0).config().model().weights(), cells.get(0).id());
        assertNull(cells.get(1).config().model().weights(), cells.get(1).id());
    }

    @Test
    void etaFollowsThePapersRuleAtEveryRatioUnlessGiven() throws Exception {
        List<SweepCell> cells = SweepPlan.plan(base(dir, 24), new SweepPlan.Options(List.of(2, 3, 4),
                List.of("resnet18"), List.of("isrd"), 1, "none", 0));
        assertEquals(List.of(10.0, 50.0, 50.0), cells.stream()
                .map(c -> c.config().distill().get(IsrdConfig.class).eta()).toList(), "r = 3 is above r = 2");
        List<SweepCell> given = SweepPlan.plan(base(dir, 24), new SweepPlan.Options(List.of(2, 3),
                List.of("resnet18"), List.of("tas"), 1, "none", 20));
        assertEquals(List.of(20.0, 20.0), given.stream()
                .map(c -> c.config().distill().get(IsrdConfig.class).eta()).toList());
    }

    @Test
    void theReferenceRatioCanRunFewerMethods() throws Exception {
        List<SweepCell> cells = SweepPlan.plan(base(dir, 28), new SweepPlan.Options(List.of(1, 2, 4),
                List.of("resnet18"), List.of("baseline", "kd", "tas"), 1, "none", 0, List.of("baseline")));
        assertEquals(List.of("resnet18-r1-baseline", "resnet18-r2-baseline", "resnet18-r2-kd", "resnet18-r2-tas",
                "resnet18-r4-baseline", "resnet18-r4-kd", "resnet18-r4-tas"), cells.stream().map(SweepCell::id).toList());
        assertThrows(ConfigException.class, () -> SweepPlan.plan(base(dir, 28), new SweepPlan.Options(List.of(1, 2),
                List.of("resnet18"), List.of("kd"), 1, "none", 0, List.of("magic"))));
    }

    @Test
    void impossibleCellsAreNamedBeforeAnythingTrains() throws Exception {
        RunConfig base = base(dir, 28);
        RunConfig patch4 = base.withModel(new ModelConfig("resnet18", 7, 0.125, "small", 4));
        ConfigException vit = assertThrows(ConfigException.class, () -> SweepPlan.plan(patch4,
                new SweepPlan.Options(List.of(1, 4, 14), List.of("vit_tiny"), List.of("kd"), 1, "none", 0)));
        assertTrue(vit.getMessage().contains("cell vit_tiny-r14-kd: input_size 2 is too small"), vit.getMessage());
        assertTrue(!vit.getMessage().contains("r4"), "the possible cells are not reported: " + vit.getMessage());
        ConfigException ratio = assertThrows(ConfigException.class, () -> SweepPlan.plan(base,
                new SweepPlan.Options(List.of(3), List.of("resnet18"), List.of("kd"), 1, "none", 0)));
        assertTrue(ratio.getMessage().contains("cell resnet18-r3-kd: ratio 3 does not divide the teacher's size 28"),
                ratio.getMessage());
        List<SweepCell> rounded = SweepPlan.plan(base,
                new SweepPlan.Options(List.of(3), List.of("resnet18"), List.of("kd"), 1, "round", 0));
        assertEquals(9, rounded.get(0).inputSize());
        assertThrows(ConfigException.class, () -> SweepPlan.plan(base,
                new SweepPlan.Options(List.of(2), List.of("resnet18"), List.of("magic"), 1, "none", 0)));
    }
}
