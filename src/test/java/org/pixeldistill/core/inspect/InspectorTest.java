package org.pixeldistill.core.inspect;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.BaseNDManager;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.pixeldistill.core.config.ConfigException;
import org.pixeldistill.core.data.CropBox;
import org.pixeldistill.core.data.ImageDataset;
import org.pixeldistill.core.data.Interpolation;
import org.pixeldistill.core.data.RawImage;
import org.pixeldistill.core.data.Resizer;
import org.pixeldistill.core.model.FeatureTaps;
import org.pixeldistill.core.train.EpochModels;

/** The inspection of a tiny real distillation (teacher 14x14, student 7x7, kd + isrd). */
class InspectorTest {
    private static TinyDistillation run;
    private static int[] fixed;

    @BeforeAll
    static void train() {
        run = new TinyDistillation("resnet18", "kd: {}\n  isrd: {}", 3);
        fixed = Inspector.fixedIndices(run.data.test(), 6);
    }

    @AfterAll
    static void close() {
        run.close();
    }

    private static InspectionSnapshot inspect(String kind, int stage) {
        return new Inspector().inspect(run.models(2), fixed, kind, stage, run.norm.mean(), run.norm.std());
    }

    @Test
    void snapshotHoldsBothViewsTheReconstructionAndLastStageMaps() {
        InspectionSnapshot snap = inspect(Inspector.ATTENTION, 0);
        assertEquals("student", snap.stage());
        assertEquals(2, snap.epoch());
        assertEquals(4, snap.featureStage());
        assertEquals(6, snap.images().size());
        for (ImageInspection img : snap.images()) {
            assertShape(img.large(), 14);
            assertShape(img.small(), 7);
            assertShape(img.reconstruction(), 14);
            // small-stem ResNet: stage strides 1, 2, 2, 2 -> 14 gives 2x2, 7 gives 1x1
            assertEquals(2, img.teacherMapSize());
            assertEquals(1, img.studentMapSize());
            assertUnitMap(img.teacherMap());
            assertUnitMap(img.studentMap());
            assertEquals("attention", img.mapKind());
            assertTrue(img.studentPrediction() >= 0 && img.studentPrediction() < 10);
            assertTrue(img.teacherPrediction() >= 0 && img.teacherPrediction() < 10);
        }
        assertEquals("T-shirt/top", snap.className(snap.images().get(0).label()).replace(" ", ""));
    }

    @Test
    void viewsAreTheTestImagesBackInZeroToOne() {
        ImageInspection first = inspect(Inspector.ATTENTION, 0).images().get(0);
        RawImage raw = run.data.test().image(first.testIndex());
        // test_crop 1 and a square image: the box is the whole image; data.interpolation is area
        float[] expected = Resizer.resize(raw, CropBox.of(raw), 7, Interpolation.AREA);
        assertArrayEquals(expected, first.small().pixels(), 1e-5f);
        for (float v : first.reconstruction().pixels()) {
            assertTrue(v >= 0f && v <= 1f);
        }
    }

    @Test
    void earlierStagesGiveLargerMaps() {
        ImageInspection img = inspect(Inspector.ATTENTION, 2).images().get(0);
        assertEquals(7, img.teacherMapSize());
        assertEquals(4, img.studentMapSize());
        assertEquals(1f, max(img.teacherMap()), 1e-6f);
        assertThrows(ConfigException.class, () -> inspect(Inspector.ATTENTION, 5));
        assertThrows(ConfigException.class, () -> inspect("saliency", 0));
    }

    @Test
    void noReconstructionWithoutIsrd() {
        InspectionSnapshot snap = new Inspector().inspect(run.withoutDistillers(), fixed, Inspector.ATTENTION,
                run.norm.mean(), run.norm.std());
        assertNull(snap.images().get(0).reconstruction());
        assertNotNull(snap.images().get(0).teacherMap());
    }

    @Test
    void gradCamOfTheLastStageIsTheClassActivationMapOfThePredictedClass() {
        InspectionSnapshot snap = inspect(Inspector.GRADCAM, 0);
        // pool + linear head: d score_c / d A_k(p) = W_ck / HW, so Grad-CAM = ReLU(sum_k W_ck A_k) / HW
        float[] w = headWeight(run.teacher.block().getParameters().values());
        try (NDManager m = NDManager.newBaseManager()) {
            float[] pixels = new float[fixed.length * 14 * 14];
            for (int i = 0; i < fixed.length; i++) {
                float[] large = run.sampler.test(run.data.test().image(fixed[i])).large();
                System.arraycopy(large, 0, pixels, i * 196, 196);
            }
            NDArray x = m.create(pixels, new Shape(fixed.length, 1, 14, 14));
            FeatureTaps taps = run.teacher.forward(x, false);
            float[] a = taps.lastStage().toFloatArray();
            float[] logits = taps.logits().toFloatArray();
            int channels = Math.toIntExact(taps.lastStage().getShape().get(1));
            for (int i = 0; i < fixed.length; i++) {
                int c = argMax(logits, i * 10, 10);
                float[] cam = new float[4];
                for (int p = 0; p < 4; p++) {
                    float sum = 0;
                    for (int k = 0; k < channels; k++) {
                        sum += w[c * channels + k] * a[(i * channels + k) * 4 + p];
                    }
                    cam[p] = Math.max(0f, sum) / 4f;
                }
                ImageInspection img = snap.images().get(i);
                assertEquals(c, img.teacherPrediction());
                assertEquals("gradcam", img.mapKind());
                assertArrayEquals(SpatialMaps.toUnitRange(cam), img.teacherMap(), 1e-4f);
            }
        }
        // not the silent all-zero gradient of a marked non-leaf
        assertTrue(snap.images().stream().anyMatch(img -> max(img.teacherMap()) == 1f));
    }

