package org.pixeldistill.core.inspect;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.pixeldistill.core.data.TwoViewSampler;
import org.pixeldistill.core.model.Backbones;
import org.pixeldistill.core.run.Stage;
import org.pixeldistill.core.train.EpochModels;

/** Grad-CAM asked of a ViT student beside a CNN teacher: attention for the ViT, Grad-CAM for the CNN. */
class GradCamFallbackTest {
    private static TinyDistillation run;
    private static int[] fixed;

    @BeforeAll
    static void build() {
        run = new TinyDistillation("vit_tiny", "kd: {}", 1);
        fixed = Inspector.fixedIndices(run.data.test(), 3);
    }

    @AfterAll
    static void close() {
        run.close();
    }

    @Test
    void theVitStudentShowsAttentionAndSaysSo() {
        Inspector inspector = new Inspector();
        InspectionSnapshot gradCam = inspector.inspect(run.models(0), fixed, Inspector.GRADCAM, run.norm.mean(), run.norm.std());
        InspectionSnapshot attention = inspector.inspect(run.models(0), fixed, Inspector.ATTENTION, run.norm.mean(), run.norm.std());
        TwoViewSampler teacherViews = new TwoViewSampler(run.config.data(), 14, 14, run.norm.mean(), run.norm.std());
        InspectionSnapshot teacherGradCam = inspector.inspect(new EpochModels(Stage.TEACHER, 0, 0, run.teacher, null,
                List.of(), teacherViews, run.data.test()), fixed, Inspector.GRADCAM, run.norm.mean(), run.norm.std());
        for (int i = 0; i < fixed.length; i++) {
            ImageInspection img = gradCam.images().get(i);
            // the CNN teacher beside the ViT keeps its Grad-CAM
            assertArrayEquals(teacherGradCam.images().get(i).studentMap(), img.teacherMap(), 1e-6f);
            assertEquals("gradcam (attention for the ViT student)", img.mapKind());
            assertEquals(3, img.studentMapSize()); // 7x7 with 2x2 patches: a 3x3 grid
            assertArrayEquals(attention.images().get(i).studentMap(), img.studentMap(), 1e-6f);
            assertEquals("gradcam", teacherGradCam.images().get(i).mapKind());
        }
    }

    @Test
    void aVitAloneGetsAttentionOnly() {
        EpochModels single = new EpochModels(Stage.MODEL, 0, 0, run.student, null, List.of(), run.sampler, run.data.test());
        InspectionSnapshot snap = new Inspector().inspect(single, fixed, Inspector.GRADCAM, run.norm.mean(), run.norm.std());
        assertEquals("attention (Grad-CAM needs a CNN)", snap.images().get(0).mapKind());
    }

    @Test
    void viewsOfTheWrongSizeAreNamed() {
        EpochModels mismatched = new EpochModels(Stage.TEACHER, 0, 0, run.teacher, null, List.of(), run.sampler,
                run.data.test());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Inspector()
                .inspect(mismatched, fixed, Inspector.ATTENTION, run.norm.mean(), run.norm.std()));
        assertEquals("the teacher takes 14x14 images but the sampler makes 7x7 small views", e.getMessage());
    }

    @Test
    void logitsFromStageRefusesAVit() {
        try (NDManager m = NDManager.newBaseManager()) {
            assertThrows(IllegalArgumentException.class, () -> Backbones.logitsFromStage(run.student.block(),
                    run.student.store(), m.zeros(new Shape(1, 24, 3, 3)), 4, false));
        }
    }
}
