package org.pixeldistill.core.detect;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pixeldistill.core.loop.Cancellation;

/** A detector's AP on a test set, in its own view's pixels, with RetinaNet's inference. */
public final class DetectionEvaluator {
    private DetectionEvaluator() {}

    public static ApEvaluatorResult evaluate(DetectorNetwork net, DetectionBatches test, int size, int batchSize, Nms nms,
            Cancellation cancel) {
        DetectorInference inference = new DetectorInference(net, nms);
        ApEvaluator ap = new ApEvaluator(net.spec().classes());
        for (int from = 0; from < size; from += batchSize) {
            cancel.throwIfCancelled();
            DetectionBatch b = test.test(from, Math.min(size, from + batchSize));
            List<List<Detection>> found = inference.detect(b.small(), b.count());
            for (int i = 0; i < b.count(); i++) {
                ap.add(found.get(i), b.boxes().get(i), b.labels().get(i));
            }
        }
        return ap.evaluate();
    }

    /**
     * The scores a metrics row records beside its test mAP50 (the row's score): COCO mAP in
     * percent, then AP50 per class.
     */
    public static Map<String, Double> scores(ApEvaluatorResult r, List<String> classNames) {
        Map<String, Double> out = new LinkedHashMap<>();
        out.put("map", 100 * r.map());
        for (int c = 0; c < r.classes(); c++) {
            out.put(ap50Key(classNames.get(c)), 100 * r.ap50()[c]);
        }
        return out;
    }

    /** The score name of a class's AP50 in a metrics row: "ap50_" and the name with odd characters as "_". */
    public static String ap50Key(String className) {
        return "ap50_" + className.replaceAll("[^A-Za-z0-9_-]", "_");
    }
}
