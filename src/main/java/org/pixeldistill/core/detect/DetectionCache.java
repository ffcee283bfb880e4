package org.pixeldistill.core.detect;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import org.pixeldistill.core.cache.CacheEligibility;
import org.pixeldistill.core.cache.CacheIdentity;
import org.pixeldistill.core.cache.CacheKey;
import org.pixeldistill.core.cache.CacheMessages;
import org.pixeldistill.core.cache.TeacherCache;
import org.pixeldistill.core.config.ConfigException;
import org.pixeldistill.core.config.DetectConfig;
import org.pixeldistill.core.config.RunConfig;
import org.pixeldistill.core.data.RawImage;
import org.pixeldistill.core.loop.EngineThreads;
import org.pixeldistill.core.loop.RunCancelledException;
import org.pixeldistill.core.loop.TrainingListener;

/**
 * The teacher cache of a detector student (issue 11): the frozen detector's AFP outputs, class
 * logits and box offsets per anchor and, within a disk budget, its pyramid features, recorded once
 * per training image and view in core/cache's format (same keys, checks, chunks, locks and
 * rebuilds as a classifier's). Decided, then opened or recorded once per run before any seed.
 *
 * <p>Views: a detector's training view is the whole letterboxed image, mirrored or not, so there
 * are at most 2 distinct views; {@code distill.cache_views} is capped there (1 with
 * {@code data.flip: false}). A student sees view {@link org.pixeldistill.core.cache.RecordedViews#pick}
 * chooses per (seed, epoch, image): each image mirrored in exactly one of every two epochs, where
 * the live loader mirrors it by a coin toss.
 */
public final class DetectionCache {
    /**
     * The disk budget of a detector's cache, features included: 1 GB (less on a small heap, see
     * {@link #budgetBytes}). It is held in memory while students train (the demo's AFP student
     * through TAS: 2,000 scenes x 2 views x 2,349 anchors x
     * (10 + 4) floats plus 32 x 261 feature values per view, 0.66 GB); past it the teacher runs live.
     */
    public static final long DISK_BUDGET_BYTES = 1_000_000_000L;

    /**
     * The budget on this JVM: {@link #DISK_BUDGET_BYTES}, or a third of the Java heap when that is
     * less (opening a cache holds its bytes and its arrays at once, twice its size; a Slurm job
     * with {@code -Xmx1g}, say, gets 333 MB).
     */
    static long budgetBytes() {
        return Math.min(DISK_BUDGET_BYTES, Runtime.getRuntime().maxMemory() / 3);
    }

    /** Seed of the recorded draws (the views are fixed anyway): every seed, method and ratio shares a file. */
    static final long CACHE_SEED = 0;

    /** Where the benchmark's random detector teachers keep their caches: keyed by their weights. */
    static final Path BENCH_FOLDER = Path.of(System.getProperty("java.io.tmpdir"), "pixeldistill-bench-teacher-cache");

    /** An opened cache and how its records read back as the teacher's outputs. */
    public record Opened(TeacherCache cache, DetectionCacheLayout layout) {}

    private DetectionCache() {}

    /** Views recorded per image: {@code distill.cache_views} capped at the distinct views there are. */
    public static int viewCount(RunConfig config) {
        return Math.min(config.distill().cacheViews(), config.data().flip() ? 2 : 1);
    }

