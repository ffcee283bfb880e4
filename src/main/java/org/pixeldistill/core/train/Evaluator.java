package org.pixeldistill.core.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.pixeldistill.core.data.Batch;
import org.pixeldistill.core.data.BatchLoader;
import org.pixeldistill.core.loop.Cancellation;
import org.pixeldistill.core.loop.TrainingFailedException;
import org.pixeldistill.core.model.FeatureTaps;

/** Top-1 and top-5 accuracy (in percent) of a network on the test split, in inference mode. */
public final class Evaluator {
    public record Accuracy(double top1, double top5, int images) {}

    private Evaluator() {}

    /** @param useLarge evaluate on the large view (the teacher) rather than the small one */
    public static Accuracy evaluate(Network net, BatchLoader loader, boolean useLarge, Cancellation cancel) {
        long correct1 = 0;
        long correct5 = 0;
        int total = 0;
        int size = net.spec().inputSize();
        while (loader.hasNext()) {
            cancel.throwIfCancelled();
            Batch b = loader.next();
            try (NDManager step = net.manager().newSubManager()) {
                float[] pixels = useLarge ? b.large() : b.small();
                NDArray x = step.create(pixels, new Shape(b.count(), b.channels(), size, size));
                FeatureTaps taps = net.forward(x, false);
                long[] hits = topKHits(taps.logits(), b.labels());
                correct1 += hits[0];
                correct5 += hits[1];
                total += b.count();
            }
        }
        return new Accuracy(100.0 * correct1 / Math.max(1, total), 100.0 * correct5 / Math.max(1, total), total);
    }

    /**
     * Number of samples whose label is the top prediction, and among the top five. A NaN among the
     * scores is a {@link TrainingFailedException}: compared with NaN, a sample would count as a hit.
     */
    static long[] topKHits(NDArray logits, int[] labels) {
        float[] z = logits.toFloatArray();
        int classes = (int) logits.getShape().get(1);
        for (int k = 0; k < labels.length * classes; k++) {
            if (Float.isNaN(z[k])) {
                // every comparison with NaN is false: an all-NaN sample would count as a top-1 hit
                throw new TrainingFailedException("the network's outputs are NaN (sample " + k / classes + " of a batch"
                        + " of " + labels.length + "): its weights have diverged; lower train.lr or set train.clip_grad_norm");
            }
        }
        long top1 = 0;
        long top5 = 0;
        for (int i = 0; i < labels.length; i++) {
            float target = z[i * classes + labels[i]];
            int higher = 0;
            for (int c = 0; c < classes; c++) {
                float v = z[i * classes + c];
                if (v > target || (v == target && c < labels[i])) higher++;
            }
            if (higher == 0) top1++;
            if (higher < 5) top5++;
        }
        return new long[] {top1, top5};
    }
}
