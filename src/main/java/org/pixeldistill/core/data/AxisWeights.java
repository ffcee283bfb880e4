package org.pixeldistill.core.data;

/**
 * Resampling weights along one axis: output pixel {@code i} is the sum over
 * {@code k < count[i]} of {@code weight[i*stride + k] * source[first[i] + k]}. Built once per
 * resize and axis, so the per-pixel work is only multiply-adds over a few taps.
 */
final class AxisWeights {
    private static final float CUBIC_A = -0.75f;

    final int[] first;
    final int[] count;
    final float[] weight;
    final int stride;

    private AxisWeights(int out, int stride) {
        this.first = new int[out];
        this.count = new int[out];
        this.weight = new float[out * stride];
        this.stride = stride;
    }

    /** Weights mapping the source span [start, start+length) of an axis of {@code n} pixels onto {@code out} pixels. */
    static AxisWeights of(float start, float length, int n, int out, Interpolation mode) {
        double scale = (double) length / out;
        int stride = switch (mode) {
            case NEAREST -> 1;
            case BILINEAR -> 2;
            case BICUBIC -> 4;
            case AREA -> (int) Math.ceil(scale) + 2;
        };
        AxisWeights a = new AxisWeights(out, stride);
        int[] js = new int[stride];
        double[] ws = new double[stride];
        for (int i = 0; i < out; i++) {
            int taps = mode == Interpolation.AREA
                    ? areaTaps(start + i * scale, start + (i + 1) * scale, scale, n, js, ws)
                    : pointTaps(start + (i + 0.5) * scale, n, mode, js, ws);
            a.store(i, taps, js, ws);
        }
        return a;
    }

    /**
     * Taps of a kernel centred at {@code centre}. An output pixel whose centre lies outside the
     * image is 0; near the border the taps are clamped to the edge pixel, so the border is not
     * darkened by the zero outside.
     */
    private static int pointTaps(double centre, int n, Interpolation mode, int[] js, double[] ws) {
        if (centre < 0 || centre >= n) {
            return 0;
        }
        if (mode == Interpolation.NEAREST) {
            js[0] = (int) Math.floor(centre);
            ws[0] = 1;
            return 1;
        }
        double s = centre - 0.5; // position in pixel-centre coordinates
        int j0 = (int) Math.floor(s);
        double t = s - j0;
        if (mode == Interpolation.BILINEAR) {
            js[0] = clamp(j0, n);
            ws[0] = 1 - t;
            js[1] = clamp(j0 + 1, n);
            ws[1] = t;
            return 2;
        }
        for (int k = 0; k < 4; k++) {
            js[k] = clamp(j0 - 1 + k, n);
            ws[k] = cubic(Math.abs(t - (k - 1)));
        }
        return 4;
    }

    /** Each source pixel weighted by the share of [lo, hi) it covers; pixels outside count as 0. */
    private static int areaTaps(double lo, double hi, double scale, int n, int[] js, double[] ws) {
        int from = Math.max(0, (int) Math.floor(lo));
        int to = Math.min(n - 1, (int) Math.ceil(hi) - 1);
        int taps = 0;
        for (int j = from; j <= to; j++) {
            double overlap = Math.min(hi, j + 1) - Math.max(lo, j);
            if (overlap > 0) {
                js[taps] = j;
                ws[taps++] = overlap / scale;
            }
        }
        return taps;
    }

    /** Keys' cubic convolution kernel. */
    private static double cubic(double x) {
        if (x <= 1) {
            return ((CUBIC_A + 2) * x - (CUBIC_A + 3)) * x * x + 1;
        }
        if (x < 2) {
            return ((CUBIC_A * x - 5 * CUBIC_A) * x + 8 * CUBIC_A) * x - 4 * CUBIC_A;
        }
        return 0;
    }

    private static int clamp(int j, int n) {
        return j < 0 ? 0 : (j >= n ? n - 1 : j);
    }

    /** Clamped taps may repeat an index (the edge pixel): merge them over a contiguous range. */
    private void store(int i, int taps, int[] js, double[] ws) {
        if (taps == 0) {
            return;
        }
        int lo = Integer.MAX_VALUE;
        int hi = Integer.MIN_VALUE;
        for (int k = 0; k < taps; k++) {
            lo = Math.min(lo, js[k]);
            hi = Math.max(hi, js[k]);
        }
        first[i] = lo;
        count[i] = hi - lo + 1;
        for (int k = 0; k < taps; k++) {
            weight[i * stride + js[k] - lo] += (float) ws[k];
        }
    }
}
