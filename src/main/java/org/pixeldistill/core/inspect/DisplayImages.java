package org.pixeldistill.core.inspect;

import java.util.Arrays;
import org.pixeldistill.core.data.Normalization;
import org.pixeldistill.core.data.RawImage;
import org.pixeldistill.core.data.TwoViewSampler;

/** Turns normalised network inputs (and the ISRD decoder's output) back into displayable images. */
public final class DisplayImages {
    /** Side of the blank probe images: any size works, a constant image resizes to a constant. */
    private static final int PROBE_SIDE = 8;

    private DisplayImages() {}

    /**
     * One channel-major image of {@code values} from {@code offset}, un-normalised with x * std +
     * mean and clamped to [0, 1] (a decoder's output may overshoot). {@code mean}/{@code std} hold one
     * value for all channels or one per channel.
     */
    public static RawImage denormalise(float[] values, int offset, int channels, int size, float[] mean, float[] std) {
        if (mean.length != std.length || (mean.length != 1 && mean.length < channels)) {
            throw new IllegalArgumentException(mean.length + " mean and " + std.length + " std values for "
                    + channels + " channels");
        }
        int plane = size * size;
        float[] out = new float[channels * plane];
        for (int c = 0; c < channels; c++) {
            int k = mean.length == 1 ? 0 : c;
            for (int p = 0; p < plane; p++) {
                float v = values[offset + c * plane + p] * std[k] + mean[k];
                out[c * plane + p] = Math.max(0f, Math.min(1f, v));
            }
        }
        return new RawImage(out, channels, size, size);
    }

    /**
     * The mean and std a sampler normalises with, read back from what it makes of an all-black and
     * an all-white image: (0 - m) / s and (1 - m) / s give s = 1 / difference and m = -black * s.
     * {@link org.pixeldistill.core.train.EpochModels} carries the sampler but not the statistics, and
     * a config may set its own.
     */
    public static Normalization normalizationOf(TwoViewSampler sampler, int channels) {
        float[] black = sampler.test(constant(channels, 0f)).small();
        float[] white = sampler.test(constant(channels, 1f)).small();
        int plane = sampler.smallSize() * sampler.smallSize();
        float[] mean = new float[channels];
        float[] std = new float[channels];
        for (int c = 0; c < channels; c++) {
            float b = black[c * plane];
            float w = white[c * plane];
            std[c] = 1f / (w - b);
            mean[c] = -b * std[c];
        }
        return new Normalization(mean, std);
    }

    private static RawImage constant(int channels, float value) {
        float[] pixels = new float[channels * PROBE_SIDE * PROBE_SIDE];
        Arrays.fill(pixels, value);
        return new RawImage(pixels, channels, PROBE_SIDE, PROBE_SIDE);
    }
}
