package org.pixeldistill.core.data;

import java.util.Arrays;
import java.util.List;
import org.pixeldistill.core.config.ConfigException;
import org.pixeldistill.core.config.DataConfig;

/** Per-channel mean and standard deviation that the two views are normalised with. */
public record Normalization(float[] mean, float[] std) {
    private static final float[] IMAGENET_MEAN = {0.485f, 0.456f, 0.406f};
    private static final float[] IMAGENET_STD = {0.229f, 0.224f, 0.225f};

    /**
     * The data set's own statistics: Fashion-MNIST's for "fashion-mnist", ImageNet's otherwise (the
     * usual choice for photos, and what pretrained teachers expect). A one-value statistic is
     * repeated for three channels; ImageNet's three are averaged for one channel.
     */
    public static Normalization defaults(String dataset, int channels) {
        if (FashionMnist.NAME.equals(dataset)) {
            return new Normalization(repeat(0.2860f, channels), repeat(0.3530f, channels));
        }
        if (channels == 3) {
            return new Normalization(IMAGENET_MEAN.clone(), IMAGENET_STD.clone());
        }
        return new Normalization(repeat(average(IMAGENET_MEAN), channels), repeat(average(IMAGENET_STD), channels));
    }

    /** {@code cfg.mean/std} when given (one value, or one per channel), else the defaults. */
    public static Normalization of(DataConfig cfg, int channels) {
        if (cfg.mean().isEmpty()) {
            return defaults(cfg.dataset(), channels);
        }
        return new Normalization(fit("data.mean", cfg.mean(), channels), fit("data.std", cfg.std(), channels));
    }

    private static float[] fit(String key, List<Double> values, int channels) {
        if (values.size() != 1 && values.size() != channels) {
            throw new ConfigException(key + " has " + values.size() + " values but the images have " + channels + " channels");
        }
        float[] out = new float[channels];
        for (int c = 0; c < channels; c++) {
            out[c] = values.get(values.size() == 1 ? 0 : c).floatValue();
        }
        return out;
    }

    private static float[] repeat(float v, int n) {
        float[] a = new float[n];
        Arrays.fill(a, v);
        return a;
    }

    private static float average(float[] a) {
        float s = 0;
        for (float v : a) {
            s += v;
        }
        return s / a.length;
    }

    /**
     * The box of {@code img} resized to {@code size x size} (mirrored when asked) and normalised
     * with these statistics: the one way every training and test view is made, channel-major.
     */
    public float[] view(RawImage img, CropBox box, int size, Interpolation mode, boolean mirrored) {
        int channels = img.channels();
        if (mean.length != 1 && mean.length < channels) {
            throw new IllegalArgumentException(mean.length + " mean values for " + channels + " channels");
        }
        float[] out = new float[channels * size * size];
        Resizer.resize(img, box, size, mode, mirrored, out, 0);
        int plane = size * size;
        for (int c = 0; c < channels; c++) {
            int s = mean.length == 1 ? 0 : c;
            float m = mean[s];
            float k = 1f / std[s];
            for (int p = c * plane, end = p + plane; p < end; p++) {
                out[p] = (out[p] - m) * k;
            }
        }
        return out;
    }
}
