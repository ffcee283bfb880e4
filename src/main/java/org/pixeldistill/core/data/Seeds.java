package org.pixeldistill.core.data;

/** Derives independent seeds from several numbers (seed, epoch, index) with a SplitMix64 mix. */
public final class Seeds {
    private Seeds() {}

    public static long mix(long... parts) {
        long h = 0x9E3779B97F4A7C15L;
        for (long p : parts) {
            h = scramble(h ^ scramble(p + 0x632BE59BD9B4E019L));
        }
        return h;
    }

    private static long scramble(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
