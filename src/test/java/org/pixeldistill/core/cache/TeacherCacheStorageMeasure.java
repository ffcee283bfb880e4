package org.pixeldistill.core.cache;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.pixeldistill.core.config.TrainConfig;
import org.pixeldistill.core.data.Batch;
import org.pixeldistill.core.data.BatchLoader;
import org.pixeldistill.core.data.DataSets;
import org.pixeldistill.core.data.ImageDataset;
import org.pixeldistill.core.data.Normalization;
import org.pixeldistill.core.data.TwoViewSampler;
import org.pixeldistill.core.distill.DkdDistiller;
import org.pixeldistill.core.distill.KdDistiller;
import org.pixeldistill.core.loop.GradMode;
import org.pixeldistill.core.train.Network;
import org.pixeldistill.core.train.TrainStep;

/**
 * How storing logits as fp16 or as top-k (the rest spread evenly, as Fast KD does) changes the KD
 * and DKD losses, against whole fp32, and what each costs on disk (not a unit test: run with
 * {@code -Dpixeldistill.benchmark=true}). 10 classes: the demo teacher (ResNet-18 x0.25 at 28)
 * and student (at 7), each trained one epoch on the slice, on 2,000 test views. 200 classes:
 * synthetic logits shaped like a confident teacher's (no 200-class data set here).
 */
@EnabledIfSystemProperty(named = "pixeldistill.benchmark", matches = "true")
class TeacherCacheStorageMeasure {
    private static final double T = 4;

    @Test
    void measure() {
        GradMode.offOnThisThread();
        try (CacheFixture fx = new CacheFixture(0, 2000); Network student = CacheFixture.student();
                Network teacherNet = Network.create(fx.teacher.spec(), Device.cpu(), 0, true);
                NDManager m = NDManager.newBaseManager()) {
            train(teacherNet, fx, 28);
            train(student, fx, 7);
            List<float[]> t = new ArrayList<>();
            List<float[]> s = new ArrayList<>();
            List<int[]> y = new ArrayList<>();
            ImageDataset test = DataSets.open(fx.data, Path.of("")).test();
            try (BatchLoader loader = new BatchLoader(test, fx.sampler, 250, false, 0, 0, 2);
                    NDManager step = NDManager.newBaseManager()) {
                while (loader.hasNext()) {
                    Batch b = loader.next();
                    t.add(teacherNet.forward(step.create(b.large(), new Shape(b.count(), 1, 28, 28)), false).logits().toFloatArray());
                    s.add(student.forward(step.create(b.small(), new Shape(b.count(), 1, 7, 7)), false).logits().toFloatArray());
                    y.add(b.labels());
                }
            }
            report(m, "10 classes, trained demo networks", concat(t), concat(s), concatInts(y), 10);
            Random rng = new Random(1);
            int n = 2000;
            int c = 200;
            float[] zt = new float[n * c];
            float[] zs = new float[n * c];
            int[] labels = new int[n];
            for (int i = 0; i < n; i++) {
                labels[i] = rng.nextInt(c);
                for (int k = 0; k < c; k++) {
                    zt[i * c + k] = (float) (2.0 * rng.nextGaussian() + (k == labels[i] ? 9 : 0));
                    zs[i * c + k] = (float) (zt[i * c + k] + 2.0 * rng.nextGaussian());
                }
            }
            report(m, "200 classes, synthetic", zt, zs, labels, c);
        }
    }

    private static void train(Network net, CacheFixture fx, int size) {
        TrainConfig tc = new TrainConfig(1, 64, 0.05, null, null, "constant", null, null, null, null, null, null);
        TrainStep step = new TrainStep(net, null, null, tc);
        Normalization norm = Normalization.of(fx.data, 1);
        TwoViewSampler sampler = new TwoViewSampler(fx.data, size, size, norm.mean(), norm.std());
        try (BatchLoader loader = new BatchLoader(fx.train, sampler, 64, true, 0, 0, 2)) {
            while (loader.hasNext()) {
                step.run(loader.next(), 0, 0.05, new HashMap<>());
            }
        }
    }

