package org.pixeldistill.core.cache;

import java.util.Random;
import org.pixeldistill.core.data.Seeds;

/**
 * Which random numbers a cache records views with, and which recorded view a student sees when.
 * Both depend on nothing but their arguments, so builds and epochs are repeatable on any thread.
 */
public final class RecordedViews {
    /** Keeps the recorded draws apart from the live sampler's (seed, epoch, image) generators. */
    private static final long DRAW_SALT = 0x7EAC4E5CA5E1L;
    private static final long PICK_SALT = 0x51C0FFEEL;

    private RecordedViews() {}

    /** The generator view {@code view} of image {@code image} is drawn with. */
    public static Random generator(long seed, int image, int view) {
        return new Random(Seeds.mix(DRAW_SALT, seed, image, view));
    }

    /**
     * The recorded view image {@code image} shows in {@code epoch}: epochs go in blocks of
     * {@code views}, and within a block every recorded view is shown once, in an order shuffled
     * per (student seed, block, image). So a student sees all views before any repeats.
     */
    public static int pick(long seed, int epoch, int image, int views) {
        int block = epoch / views;
        int slot = epoch % views;
        Random rng = new Random(Seeds.mix(PICK_SALT, seed, block, image));
        int[] order = new int[views];
        for (int i = 0; i < views; i++) {
            order[i] = i;
        }
        for (int i = views - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return order[slot];
    }
}
