package org.pixeldistill.ui.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pixeldistill.core.loop.TrainingListener;
import org.pixeldistill.core.run.MetricsRow;
import org.pixeldistill.core.run.Score;
import org.pixeldistill.core.run.Stage;
import org.pixeldistill.ui.common.UiThread;

/** Curves per stage and term, smoothing computed by hand, the stage filter and the per-batch loss. */
class LossChartViewModelTest {
    private static MetricsRow row(Stage stage, int epoch, double ce, double kd, double top1) {
        Map<String, Double> losses = new LinkedHashMap<>();
        losses.put("ce", ce);
        if (kd >= 0) {
            losses.put("kd", kd);
        }
        losses.put("total", ce + Math.max(0, kd));
        return new MetricsRow(stage, 0, epoch, 0.01, losses, 50, top1, 90, 1, 100, 0);
    }

    private static Curve curve(List<Curve> curves, String name) {
        return curves.stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow(() -> new AssertionError(
                "no curve " + name + " in " + curves.stream().map(Curve::name).toList()));
    }

    private static List<Double> ys(Curve c) {
        return c.points().stream().map(Curve.Point::y).toList();
    }

    @Test
    void oneCurvePerStageAndTermAndAnAccuracyCurvePerStage() {
        LossChartViewModel vm = new LossChartViewModel(UiThread.DIRECT);
        vm.add(row(Stage.TEACHER, 0, 1.0, -1, 60));
        vm.add(row(Stage.TEACHER, 1, 0.5, -1, 70));
        vm.add(row(Stage.STUDENT, 0, 2.0, 3.0, 40));
        assertEquals(List.of("teacher ce", "teacher total", "student ce", "student kd", "student total"),
                vm.lossCurves().stream().map(Curve::name).toList());
        assertEquals(List.of(1.0, 2.0), curve(vm.lossCurves(), "teacher ce").points().stream().map(Curve.Point::x).toList());
        assertEquals(List.of(60.0, 70.0), ys(curve(vm.accuracyCurves(), "teacher test top-1")));
        assertEquals(List.of(LossChartViewModel.ALL_STAGES, "teacher", "student"), vm.stages());
        assertTrue(vm.hasPoints());
    }

    @Test
    void aDetectorsScoreCurveIsNamedMap50() {
        LossChartViewModel vm = new LossChartViewModel(UiThread.DIRECT);
        vm.add(new MetricsRow(Stage.MODEL, 0, 0, 0.01, Map.of("focal", 1.0, "total", 1.5), Score.MAP50, 12.5,
                Double.NaN, Double.NaN, 1, 100, 0, Map.of("map", 6.0)));
        assertEquals(List.of(12.5), ys(curve(vm.accuracyCurves(), "model test mAP50")));
    }

    @Test
    void smoothingIsAnExponentialMovingAverageOfTheLossesOnly() {
        LossChartViewModel vm = new LossChartViewModel(UiThread.DIRECT);
        vm.add(row(Stage.MODEL, 0, 1.0, -1, 10));
        vm.add(row(Stage.MODEL, 1, 0.5, -1, 20));
        vm.add(row(Stage.MODEL, 2, 0.25, -1, 30));
        vm.smoothingProperty().set(0.5);
        // s0 = 1, s1 = 0.5*1 + 0.5*0.5 = 0.75, s2 = 0.5*0.75 + 0.5*0.25 = 0.5
        assertEquals(List.of(1.0, 0.75, 0.5), ys(curve(vm.lossCurves(), "model ce")));
        assertEquals(List.of(10.0, 20.0, 30.0), ys(curve(vm.accuracyCurves(), "model test top-1")));
        vm.smoothingProperty().set(0);
        assertEquals(List.of(1.0, 0.5, 0.25), ys(curve(vm.lossCurves(), "model ce")));
    }

    @Test
    void theStageFilterKeepsOneStage() {
        LossChartViewModel vm = new LossChartViewModel(UiThread.DIRECT);
        vm.add(row(Stage.TEACHER, 0, 1.0, -1, 60));
        vm.add(row(Stage.STUDENT, 0, 2.0, 3.0, 40));
        vm.stageFilterProperty().set("student");
        assertTrue(vm.lossCurves().stream().allMatch(c -> c.stage().equals("student")));
        assertEquals(1, vm.accuracyCurves().size());
        vm.stageFilterProperty().set(LossChartViewModel.ALL_STAGES);
        assertEquals(2, vm.accuracyCurves().size());
    }

    @Test
    void anEpochRecordedTwiceReplacesTheFirst() {
        LossChartViewModel vm = new LossChartViewModel(UiThread.DIRECT);
        vm.add(row(Stage.MODEL, 0, 1.0, -1, 10));
        vm.add(row(Stage.MODEL, 0, 0.8, -1, 12));
        assertEquals(List.of(0.8), ys(curve(vm.lossCurves(), "model ce")));
        vm.clear();
        assertFalse(vm.hasPoints());
    }

    @Test
    void perBatchLossesAreRecoveredFromTheRunningMean() {
        LossChartViewModel vm = new LossChartViewModel(UiThread.DIRECT);
        vm.perBatchProperty().set(true);
        TrainingListener l = vm.listener();
        l.onStageStart(new TrainingListener.StageStart(Stage.STUDENT, 0, 0, 2, 4, 1, 1, "x"));
        // batch losses 2, 1, 3 have running means 2, 1.5, 2
        l.onBatch(new TrainingListener.BatchProgress(Stage.STUDENT, 0, 0, 2, 1, 4, 2.0, 10, 5));
        l.onBatch(new TrainingListener.BatchProgress(Stage.STUDENT, 0, 0, 2, 2, 4, 1.5, 10, 5));
        l.onBatch(new TrainingListener.BatchProgress(Stage.STUDENT, 0, 0, 2, 3, 4, 2.0, 10, 5));
        l.onEpoch(row(Stage.STUDENT, 0, 2.0, -1, 40));
        Curve batches = vm.batchCurveProperty().get();
        assertNotNull(batches);
        assertEquals(List.of(2.0, 1.0, 3.0), ys(batches));
        assertEquals(0.25, batches.points().get(0).x(), 1e-12);
        vm.stageFilterProperty().set("teacher");
        assertNull(vm.batchCurveProperty().get());
    }
}