    private static void report(NDManager m, String what, float[] teacher, float[] student, int[] labels, int classes) {
        int n = labels.length;
        double kd = kd(m, student, teacher, n, classes);
        double dkd = dkd(m, student, teacher, labels, n, classes);
        System.out.printf(Locale.ROOT, "%s (%d views): KD %.5f, DKD %.5f with fp32 logits (%d bytes a record)%n", what, n,
                kd, dkd, 17 + 4 * classes);
        float[] half = teacher.clone();
        for (int i = 0; i < half.length; i++) {
            half[i] = toHalfAndBack(half[i]);
        }
        line(m, "fp16", half, student, labels, n, classes, kd, dkd, 17 + 2 * classes);
        for (int k : classes == 10 ? new int[] {1, 3, 5} : new int[] {5, 10, 20}) {
            // Fast KD stores k (index, fp16 probability) pairs: 4 bytes each
            line(m, "top-" + k, topK(teacher, n, classes, k), student, labels, n, classes, kd, dkd, 17 + 4 * k);
        }
    }

    private static void line(NDManager m, String name, float[] approx, float[] student, int[] labels, int n, int classes,
            double kd, double dkd, int bytes) {
        double a = kd(m, student, approx, n, classes);
        double b = dkd(m, student, approx, labels, n, classes);
        System.out.printf(Locale.ROOT, "  %-6s %4d bytes a record: KD %.5f (%+.2e relative), DKD %.5f (%+.2e relative)%n",
                name, bytes, a, (a - kd) / kd, b, (b - dkd) / dkd);
    }

    private static double kd(NDManager m, float[] s, float[] t, int n, int c) {
        return KdDistiller.softKl(m.create(s, new Shape(n, c)), m.create(t, new Shape(n, c)), T).getFloat() * T * T;
    }

    private static double dkd(NDManager m, float[] s, float[] t, int[] labels, int n, int c) {
        NDArray y = m.create(labels);
        return DkdDistiller.dkd(m.create(s, new Shape(n, c)), m.create(t, new Shape(n, c)), y, 1.0, 8.0, T).getFloat();
    }

    /** The top k softmax probabilities kept, the rest spread evenly, back to logits as log-probabilities. */
    private static float[] topK(float[] z, int n, int c, int k) {
        float[] out = new float[z.length];
        for (int i = 0; i < n; i++) {
            double max = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < c; j++) {
                max = Math.max(max, z[i * c + j]);
            }
            double[] p = new double[c];
            double sum = 0;
            for (int j = 0; j < c; j++) {
                p[j] = Math.exp(z[i * c + j] - max);
                sum += p[j];
            }
            Integer[] idx = new Integer[c];
            for (int j = 0; j < c; j++) {
                idx[j] = j;
                p[j] /= sum;
            }
            Arrays.sort(idx, (a, b) -> Double.compare(p[b], p[a]));
            double kept = 0;
            boolean[] top = new boolean[c];
            for (int r = 0; r < k; r++) {
                top[idx[r]] = true;
                kept += toHalfAndBack((float) p[idx[r]]);
            }
            double rest = Math.max(1e-12, (1 - kept) / (c - k));
            for (int j = 0; j < c; j++) {
                out[i * c + j] = (float) Math.log(top[j] ? toHalfAndBack((float) p[j]) : rest);
            }
        }
        return out;
    }

    /** Rounds to the nearest fp16 value (10 mantissa bits; logits and probabilities are well inside its range). */
    private static float toHalfAndBack(float x) {
        int bits = Float.floatToIntBits(x);
        bits = (bits + 0x1000) & 0xFFFFE000;
        return Float.intBitsToFloat(bits);
    }

    private static float[] concat(List<float[]> parts) {
        float[] out = new float[parts.stream().mapToInt(a -> a.length).sum()];
        int at = 0;
        for (float[] a : parts) {
            System.arraycopy(a, 0, out, at, a.length);
            at += a.length;
        }
        return out;
    }

    private static int[] concatInts(List<int[]> parts) {
        int[] out = new int[parts.stream().mapToInt(a -> a.length).sum()];
        int at = 0;
        for (int[] a : parts) {
            System.arraycopy(a, 0, out, at, a.length);
            at += a.length;
        }
        return out;
    }
}
