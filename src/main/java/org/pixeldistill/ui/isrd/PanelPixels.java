package org.pixeldistill.ui.isrd;

import org.pixeldistill.core.data.RawImage;

/**
 * The pixels the ISRD panel draws, computed without a toolkit: images enlarged by an integer
 * factor with nearest-neighbour sampling (each source pixel becomes a solid scale x scale block, so
 * a 7x7 student view really looks like 49 squares), and heat maps blended over an image. Public so
 * the detection view enlarges its small view the same way.
 */
public final class PanelPixels {
    /** How strongly a heat map covers the image under it. */
    static final float OVERLAY_ALPHA = 0.45f;

    /** Packed 0xAARRGGBB pixels, row-major. */
    public record Argb(int width, int height, int[] pixels) {
        public int at(int x, int y) {
            return pixels[y * width + x];
        }
    }

    private PanelPixels() {}

    /** The integer enlargement that brings {@code side} closest to {@code target} pixels, at least 1. */
    public static int scaleFor(int side, int target) {
        return Math.max(1, Math.round((float) target / side));
    }

    /** {@code img} enlarged {@code scale} times, nearest neighbour (no smoothing). */
    public static Argb enlarge(RawImage img, int scale) {
        return overlay(img, scale, null, 0, 0f);
    }

    /**
     * {@code img} enlarged {@code scale} times with {@code map} (values in [0, 1], mapSize x mapSize)
     * stretched over it cell by cell and blended in heat colours with the given alpha.
     */
    static Argb overlay(RawImage img, int scale, float[] map, int mapSize, float alpha) {
        int w = img.width() * scale;
        int h = img.height() * scale;
        int[] out = new int[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int rgb = rgb(img, x / scale, y / scale);
                if (map != null) {
                    int cell = (y * mapSize / h) * mapSize + x * mapSize / w;
                    rgb = blend(rgb, heat(map[cell]), alpha);
                }
                out[y * w + x] = 0xFF000000 | rgb;
            }
        }
        return new Argb(w, h, out);
    }

    /** A blue - cyan - green - yellow - red ramp for v in [0, 1], as 0xRRGGBB. */
    static int heat(float v) {
        float t = Math.max(0f, Math.min(1f, v)) * 4f;
        float r = clamp(t - 2f);
        float g = t < 1f ? t : t < 3f ? 1f : 4f - t;
        float b = clamp(2f - t);
        return (channel(r) << 16) | (channel(g) << 8) | channel(b);
    }

    private static int rgb(RawImage img, int x, int y) {
        if (img.channels() == 1) {
            int v = channel(img.at(0, y, x));
            return (v << 16) | (v << 8) | v;
        }
        return (channel(img.at(0, y, x)) << 16) | (channel(img.at(1, y, x)) << 8) | channel(img.at(2, y, x));
    }

    private static int blend(int under, int over, float alpha) {
        int out = 0;
        for (int shift = 0; shift <= 16; shift += 8) {
            float u = (under >> shift) & 0xFF;
            float o = (over >> shift) & 0xFF;
            out |= Math.round(u + (o - u) * alpha) << shift;
        }
        return out;
    }

    private static float clamp(float v) {
        return Math.max(0f, Math.min(1f, v));
    }

    private static int channel(float v) {
        return Math.round(clamp(v) * 255f);
    }
}
