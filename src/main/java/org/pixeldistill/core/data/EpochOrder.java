package org.pixeldistill.core.data;

import java.util.Random;

/**
 * The order in which an epoch visits a data set's images: a permutation seeded by (seed, epoch)
 * in training, index order otherwise. Public so that every batch source (the live one, the
 * teacher cache's) visits the same images in the same batches.
 */
public final class EpochOrder {
    private EpochOrder() {}

    /** The training order of epoch {@code epoch}: a Fisher-Yates shuffle of 0..n-1. */
    public static int[] shuffled(int n, long seed, int epoch) {
        Random rng = new Random(Seeds.mix(seed, epoch));
        int[] a = identity(n);
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
        return a;
    }

    /** 0, 1, ..., n-1. */
    public static int[] identity(int n) {
        int[] a = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = i;
        }
        return a;
    }
}
