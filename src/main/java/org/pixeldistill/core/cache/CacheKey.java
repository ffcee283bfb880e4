package org.pixeldistill.core.cache;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.pixeldistill.core.data.ImageDataset;
import org.pixeldistill.core.data.TwoViewSampler;

/**
 * Everything a teacher cache's contents depend on, as text: two requests with equal keys would
 * record byte-identical files, so one file serves every seed, method and ratio that asks with the
 * same key. The file stores the whole text and refuses to open for any other.
 *
 * @param teacher the frozen network: architecture and a hash of its weights ({@link CacheIdentity#teacher})
 * @param data the training images: the caller's description (data set, folder, limit) plus a
 *     fingerprint of the images themselves ({@link CacheIdentity#dataset})
 * @param views how a view is drawn and how the teacher's view is made ({@link TwoViewSampler#largeViewRecipe})
 * @param viewCount recorded views per image
 * @param seed seed of the recorded draws (not a student's seed: every student seed shares the views)
 */
public record CacheKey(String teacher, String data, String views, int viewCount, long seed) {
    public CacheKey {
        if (viewCount < 1) {
            throw new IllegalArgumentException("a teacher cache needs at least 1 view per image, got " + viewCount);
        }
    }

    /**
     * The key of recording {@code viewCount} views of {@code images} as {@code sampler} draws them.
     *
     * @param teacherId the frozen network's identity, usually {@link CacheIdentity#teacher}
     * @param dataSource the caller's words for the data (for example "fashion-mnist at
     *     /abs/assets/fashion-mnist, train_limit 0"); a moved folder then makes a new cache
     */
    public static CacheKey of(String teacherId, String dataSource, ImageDataset images, TwoViewSampler sampler,
            int viewCount, long seed) {
        return new CacheKey(teacherId, dataSource + "; " + CacheIdentity.dataset(images), sampler.largeViewRecipe(),
                viewCount, seed);
    }

    /** The text stored in the file: one line per part, in a fixed order. */
    public String text() {
        return "teacher: " + teacher + "\ndata: " + data + "\nviews: " + views + "\nview count: " + viewCount
                + "\nseed: " + seed + "\n";
    }

    /** SHA-256 of {@link #text()} in hex: names the file. */
    public String digest() {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(text().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** The first line where this key and {@code other} differ, as "expected / found" (for messages). */
    public static String firstDifference(String expected, String found) {
        String[] a = expected.split("\n");
        String[] b = found.split("\n");
        for (int i = 0; i < Math.max(a.length, b.length); i++) {
            String x = i < a.length ? a[i] : "(nothing)";
            String y = i < b.length ? b[i] : "(nothing)";
            if (!x.equals(y)) {
                return "wanted \"" + x + "\", the file has \"" + y + "\"";
            }
        }
        return "no difference";
    }
}
