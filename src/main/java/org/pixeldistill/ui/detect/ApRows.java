package org.pixeldistill.ui.detect;

import java.util.ArrayList;
import java.util.List;
import org.pixeldistill.core.detect.ClassAp;
import org.pixeldistill.core.detect.Detection;
import org.pixeldistill.core.detect.DetectionInspection;

/** The per-class table of one image at one threshold: test-set AP50 and this image's box counts. */
final class ApRows {
    private ApRows() {}

    /** {@code shown} is already filtered by the threshold: its detections are the ones drawn. */
    static List<ApRow> of(DetectionInspection shown, List<String> classNames) {
        int k = classNames.size();
        int[] truth = new int[k];
        int[] teacher = count(shown.teacher(), k);
        int[] student = count(shown.student(), k);
        for (int label : shown.truthLabels()) {
            if (label < k) {
                truth[label]++;
            }
        }
        List<ApRow> rows = new ArrayList<>(k);
        for (int c = 0; c < k; c++) {
            double ap = Double.NaN;
            if (c < shown.classAp().size()) {
                ClassAp entry = shown.classAp().get(c);
                ap = entry.ap50();
            }
            rows.add(new ApRow(c, classNames.get(c), ap, truth[c], teacher[c], student[c]));
        }
        return rows;
    }

    private static int[] count(List<Detection> found, int k) {
        int[] out = new int[k];
        for (Detection d : found) {
            if (d.label() < k) {
                out[d.label()]++;
            }
        }
        return out;
    }
}
