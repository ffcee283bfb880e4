package org.pixeldistill.core.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.pixeldistill.core.config.DetectConfig;
import org.pixeldistill.core.config.TrainConfig;
import org.pixeldistill.core.model.BackboneSpec;
import org.pixeldistill.core.model.DetectorSpec;

class DetectionStepTest {

    static DetectorSpec spec(int size, int shift, int levels) {
        return new DetectorSpec(new BackboneSpec("resnet18", size, 1, 2, 0.125, "small", 0), 16, 1, levels, shift, 9);
    }

    static TrainConfig train() {
        // gradient-norm clipping, as detection recipes use: the focal loss spikes early without it
        return new TrainConfig(null, null, null, null, null, null, null, null, null, null, null, 1.0);
    }

    /**
     * Bright filled rectangles on a dark, noisy background: class 0 a square, class 1 a wide bar,
     * drawn at {@code scale} times a base layout so the same scene exists at two sizes.
     */
    static DetectionBatch scenes(int count, int size, int largeSize, long seed) {
        Random rnd = new Random(seed);
        float[] small = new float[count * size * size];
        float[] large = largeSize > 0 ? new float[count * largeSize * largeSize] : null;
        List<List<Box>> boxes = new ArrayList<>();
        List<int[]> labels = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int label = rnd.nextInt(2);
            float w = label == 0 ? 0.3f : 0.5f;
            float h = label == 0 ? 0.3f : 0.15f;
            float x0 = rnd.nextFloat() * (1 - w);
            float y0 = rnd.nextFloat() * (1 - h);
            Box unit = new Box(x0, y0, x0 + w, y0 + h);
            paint(small, i, size, unit, rnd);
            if (large != null) {
                paint(large, i, largeSize, unit, rnd);
            }
            Box box = unit.scaled(size);
            boxes.add(List.of(new Box(Math.round(box.x0()), Math.round(box.y0()), Math.round(box.x1()), Math.round(box.y1()))));
            labels.add(new int[] {label});
        }
        return new DetectionBatch(count, 1, size, small, largeSize, large, boxes, labels);
    }

    private static void paint(float[] pixels, int image, int size, Box unit, Random rnd) {
        Box b = unit.scaled(size);
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                boolean in = x >= Math.round(b.x0()) && x < Math.round(b.x1()) && y >= Math.round(b.y0()) && y < Math.round(b.y1());
                pixels[image * size * size + y * size + x] = (in ? 2f : -0.5f) + 0.1f * (float) rnd.nextGaussian();
            }
        }
    }

    @Test
    void aDetectorTrainedAloneLowersItsLoss() {
        try (DetectorNetwork net = DetectorNetwork.create(spec(28, 0, 3), 2f, Device.cpu(), 0, true)) {
            DetectionStep step = new DetectionStep(net, null, null, train());
            List<Double> losses = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                Map<String, Double> sums = new LinkedHashMap<>();
                step.run(scenes(8, 28, 0, i % 6), 0.01, sums);
                losses.add(sums.get("total"));
                assertTrue(sums.containsKey("focal") && sums.containsKey("box"));
            }
            double first = losses.subList(0, 6).stream().mapToDouble(d -> d).average().orElseThrow();
            double last = losses.subList(24, 30).stream().mapToDouble(d -> d).average().orElseThrow();
            assertTrue(last < 0.8 * first, "loss should fall by 20%: " + first + " -> " + last);
        }
    }

    @Test
    void afpAlignedDistillationComparesHeadsOneToOneAndTheUnalignedBaselinePoolsFeatures() {
        try (DetectorNetwork student = DetectorNetwork.create(spec(28, 0, 3), 2f, Device.cpu(), 0, true);
                DetectorNetwork aligned = DetectorNetwork.create(spec(56, 1, 3), 2f, Device.cpu(), 1, false);
                DetectorNetwork plain = DetectorNetwork.create(spec(56, 0, 3), 2f, Device.cpu(), 1, false)) {
            // AFP: the assistant's anchors at the shifted levels are the student's times r
            float[] s = student.anchors();
            float[] a = aligned.anchors();
            assertEquals(s.length, a.length);
            for (int i = 0; i < s.length; i++) {
                assertEquals(s[i] * 2, a[i], 1e-4, "anchor coordinate " + i);
            }
            DetectionBatch batch = scenes(4, 28, 56, 3);
            Map<String, Double> sums = new LinkedHashMap<>();
            new DetectionStep(student, aligned, new DetectConfig.Distill(true, 2.0, 1.0, 1.0, 1.0), train()).run(batch, 0.01, sums);
            assertTrue(sums.keySet().containsAll(List.of("afp_class", "afp_box", "afp_feature")), sums.toString());
            sums.clear();
            new DetectionStep(student, plain, new DetectConfig.Distill(false, 2.0, 1.0, 1.0, 1.0), train()).run(batch, 0.01, sums);
            assertTrue(sums.containsKey("feature") && !sums.containsKey("afp_class"), sums.toString());
            sums.values().forEach(v -> assertTrue(Double.isFinite(v)));
        }
    }
}