    @Test
    void gradCamOnAnEarlierStageIsShapedAndNotZero() {
        InspectionSnapshot snap = inspect(Inspector.GRADCAM, 3);
        for (ImageInspection img : snap.images()) {
            assertEquals(4, img.teacherMapSize());
            assertEquals(2, img.studentMapSize());
            assertUnitMap(img.teacherMap());
        }
        assertTrue(snap.images().stream().anyMatch(img -> max(img.teacherMap()) == 1f));
        assertTrue(snap.images().stream().anyMatch(img -> max(img.studentMap()) == 1f));
    }

    @Test
    void gradCamLeavesTheStudentsGradientsAndWeightsAlone() {
        List<float[]> gradsBefore = new ArrayList<>();
        List<float[]> weightsBefore = new ArrayList<>();
        for (Parameter p : run.student.trainableParameters()) {
            try (NDArray g = p.getArray().getGradient()) {
                gradsBefore.add(g.toFloatArray());
            }
            weightsBefore.add(p.getArray().toFloatArray());
        }
        new Inspector().inspectAll(run.models(0), fixed, run.norm.mean(), run.norm.std());
        List<Parameter> params = run.student.trainableParameters();
        for (int i = 0; i < params.size(); i++) {
            NDArray w = params.get(i).getArray();
            assertTrue(w.hasGradient(), "still recording gradients: " + params.get(i).getName());
            try (NDArray g = w.getGradient()) {
                assertArrayEquals(gradsBefore.get(i), g.toFloatArray(), 0f);
            }
            assertArrayEquals(weightsBefore.get(i), w.toFloatArray(), 0f);
        }
    }

    @Test
    void inspectionLeavesNothingOnTheModelManagers() {
        EpochModels models = run.models(0);
        int student = managed(run.student.manager());
        int teacher = managed(run.teacher.manager());
        new Inspector().inspectAll(models, fixed, run.norm.mean(), run.norm.std());
        new Inspector().inspect(models, fixed, Inspector.GRADCAM, run.norm.mean(), run.norm.std());
        assertEquals(student, managed(run.student.manager()));
        assertEquals(teacher, managed(run.teacher.manager()));
    }

    @Test
    void inspectAllGivesEveryKindOnEveryStage() {
        List<InspectionSnapshot> all = new Inspector().inspectAll(run.models(1), fixed, run.norm.mean(), run.norm.std());
        assertEquals(8, all.size());
        assertEquals("attention", all.get(0).mapKind());
        assertEquals(1, all.get(0).featureStage());
        assertEquals("gradcam", all.get(7).mapKind());
        assertEquals(4, all.get(7).featureStage());
        assertArrayEquals(inspect(Inspector.GRADCAM, 0).images().get(3).teacherMap(),
                all.get(7).images().get(3).teacherMap(), 1e-6f);
        assertEquals(14, all.get(0).images().get(0).teacherMapSize());
    }

    @Test
    void fixedIndicesPickTheFirstImageOfEachClassInClassOrder() {
        ImageDataset test = run.data.test();
        int[] six = Inspector.fixedIndices(test, 6);
        assertEquals(6, six.length);
        for (int c = 0; c < 6; c++) {
            assertEquals(c, test.label(six[c]));
            for (int j = 0; j < six[c]; j++) {
                assertTrue(test.label(j) != c, "image " + j + " is an earlier " + c);
            }
        }
        assertArrayEquals(six, Inspector.fixedIndices(test, 6));
        assertEquals(10, Inspector.fixedIndices(test, 50).length);
    }

    @Test
    void normalizationIsReadBackFromTheSampler() {
        var probed = DisplayImages.normalizationOf(run.sampler, 1);
        assertEquals(run.norm.mean()[0], probed.mean()[0], 1e-5f);
        assertEquals(run.norm.std()[0], probed.std()[0], 1e-5f);
    }

    private static float[] headWeight(Collection<Parameter> params) {
        for (Parameter p : params) {
            if (p.getName().equals("weight") && p.getArray().getShape().dimension() == 2) {
                return p.getArray().toFloatArray();
            }
        }
        throw new AssertionError("no linear head weight");
    }

    private static int managed(NDManager manager) {
        return ((BaseNDManager) manager).getManagedArrays().size();
    }

    private static void assertShape(RawImage img, int size) {
        assertEquals(1, img.channels());
        assertEquals(size, img.height());
        assertEquals(size, img.width());
    }

    private static void assertUnitMap(float[] map) {
        float max = max(map);
        for (float v : map) {
            assertTrue(v >= 0f && v <= 1f, "map value " + v);
        }
        assertTrue(max == 0f || Math.abs(max - 1f) < 1e-6f, "a map scaled by its maximum peaks at 1, got " + max);
    }

    private static float max(float[] map) {
        float max = 0;
        for (float v : map) {
            max = Math.max(max, v);
        }
        return max;
    }

    private static int argMax(float[] values, int offset, int n) {
        int best = 0;
        for (int j = 1; j < n; j++) {
            if (values[offset + j] > values[offset + best]) {
                best = j;
            }
        }
        return best;
    }
}