    /**
     * The cache the students of {@code config} read instead of running {@code teacher}, or null when
     * the teacher runs live; the decision ({@link CacheEligibility#decideDetector}), recording
     * progress and size go to {@code listener}.
     *
     * @param teacherId the frozen detector's identity ({@link #identity} or {@link #identityInMemory})
     * @param folder where its caches are kept ({@link TeacherCache#folderBeside} its run folder)
     * @param views the students' views: the teacher's input is their large view
     */
    static Opened openIfEligible(RunConfig config, DetectConfig.Distill distill, DetectorNetwork teacher,
            String teacherId, Path folder, DetectionDataset train, DetectionViews views, TrainingListener listener,
            BooleanSupplier cancelled) {
        boolean head = distill.aligned() && (distill.classWeight() > 0 || distill.boxWeight() > 0);
        boolean features = distill.featureWeight() > 0;
        DetectionCacheLayout layout = DetectionCacheLayout.of(teacher, features && distill.aligned());
        int viewCount = viewCount(config);
        CacheKey key = new CacheKey(teacherId + "; records " + layout.describe(),
                CacheIdentity.dataSource(config.data(), Path.of("")) + "; " + fingerprint(train), views.largeViewRecipe(),
                viewCount, CACHE_SEED);
        DetectionCacheRecipe recipe = new DetectionCacheRecipe(train, views, teacher, layout, key,
                Math.max(32, config.train().batchSize()), Math.max(1, config.data().workers()));
        long budget = budgetBytes();
        CacheEligibility.Decision decision = CacheEligibility.decideDetector(config.distill().teacherCache(),
                distill.aligned(), head, features, recipe.expectedBytes(), budget);
        listener.onMessage(decision.reason() + (decision.useCache() && viewCount < config.distill().cacheViews()
                ? "; " + viewCount + " view(s) per image, not " + config.distill().cacheViews()
                        + ": a detector's view is the whole image, mirrored or not" : "")
                + (budget < DISK_BUDGET_BYTES && !decision.useCache() && recipe.expectedBytes() > budget
                        ? " (the budget is a third of this Java heap: more -Xmx raises it up to "
                                + TeacherCache.size(DISK_BUDGET_BYTES) + ")" : ""));
        if (!decision.useCache()) {
            return null;
        }
        try {
            // recording runs the teacher on large batches: the engine's own thread count
            EngineThreads.useOnThisThread(EngineThreads.forLargeWork(config.train().threads()));
            return new Opened(TeacherCache.openOrBuild(folder, recipe, CacheMessages.to(listener::onMessage), cancelled),
                    layout);
        } catch (CancellationException e) {
            throw new RunCancelledException();
        }
    }

    /** A trained detector: its architecture and the SHA-256 of its weights file. */
    static String identity(DetectorNetwork teacher, Path params) {
        return "detector " + teacher.spec() + "; weights sha256 " + CacheIdentity.weightsSha256(params);
    }

    /** A detector with no weights file (the benchmark's random teacher): its values in memory. */
    static String identityInMemory(DetectorNetwork teacher) {
        return "detector " + teacher.spec() + "; weights in memory sha256 " + CacheIdentity.weightsInMemory(teacher.block());
    }

    /**
     * A detection set by content, cheap to compute on every open: name, size, channels, classes, and
     * the pixels, boxes and labels of 16 images spread evenly over it.
     */
    static String fingerprint(DetectionDataset ds) {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
        sha.update(String.join("\n", ds.classNames()).getBytes(StandardCharsets.UTF_8));
        int samples = Math.min(16, ds.size());
        for (int k = 0; k < samples; k++) {
            int index = (int) ((long) k * ds.size() / samples);
            try {
                AnnotatedImage s = ds.sample(index);
                RawImage img = s.image();
                ByteBuffer bytes = ByteBuffer.allocate(12 + 4 * img.pixels().length + 20 * s.labels().length);
                bytes.putInt(img.channels()).putInt(img.height()).putInt(img.width());
                for (float p : img.pixels()) {
                    bytes.putFloat(p);
                }
                for (int b = 0; b < s.labels().length; b++) {
                    Box box = s.boxes().get(b);
                    bytes.putFloat(box.x0()).putFloat(box.y0()).putFloat(box.x1()).putFloat(box.y1()).putInt(s.labels()[b]);
                }
                sha.update(bytes.array());
            } catch (ConfigException undecodable) {
                sha.update(("undecodable " + index).getBytes(StandardCharsets.UTF_8));
            }
        }
        return ds.name() + ", " + ds.size() + " images, " + ds.channels() + " channel(s), " + ds.numClasses()
                + " classes, content sha256 " + HexFormat.of().formatHex(sha.digest());
    }
}
