package org.pixeldistill.core.cache;

/**
 * What recording a teacher cache needs, whatever the teacher: the key, how many images, how many
 * floats the teacher gives per view, how to make a run of views and how to run the teacher on
 * them. A classifier's is {@link CacheBuild} (logits of crop-and-flip views); a detector's lives
 * in core/detect (class logits, box offsets and maybe pyramid features of mirrored views). The
 * file format, chunks, resuming, locking and checks are the same for both.
 */
public interface CacheRecipe {
    CacheKey key();

    /** Training images the cache covers, in the order students index them. */
    int imageCount();

    /** Floats recorded per view: the classes for a classifier, everything the teacher gives for a detector. */
    int outputsPerView();

    /** Views per teacher forward pass. */
    int batchSize();

    /** Threads that make views while the teacher runs. */
    int workers();

    /** Images per chunk of progress: a stopped build loses at most one chunk. */
    int chunkImages();

    /**
     * The teacher's input for pairs {@code [fromPair, toPair)} (pair = image x views + view), with
     * the box and flip of each; called on worker threads, so it must depend only on its arguments.
     */
    ViewBatch makeViews(long fromPair, long toPair);

    /** The teacher's outputs for a batch of views, {@code outputsPerView()} floats each, in inference mode. */
    float[] teacherOutputs(ViewBatch views);

    /** The frozen network in a few words, for the console ("resnet18 at 112"). */
    String teacherName();

    /** Bytes the cache file will take: compared with {@link TeacherCache#MAX_BYTES} before recording. */
    default long expectedBytes() {
        return CacheFile.headerBytes(key()) + (long) imageCount() * key().viewCount()
                * CacheFile.recordBytes(outputsPerView()) + 4;
    }
}
