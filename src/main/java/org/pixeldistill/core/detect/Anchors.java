package org.pixeldistill.core.detect;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Anchor boxes for a feature pyramid, as one flat {@code float[N * 4]} of {@code (x0, y0, x1, y1)}
 * in input pixels.
 *
 * <p>Order, which a detection head must follow: level, then row {@code y}, then column {@code x},
 * then anchor {@code a} within the cell. That is the order of a head output of shape
 * {@code (A*K, H, W)} per level reshaped to {@code (H, W, A, K)} and flattened, levels one after
 * the other, so output row {@code n} (of {@code K} values) belongs to anchor {@code n}.
 *
 * <p>Within a cell the anchors are <b>scale-major</b>: {@code a = scaleIndex * ratios.length +
 * ratioIndex}. An anchor of side {@code base * scale} and ratio {@code h/w = ratio} keeps the area
 * of the square: {@code w = side / sqrt(ratio)}, {@code h = side * sqrt(ratio)}; its centre is
 * the cell centre {@code ((x + 0.5) * stride, (y + 0.5) * stride)}.
 */
public final class Anchors {

    private final float[] scales;
    private final float[] ratios;

    public Anchors(float[] scales, float[] ratios) {
        if (scales.length == 0 || ratios.length == 0) {
            throw new IllegalArgumentException("anchors need at least one scale and one ratio");
        }
        for (float v : scales) {
            requirePositive(v, "scale");
        }
        for (float v : ratios) {
            requirePositive(v, "ratio");
        }
        this.scales = scales.clone();
        this.ratios = ratios.clone();
    }

    /** RetinaNet's nine anchors per cell: scales 1, 2^(1/3), 2^(2/3) and ratios 0.5, 1, 2. */
    public static Anchors retinaNet() {
        return new Anchors(
                new float[] {1f, (float) Math.pow(2, 1.0 / 3), (float) Math.pow(2, 2.0 / 3)},
                new float[] {0.5f, 1f, 2f});
    }

    /** The usual levels for a square image of side {@code imageSize}, one per stride, in order. */
    public static List<AnchorLevel> levelsFor(int imageSize, int[] strides) {
        return levelsFor(imageSize, imageSize, strides);
    }

    /** The usual levels ({@link AnchorLevel#forImage}) for an image {@code height x width}. */
    public static List<AnchorLevel> levelsFor(int height, int width, int[] strides) {
        List<AnchorLevel> levels = new ArrayList<>(strides.length);
        for (int s : strides) {
            levels.add(AnchorLevel.forImage(height, width, s));
        }
        return levels;
    }

    /** Every level {@link AnchorLevel#scaled scaled} by {@code r} (AFP: the assistant's anchors). */
    public static List<AnchorLevel> scaled(List<AnchorLevel> levels, float r) {
        return levels.stream().map(l -> l.scaled(r)).toList();
    }

    /** Anchors per cell, {@code A = scales * ratios}. */
    public int perCell() {
        return scales.length * ratios.length;
    }

    /** Total number of anchors {@code N} over the levels. */
    public int count(List<AnchorLevel> levels) {
        long n = 0;
        for (AnchorLevel l : levels) {
            n += (long) l.cells() * perCell();
        }
        if (n * 4 > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("too many anchors: " + n);
        }
        return (int) n;
    }

    /** All anchors of all levels, {@code N * 4} floats in the order described on the class. */
    public float[] generate(List<AnchorLevel> levels) {
        float[] out = new float[count(levels) * 4];
        int o = 0;
        for (AnchorLevel level : levels) {
            float[] halfW = new float[perCell()];
            float[] halfH = new float[perCell()];
            cellShapes(level.baseSize(), halfW, halfH);
            for (int y = 0; y < level.gridHeight(); y++) {
                double cy = (y + 0.5) * level.stride();
                for (int x = 0; x < level.gridWidth(); x++) {
                    double cx = (x + 0.5) * level.stride();
                    for (int a = 0; a < halfW.length; a++) {
                        out[o++] = (float) (cx - halfW[a]);
                        out[o++] = (float) (cy - halfH[a]);
                        out[o++] = (float) (cx + halfW[a]);
                        out[o++] = (float) (cy + halfH[a]);
                    }
                }
            }
        }
        return out;
    }

    /** Anchor {@code i} of a flat array as a {@link Box}. */
    public static Box box(float[] anchors, int i) {
        return new Box(anchors[4 * i], anchors[4 * i + 1], anchors[4 * i + 2], anchors[4 * i + 3]);
    }

    /** Half widths and heights of one cell's anchors, scale-major. */
    private void cellShapes(float baseSize, float[] halfW, float[] halfH) {
        int a = 0;
        for (float scale : scales) {
            double side = (double) baseSize * scale;
            for (float ratio : ratios) {
                double root = Math.sqrt(ratio);
                halfW[a] = (float) (side / root / 2);
                halfH[a] = (float) (side * root / 2);
                a++;
            }
        }
    }

    private static void requirePositive(float v, String what) {
        if (!(v > 0) || Float.isInfinite(v)) {
            throw new IllegalArgumentException("anchor " + what + " must be positive and finite, got " + v);
        }
    }

    @Override
    public String toString() {
        return "Anchors[scales=" + Arrays.toString(scales) + ", ratios=" + Arrays.toString(ratios) + "]";
    }
}
