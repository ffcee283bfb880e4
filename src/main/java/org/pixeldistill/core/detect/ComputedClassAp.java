package org.pixeldistill.core.detect;

import java.util.ArrayList;
import java.util.List;
import org.pixeldistill.core.config.ConfigException;
import org.pixeldistill.core.config.RunConfig;
import org.pixeldistill.core.loop.GradMode;

/**
 * The student's AP50 per class over a test split, computed as training's evaluation does (the
 * run's own score threshold and NMS IoU, boxes in the small view's pixels): for a run whose
 * metrics.csv holds no per-class AP.
 */
final class ComputedClassAp {
    /** Images per forward pass. */
    private static final int BATCH = 16;

    private ComputedClassAp() {}

    static List<ClassAp> of(DetectorNetwork student, DetectionDataset test, DetectionViews input, RunConfig cfg) {
        GradMode.offOnThisThread();
        Nms nms = new Nms(cfg.detect().nmsIou().floatValue(), cfg.detect().scoreThreshold().floatValue(), 100);
        DetectorInference inference = new DetectorInference(student, nms);
        ApEvaluator ap = new ApEvaluator(test.numClasses());
        int plane = test.channels() * student.inputSize() * student.inputSize();
        for (int from = 0; from < test.size(); from += BATCH) {
            int count = Math.min(BATCH, test.size() - from);
            float[] batch = new float[count * plane];
            List<DetectionViews.Views> views = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                try {
                    DetectionViews.Views v = input.test(test.sample(from + i));
                    System.arraycopy(v.small(), 0, batch, views.size() * plane, plane);
                    views.add(v);
                } catch (ConfigException e) {
                    // an image that does not decode is left out rather than losing the whole table
                }
            }
            if (views.isEmpty()) {
                continue;
            }
            List<List<Detection>> found = inference.detect(batch, views.size());
            for (int i = 0; i < views.size(); i++) {
                ap.add(found.get(i), views.get(i).smallBoxes(), views.get(i).labels());
            }
        }
        ApEvaluatorResult result = ap.evaluate();
        List<ClassAp> out = new ArrayList<>();
        for (int c = 0; c < result.classes(); c++) {
            out.add(new ClassAp(test.classNames().get(c), 100 * result.ap50()[c]));
        }
        return out;
    }
}
