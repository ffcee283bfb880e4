package org.pixeldistill.core.cache;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import org.pixeldistill.core.data.BatchLoader;
import org.pixeldistill.core.data.CropBox;
import org.pixeldistill.core.data.ImageDataset;
import org.pixeldistill.core.data.TwoViewSampler;
import org.pixeldistill.core.run.BuildLock;

/**
 * A frozen teacher's outputs, recorded once per training image for a fixed number of augmented
 * views ("fast knowledge distillation", Shen &amp; Xing, ECCV 2022; ReLabel, Yun et al. 2021):
 * students draw one recorded view per image per epoch, rebuild their large and small views from
 * its crop box and flip, and read the teacher's logits instead of running the teacher.
 *
 * <p>Storage: logits are kept whole, as 32-bit floats, because that is the only choice measured
 * to keep the losses equal to the live teacher's (TeacherCacheStorageMeasure; 2,000 views; the
 * demo teacher and student trained one epoch for 10 classes, synthetic confident logits for
 * 200; KD at t = 4, DKD alpha 1, beta 8):
 * <ul>
 *   <li>fp32, 57 bytes a record at 10 classes, 817 at 200: the losses exactly;
 *   <li>fp16, 37 and 417 bytes: KD off by 2e-5 and 3e-6 relative, DKD by 4e-6 and 2e-7: close,
 *       but beyond the 1e-5 the equality test (CachedLossesTest) allows;
 *   <li>top-k plus the rest spread evenly (Fast KD's format), 21-37 bytes at 10 classes (k = 1-5),
 *       37-97 at 200 (k = 5-20): KD off by 10-55 % and 57-83 %, DKD by 10-29 % and 59-84 %. At
 *       t = 4 the spread-out rest weighs as much as the kept classes, and DKD's non-target term
 *       lives on exactly the classes top-k drops.
 * </ul>
 * Whole fp32 costs 4.6 MB for the 10,000-image demo slice at 8 views and about 39 MB for CUB's
 * 5,994 images at 8 views: exact losses are worth that much disk.
 *
 * <p>The file lives beside the teacher's run folder ({@link #folderBeside}), named by its key
 * ({@link #fileFor}), so every seed, method and ratio that asks with the same key shares it (a
 * student at the teacher's own size gets a cache of its own: its one view is made its way). A
 * cache is loaded whole into memory (it is checked whole on opening anyway); files above 2 GB are
 * refused.
 */
public final class TeacherCache {
    /** The largest cache this workbench records and loads (it is held in memory, in Java arrays). */
    public static final long MAX_BYTES = Integer.MAX_VALUE - 16;

    private final Path file;
    private final CacheKey key;
    private final CacheRecords records;
    private final long sizeBytes;

    private TeacherCache(Path file, CacheKey key, CacheRecords records, long sizeBytes) {
        this.file = file;
        this.key = key;
        this.records = records;
        this.sizeBytes = sizeBytes;
    }

    /** Where the caches of a teacher (or TAS assistant) kept in {@code teacherRunDir} go. */
    public static Path folderBeside(Path teacherRunDir) {
        return teacherRunDir.resolve("teacher-cache");
    }

    /** The file of {@code key} in {@code folder}: its view count and the start of its digest. */
    public static Path fileFor(Path folder, CacheKey key) {
        return folder.resolve("views" + key.viewCount() + "-" + key.digest().substring(0, 16) + ".pdtc");
    }

