package org.pixeldistill.core.detect;

import java.util.Random;

/**
 * Paints the cluttered background of a generated scene: faint noise plus a few strokes and blobs.
 * The strokes and blobs are as bright as parts of real items but are not objects, so a detector
 * has to learn shapes rather than "anything bright is a box". The same values go to every channel.
 */
final class SceneBackground {
    private static final float NOISE = 0.10f;
    private static final float MAX_LEVEL = 0.08f;

    private SceneBackground() {}

    /** Fills {@code canvas} (channels x size x size) from {@code rng}. */
    static void paint(float[] canvas, int channels, int size, Random rng) {
        float[] plane = new float[size * size];
        float level = MAX_LEVEL * rng.nextFloat();
        for (int p = 0; p < plane.length; p++) {
            plane[p] = level + NOISE * rng.nextFloat();
        }
        int strokes = 1 + rng.nextInt(3);
        for (int k = 0; k < strokes; k++) {
            stroke(plane, size, rng);
        }
        int blobs = 1 + rng.nextInt(3);
        for (int k = 0; k < blobs; k++) {
            blob(plane, size, rng);
        }
        for (int c = 0; c < channels; c++) {
            System.arraycopy(plane, 0, canvas, c * plane.length, plane.length);
        }
    }

    /** A straight line of random length, 1 or 2 pixels thick. */
    private static void stroke(float[] plane, int size, Random rng) {
        float value = 0.25f + 0.35f * rng.nextFloat();
        float x0 = rng.nextFloat() * size;
        float y0 = rng.nextFloat() * size;
        double angle = rng.nextDouble() * Math.PI;
        float length = size * (0.15f + 0.35f * rng.nextFloat());
        float dx = (float) Math.cos(angle);
        float dy = (float) Math.sin(angle);
        int thick = 1 + rng.nextInt(2);
        for (float t = 0; t <= length; t += 0.5f) {
            int x = (int) (x0 + t * dx);
            int y = (int) (y0 + t * dy);
            for (int i = 0; i < thick; i++) {
                for (int j = 0; j < thick; j++) {
                    brighten(plane, size, x + i, y + j, value);
                }
            }
        }
    }

    /** A filled ellipse a few pixels across. */
    private static void blob(float[] plane, int size, Random rng) {
        float value = 0.2f + 0.3f * rng.nextFloat();
        float maxRadius = Math.max(2f, size / 16f);
        float rx = 1.5f + (maxRadius - 1.5f) * rng.nextFloat();
        float ry = 1.5f + (maxRadius - 1.5f) * rng.nextFloat();
        float cx = rng.nextFloat() * size;
        float cy = rng.nextFloat() * size;
        for (int y = (int) (cy - ry); y <= (int) (cy + ry); y++) {
            for (int x = (int) (cx - rx); x <= (int) (cx + rx); x++) {
                float u = (x + 0.5f - cx) / rx;
                float v = (y + 0.5f - cy) / ry;
                if (u * u + v * v <= 1f) {
                    brighten(plane, size, x, y, value);
                }
            }
        }
    }

    private static void brighten(float[] plane, int size, int x, int y, float value) {
        if (x >= 0 && x < size && y >= 0 && y < size) {
            int p = y * size + x;
            plane[p] = Math.max(plane[p], value);
        }
    }
}
