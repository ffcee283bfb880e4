package org.pixeldistill.core.data;

import java.util.Arrays;

/**
 * Resamples a rectangle of a {@link RawImage} to a square, separably (rows, then columns) with
 * per-axis weight tables. Pixel centres follow the half-pixel convention (PyTorch's
 * align_corners=False): output pixel {@code i} of a box starting at {@code x0} with scale
 * {@code s = w/out} is centred at {@code x0 + (i + 0.5) * s}.
 */
public final class Resizer {
    private Resizer() {}

    /** The box resized to {@code out x out}, channel-major, not normalised. */
    public static float[] resize(RawImage src, CropBox box, int out, Interpolation mode) {
        float[] dest = new float[src.channels() * out * out];
        resize(src, box, out, mode, false, dest, 0);
        return dest;
    }

    /**
     * Writes the resized box into {@code dest} from {@code offset} (channels x out x out),
     * mirrored left-right when {@code flip}.
     */
    public static void resize(RawImage src, CropBox box, int out, Interpolation mode, boolean flip, float[] dest, int offset) {
        int channels = src.channels();
        int h = src.height();
        int w = src.width();
        int plane = out * out;
        Arrays.fill(dest, offset, offset + channels * plane, 0f);
        AxisWeights wx = AxisWeights.of(box.x0(), box.w(), w, out, mode);
        AxisWeights wy = AxisWeights.of(box.y0(), box.h(), h, out, mode);
        int rowLo = Integer.MAX_VALUE;
        int rowHi = -1;
        for (int i = 0; i < out; i++) {
            if (wy.count[i] > 0) {
                rowLo = Math.min(rowLo, wy.first[i]);
                rowHi = Math.max(rowHi, wy.first[i] + wy.count[i] - 1);
            }
        }
        if (rowHi < 0) {
            return; // the box misses the image entirely
        }
        float[] pixels = src.pixels();
        float[] rows = new float[(rowHi - rowLo + 1) * out];
        float[] line = new float[out];
        for (int c = 0; c < channels; c++) {
            // Pass 1: every source row the output needs, resampled horizontally.
            for (int y = rowLo; y <= rowHi; y++) {
                int srcRow = (c * h + y) * w;
                int tmpRow = (y - rowLo) * out;
                for (int xo = 0; xo < out; xo++) {
                    float sum = 0;
                    int base = xo * wx.stride;
                    int j0 = srcRow + wx.first[xo];
                    for (int k = 0, n = wx.count[xo]; k < n; k++) {
                        sum += wx.weight[base + k] * pixels[j0 + k];
                    }
                    rows[tmpRow + xo] = sum;
                }
            }
            // Pass 2: columns; accumulate whole rows so the inner loop is a plain axpy.
            for (int yo = 0; yo < out; yo++) {
                Arrays.fill(line, 0f);
                int base = yo * wy.stride;
                for (int k = 0, n = wy.count[yo]; k < n; k++) {
                    float wt = wy.weight[base + k];
                    int tmpRow = (wy.first[yo] + k - rowLo) * out;
                    for (int xo = 0; xo < out; xo++) {
                        line[xo] += wt * rows[tmpRow + xo];
                    }
                }
                int destRow = offset + c * plane + yo * out;
                if (flip) {
                    for (int xo = 0; xo < out; xo++) {
                        dest[destRow + out - 1 - xo] = line[xo];
                    }
                } else {
                    System.arraycopy(line, 0, dest, destRow, out);
                }
            }
        }
    }
}
