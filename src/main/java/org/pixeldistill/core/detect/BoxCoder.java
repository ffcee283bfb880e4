package org.pixeldistill.core.detect;

/**
 * The box regression target of a one-stage detector: a ground-truth box relative to its anchor,
 * {@code dx = (gcx - acx) / aw * wx}, {@code dy = (gcy - acy) / ah * wy},
 * {@code dw = log(gw / aw) * ww}, {@code dh = log(gh / ah) * wh}. Offsets in anchor units make
 * the targets of small and large boxes comparable; the logs make width errors relative.
 *
 * <p>Decoding clamps {@code dw, dh} (after removing the weights) at {@link #MAX_LOG_SCALE} before
 * {@code exp}, so an untrained head cannot produce an infinite box.
 *
 * @param wx weight on the centre x offset, and likewise {@code wy, ww, wh}
 */
public record BoxCoder(float wx, float wy, float ww, float wh) {

    /** {@code log(1000/16)}: no box grows more than 62.5 times its anchor. */
    public static final double MAX_LOG_SCALE = Math.log(1000.0 / 16);

    public BoxCoder {
        if (!(wx > 0 && wy > 0 && ww > 0 && wh > 0)) {
            throw new IllegalArgumentException("box coder weights must be positive, got " + wx + ", " + wy + ", " + ww + ", " + wh);
        }
    }

    /** Weights 1, 1, 1, 1 (RetinaNet's). */
    public static BoxCoder unitWeights() {
        return new BoxCoder(1f, 1f, 1f, 1f);
    }

    /** {@code (dx, dy, dw, dh)} of {@code gt} relative to {@code anchor}; both must have positive size. */
    public float[] encode(Box anchor, Box gt) {
        float[] out = new float[4];
        encodeInto(anchor, gt, out, 0);
        return out;
    }

    /** {@link #encode} written to {@code out[offset .. offset + 3]}, to fill a target array without garbage. */
    public void encodeInto(Box anchor, Box gt, float[] out, int offset) {
        if (anchor.isDegenerate() || gt.isDegenerate()) {
            throw new IllegalArgumentException("cannot encode " + gt + " against " + anchor + ": both need positive size");
        }
        double aw = anchor.width();
        double ah = anchor.height();
        out[offset] = (float) ((gt.centerX() - (double) anchor.centerX()) / aw * wx);
        out[offset + 1] = (float) ((gt.centerY() - (double) anchor.centerY()) / ah * wy);
        out[offset + 2] = (float) (Math.log(gt.width() / aw) * ww);
        out[offset + 3] = (float) (Math.log(gt.height() / ah) * wh);
    }

    /** The box that {@code (dx, dy, dw, dh)} describes relative to {@code anchor}. */
    public Box decode(Box anchor, float dx, float dy, float dw, float dh) {
        double aw = anchor.width();
        double ah = anchor.height();
        double cx = anchor.centerX() + dx / (double) wx * aw;
        double cy = anchor.centerY() + dy / (double) wy * ah;
        double halfW = Math.exp(Math.min(dw / (double) ww, MAX_LOG_SCALE)) * aw / 2;
        double halfH = Math.exp(Math.min(dh / (double) wh, MAX_LOG_SCALE)) * ah / 2;
        return new Box((float) (cx - halfW), (float) (cy - halfH), (float) (cx + halfW), (float) (cy + halfH));
    }

    /**
     * Decodes every anchor at once: {@code anchors} and {@code deltas} are both {@code N * 4} in
     * the same anchor order; the result is {@code N * 4} boxes {@code (x0, y0, x1, y1)}.
     */
    public float[] decodeAll(float[] anchors, float[] deltas) {
        if (anchors.length != deltas.length || anchors.length % 4 != 0) {
            throw new IllegalArgumentException("anchors (" + anchors.length + ") and deltas (" + deltas.length
                    + ") must be the same multiple of 4");
        }
        float[] out = new float[anchors.length];
        for (int i = 0; i < anchors.length; i += 4) {
            Box b = decode(Anchors.box(anchors, i / 4), deltas[i], deltas[i + 1], deltas[i + 2], deltas[i + 3]);
            out[i] = b.x0();
            out[i + 1] = b.y0();
            out[i + 2] = b.x1();
            out[i + 3] = b.y1();
        }
        return out;
    }
}
