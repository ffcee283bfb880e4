package org.pixeldistill.core.detect;

import java.util.List;

/**
 * Assigns each anchor a ground-truth box, background, or "ignore" by IoU, as RetinaNet trains:
 * an anchor whose best IoU is at least {@code fgIou} is positive for that box, below
 * {@code bgIou} it is background, and in between it is left out of the loss (neither a clear
 * object nor clear background).
 *
 * <p>Low-quality matches: a small or oddly shaped box may overlap no anchor by {@code fgIou}, and
 * would then never be learnt. So each box's highest-IoU anchor(s) (all of them on a tie) become
 * positive for that box, whatever the threshold, provided the IoU is above 0. If one anchor is
 * the best anchor of several boxes it goes to the one it overlaps most (lower index on a tie).
 * Unlike torchvision (which keeps the anchor's own best box) this guarantees the box itself gets
 * the anchor.
 *
 * <p>Ties between boxes for an anchor's best IoU go to the lower box index.
 */
public final class AnchorMatcher {

    /** Label of an anchor that is background (a negative for classification). */
    public static final int BACKGROUND = -1;
    /** Label of an anchor between the thresholds: no classification or box loss. */
    public static final int IGNORE = -2;

    private final float fgIou;
    private final float bgIou;
    private final boolean lowQualityMatches;

    public AnchorMatcher(float fgIou, float bgIou, boolean lowQualityMatches) {
        if (!(bgIou >= 0 && bgIou <= fgIou && fgIou <= 1)) {
            throw new IllegalArgumentException("IoU thresholds need 0 <= bgIou <= fgIou <= 1, got bgIou "
                    + bgIou + ", fgIou " + fgIou);
        }
        this.fgIou = fgIou;
        this.bgIou = bgIou;
        this.lowQualityMatches = lowQualityMatches;
    }

    /** RetinaNet's setting: positive from 0.5, background below 0.4, low-quality matches on. */
    public static AnchorMatcher retinaNet() {
        return new AnchorMatcher(0.5f, 0.4f, true);
    }

    /**
     * One label per anchor: the index into {@code gts} for a positive, {@link #BACKGROUND} or
     * {@link #IGNORE}. With no boxes every anchor is background.
     */
    public int[] match(float[] anchors, List<Box> gts) {
        if (anchors.length % 4 != 0) {
            throw new IllegalArgumentException("anchor array length " + anchors.length + " is not a multiple of 4");
        }
        int n = anchors.length / 4;
        int[] labels = new int[n];
        float[] bestIouOfGt = new float[gts.size()];
        for (int i = 0; i < n; i++) {
            Box anchor = Anchors.box(anchors, i);
            float best = 0f;
            int bestGt = -1;
            for (int g = 0; g < gts.size(); g++) {
                float iou = anchor.iou(gts.get(g));
                if (iou > best) {
                    best = iou;
                    bestGt = g;
                }
                bestIouOfGt[g] = Math.max(bestIouOfGt[g], iou);
            }
            if (bestGt >= 0 && best >= fgIou) {
                labels[i] = bestGt;
            } else if (best < bgIou) {
                labels[i] = BACKGROUND;
            } else {
                labels[i] = IGNORE;
            }
        }
        if (lowQualityMatches) {
            addLowQualityMatches(anchors, gts, bestIouOfGt, labels);
        }
        return labels;
    }

    /** Second pass: hand every box its top anchor(s); IoU is recomputed to spare an N x G matrix. */
    private static void addLowQualityMatches(float[] anchors, List<Box> gts, float[] bestIouOfGt, int[] labels) {
        for (int i = 0; i < labels.length; i++) {
            Box anchor = Anchors.box(anchors, i);
            float claim = 0f;
            int claimant = -1;
            for (int g = 0; g < gts.size(); g++) {
                float iou = anchor.iou(gts.get(g));
                // Same function, same inputs: equality with the first pass's maximum is exact.
                if (iou > 0 && iou == bestIouOfGt[g] && iou > claim) {
                    claim = iou;
                    claimant = g;
                }
            }
            if (claimant >= 0) {
                labels[i] = claimant;
            }
        }
    }
}
