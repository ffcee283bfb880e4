package org.pixeldistill.core.model;

/**
 * Resizes a ViT's position embedding to another token grid: the class token's row is kept and
 * the patch rows, seen as a g x g image per feature, are resized bilinearly with PyTorch's
 * {@code align_corners=False} arithmetic, so a file made for 224 pixels fits a 112-pixel input.
 */
final class PositionGrid {
    private PositionGrid() {}

    /**
     * @param pos (1 + from^2) x dim values, row-major, the class token first
     * @return (1 + to^2) x dim values
     */
    static float[] resize(float[] pos, int from, int to, int dim) {
        float[] out = new float[(1 + to * to) * dim];
        System.arraycopy(pos, 0, out, 0, dim);
        double scale = (double) from / to;
        for (int y = 0; y < to; y++) {
            Tap ty = Tap.of(y, scale, from);
            for (int x = 0; x < to; x++) {
                Tap tx = Tap.of(x, scale, from);
                int target = (1 + y * to + x) * dim;
                for (int d = 0; d < dim; d++) {
                    double top = (1 - tx.weight) * at(pos, ty.low, tx.low, from, dim, d)
                            + tx.weight * at(pos, ty.low, tx.high, from, dim, d);
                    double bottom = (1 - tx.weight) * at(pos, ty.high, tx.low, from, dim, d)
                            + tx.weight * at(pos, ty.high, tx.high, from, dim, d);
                    out[target + d] = (float) ((1 - ty.weight) * top + ty.weight * bottom);
                }
            }
        }
        return out;
    }

    private static float at(float[] pos, int y, int x, int side, int dim, int d) {
        return pos[(1 + y * side + x) * dim + d];
    }

    /** The two source cells an output cell reads and the weight of the second. */
    private record Tap(int low, int high, double weight) {
        static Tap of(int target, double scale, int side) {
            double source = Math.max(0, (target + 0.5) * scale - 0.5);
            int low = (int) source;
            int high = Math.min(low + 1, side - 1);
            return new Tap(low, high, source - low);
        }
    }
}
