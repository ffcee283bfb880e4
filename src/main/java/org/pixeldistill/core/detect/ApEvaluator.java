package org.pixeldistill.core.detect;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Collects predictions and ground truth image by image, then computes VOC AP50 and COCO
 * AP[.5:.95] per class ({@link ApEvaluatorResult}).
 *
 * <p>Matching, per class and IoU threshold: all predictions of the class over all images are
 * ranked by score, highest first; equal scores keep the order they were added in (image order,
 * then list order), so the result is deterministic. Each prediction takes the still unmatched
 * ground-truth box of its class in its own image with the highest IoU at or above the threshold
 * (lower index on a tie); with none it is a false positive, so a duplicate of an already found
 * object counts against precision. Not modelled: VOC "difficult" and COCO "crowd" boxes, COCO's
 * area ranges and per-image detection cap (cap with {@link Nms} beforehand).
 */
public final class ApEvaluator {

    /** COCO's IoU thresholds 0.50, 0.55, ..., 0.95 as the nearest floats to the hundredths. */
    private static final float[] IOU_THRESHOLDS = thresholds();

    private final int classes;
    private final List<ApEvaluatorImage> images = new ArrayList<>();

    public ApEvaluator(int classes) {
        if (classes <= 0) {
            throw new IllegalArgumentException("number of classes must be positive, got " + classes);
        }
        this.classes = classes;
    }

    /**
     * Adds one image: its predictions and its ground-truth boxes with their labels
     * ({@code gtLabels[i]} is the class of {@code gtBoxes.get(i)}).
     */
    public void add(List<Detection> predictions, List<Box> gtBoxes, int[] gtLabels) {
        if (gtBoxes.size() != gtLabels.length) {
            throw new IllegalArgumentException(gtBoxes.size() + " ground-truth boxes but " + gtLabels.length + " labels");
        }
        for (int label : gtLabels) {
            checkLabel(label, "ground-truth");
        }
        for (Detection d : predictions) {
            checkLabel(d.label(), "predicted");
        }
        images.add(new ApEvaluatorImage(List.copyOf(predictions), List.copyOf(gtBoxes), gtLabels.clone()));
    }

    /** A copy of the IoU thresholds of AP[.5:.95], 0.50 to 0.95 in steps of 0.05. */
    public static float[] iouThresholds() {
        return IOU_THRESHOLDS.clone();
    }

    /** Number of images added so far. */
    public int imageCount() {
        return images.size();
    }

    /** Per-class and mean AP over everything added so far. */
    public ApEvaluatorResult evaluate() {
        double[] ap50 = new double[classes];
        double[] ap = new double[classes];
        double[][] perThreshold = new double[classes][IOU_THRESHOLDS.length];
        int[] gtCounts = new int[classes];
        for (int c = 0; c < classes; c++) {
            gtCounts[c] = countGts(c);
            List<ApEvaluatorImage.Ranked> ranked = ranked(c);
            for (int t = 0; t < IOU_THRESHOLDS.length; t++) {
                boolean[] hits = match(c, ranked, IOU_THRESHOLDS[t]);
                perThreshold[c][t] = ApEvaluatorCurves.coco101(hits, gtCounts[c]);
                if (t == 0) {
                    ap50[c] = ApEvaluatorCurves.vocAllPoint(hits, gtCounts[c]);
                }
            }
            ap[c] = gtCounts[c] == 0 ? Double.NaN : ApEvaluatorResult.meanIgnoringNaN(perThreshold[c]);
        }
        return new ApEvaluatorResult(ap50, ap, perThreshold, gtCounts,
                ApEvaluatorResult.meanIgnoringNaN(ap50), ApEvaluatorResult.meanIgnoringNaN(ap));
    }

    private int countGts(int c) {
        int n = 0;
        for (ApEvaluatorImage image : images) {
            for (int label : image.gtLabels()) {
                n += label == c ? 1 : 0;
            }
        }
        return n;
    }

    /** Predictions of class {@code c}, highest score first, stable in insertion order. */
    private List<ApEvaluatorImage.Ranked> ranked(int c) {
        List<ApEvaluatorImage.Ranked> out = new ArrayList<>();
        for (int i = 0; i < images.size(); i++) {
            for (Detection d : images.get(i).predictions()) {
                if (d.label() == c) {
                    out.add(new ApEvaluatorImage.Ranked(i, d));
                }
            }
        }
        out.sort(Comparator.comparingDouble((ApEvaluatorImage.Ranked r) -> r.detection().score()).reversed());
        return out;
    }

    /** Hit list for one class at one IoU threshold (greedy, in rank order). */
    private boolean[] match(int c, List<ApEvaluatorImage.Ranked> ranked, float threshold) {
        boolean[][] taken = new boolean[images.size()][];
        for (int i = 0; i < images.size(); i++) {
            taken[i] = new boolean[images.get(i).gtLabels().length];
        }
        boolean[] hits = new boolean[ranked.size()];
        for (int k = 0; k < ranked.size(); k++) {
            ApEvaluatorImage.Ranked r = ranked.get(k);
            ApEvaluatorImage image = images.get(r.image());
            int best = -1;
            float bestIou = -1f;
            for (int g = 0; g < image.gtLabels().length; g++) {
                if (image.gtLabels()[g] != c || taken[r.image()][g]) {
                    continue;
                }
                float iou = r.detection().box().iou(image.gtBoxes().get(g));
                if (iou >= threshold && iou > bestIou) {
                    best = g;
                    bestIou = iou;
                }
            }
            if (best >= 0) {
                taken[r.image()][best] = true;
                hits[k] = true;
            }
        }
        return hits;
    }

    private void checkLabel(int label, String what) {
        if (label < 0 || label >= classes) {
            throw new IllegalArgumentException(what + " label " + label + " is outside 0.." + (classes - 1));
        }
    }

    private static float[] thresholds() {
        float[] t = new float[10];
        for (int i = 0; i < t.length; i++) {
            t[i] = (50 + 5 * i) / 100f;
        }
        return t;
    }
}