    /**
     * Opens a cache after checking it whole: format, length, checksum, key and counts.
     *
     * @throws CacheInvalidException saying why it must not be used (missing, damaged, stale)
     */
    public static TeacherCache open(Path file, CacheKey key, int images, int classes) throws CacheInvalidException {
        CacheRecords r = CacheFile.read(file, CacheFile.WHOLE, key, images, key.viewCount(), classes);
        try {
            return new TeacherCache(file, key, r, Files.size(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read teacher cache " + file, e);
        }
    }

    /**
     * The cache of {@code build} in {@code folder}: opened when it is there and whole, else
     * recorded (resuming a stopped build of the same key). A damaged or stale file is never used:
     * the listener hears why, and it is recorded again. One run records a file at a time (a
     * {@link BuildLock} beside it): another that needs it meanwhile waits and then reuses it.
     *
     * @throws java.util.concurrent.CancellationException when {@code cancelled} turns true
     */
    public static TeacherCache openOrBuild(Path folder, CacheRecipe build, CacheListener listener, BooleanSupplier cancelled) {
        Path file = fileFor(folder, build.key());
        int images = build.imageCount();
        if (build.expectedBytes() > MAX_BYTES) {
            throw new IllegalArgumentException("a teacher cache of " + images + " images x " + build.key().viewCount()
                    + " views would take " + size(build.expectedBytes()) + ", more than the " + size(MAX_BYTES)
                    + " this workbench loads: record fewer views or run the teacher live");
        }
        try {
            TeacherCache cache = open(file, build.key(), images, build.outputsPerView());
            listener.onMessage("teacher cache reused: " + cache.describe());
            return cache;
        } catch (CacheInvalidException e) {
            // recorded below, by one run at a time: another may be recording this very file now
        }
        try (BuildLock lock = BuildLock.acquire(file, listener::onMessage, () -> {
            if (cancelled.getAsBoolean()) {
                throw new CancellationException("stopped while waiting for the teacher cache " + file);
            }
        })) {
            return openOrBuildLocked(file, build, listener, cancelled);
        }
    }

    /** {@link #openOrBuild} holding the file's lock: reuses what another run finished meanwhile. */
    private static TeacherCache openOrBuildLocked(Path file, CacheRecipe build, CacheListener listener,
            BooleanSupplier cancelled) {
        int images = build.imageCount();
        try {
            TeacherCache cache = open(file, build.key(), images, build.outputsPerView());
            listener.onMessage("teacher cache reused: " + cache.describe());
            return cache;
        } catch (CacheInvalidException e) {
            if ("missing".equals(e.getMessage())) {
                listener.onMessage("teacher cache not recorded yet: " + build.key().viewCount() + " views of " + images
                        + " images with " + build.teacherName()
                        + ", into " + file);
            } else {
                listener.onMessage("teacher cache " + file + " is unusable (" + e.getMessage() + "): recording it again");
                deleteQuietly(file);
            }
        }
        new TeacherCacheBuilder(build, listener, cancelled).build(file);
        try {
            TeacherCache cache = open(file, build.key(), images, build.outputsPerView());
            listener.onMessage("teacher cache ready: " + cache.describe());
            return cache;
        } catch (CacheInvalidException e) {
            throw new IllegalStateException("the teacher cache just written does not read back: " + e.getMessage());
        }
    }

    /**
     * Epoch {@code epoch}'s batches for a student: the live loader's order and batches, each image
     * shown in one of its recorded views, with the teacher's logits for it.
     */
    public BatchLoader loader(ImageDataset images, TwoViewSampler sampler, int batchSize, long seed, int epoch, int workers) {
        return new BatchLoader(new CachedBatchSource(this, images, sampler, batchSize, seed, epoch), workers);
    }

    public CropBox box(int image, int view) {
        return records.box(record(image, view));
    }

    public boolean flipped(int image, int view) {
        return records.flips()[record(image, view)];
    }

    /** Copies the teacher's logits for one recorded view into {@code out} at {@code offset}. */
    public void copyLogits(int image, int view, float[] out, int offset) {
        System.arraycopy(records.logits(), record(image, view) * classes(), out, offset, classes());
    }

    public Path file() {
        return file;
    }

    public CacheKey key() {
        return key;
    }

    public int images() {
        return records.images();
    }

    public int views() {
        return records.views();
    }

    public int classes() {
        return records.classes();
    }

    /** Bytes on disk. */
    public long sizeBytes() {
        return sizeBytes;
    }

    /** "10000 images x 4 views, 2.3 MB, at /path" for the console. */
    public String describe() {
        return images() + " images x " + views() + " views, " + size(sizeBytes) + ", at " + file;
    }

    /** "840 kB", "4.6 MB" (decimal units, as file managers show them). */
    public static String size(long bytes) {
        return bytes < 1_000_000 ? String.format(Locale.ROOT, "%d kB", (bytes + 500) / 1000)
                : String.format(Locale.ROOT, "%.1f MB", bytes / 1e6);
    }

    private int record(int image, int view) {
        if (image < 0 || image >= images() || view < 0 || view >= views()) {
            throw new IndexOutOfBoundsException("no recorded view " + view + " of image " + image);
        }
        return image * views() + view;
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // the rebuild overwrites it atomically anyway
        }
    }
}
