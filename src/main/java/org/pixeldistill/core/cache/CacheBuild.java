package org.pixeldistill.core.cache;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.pixeldistill.core.data.ImageDataset;
import org.pixeldistill.core.data.TwoViewSampler;

/**
 * One request to record a teacher cache.
 *
 * @param teacher the frozen network
 * @param images the training split, exactly as the students will read it
 * @param sampler draws the views; its large size is the teacher's input size
 * @param key what the file is for; its view recipe, count and seed drive the draws
 * @param batchSize views per teacher forward pass (the training batch size is a safe choice)
 * @param workers threads that decode images and make views while the teacher runs
 * @param chunkImages images per chunk of progress: a stopped build loses at most one chunk
 */
public record CacheBuild(CacheTeacher teacher, ImageDataset images, TwoViewSampler sampler, CacheKey key,
        int batchSize, int workers, int chunkImages) implements CacheRecipe {
    static final int DEFAULT_BATCH = 64;
    static final int DEFAULT_CHUNK = 1024;

    public CacheBuild {
        if (batchSize < 1 || workers < 1 || chunkImages < 1) {
            throw new IllegalArgumentException("batch size, workers and chunk size must be >= 1");
        }
        if (!sampler.largeViewRecipe().equals(key.views())) {
            throw new IllegalArgumentException("the key was made for other views than the sampler draws: "
                    + key.views() + " vs " + sampler.largeViewRecipe());
        }
        if (sampler.largeSize() != teacher.spec().inputSize()) {
            throw new IllegalArgumentException("the sampler's large view is " + sampler.largeSize()
                    + " pixels, the teacher takes " + teacher.spec().inputSize());
        }
        if (images.numClasses() != teacher.spec().classes() || images.channels() != teacher.spec().channels()) {
            throw new IllegalArgumentException("the teacher has " + teacher.spec().classes() + " classes and "
                    + teacher.spec().channels() + " channel(s), the images " + images.numClasses() + " and "
                    + images.channels());
        }
    }

    @Override
    public int imageCount() {
        return images.size();
    }

    @Override
    public int outputsPerView() {
        return classes();
    }

    @Override
    public ViewBatch makeViews(long fromPair, long toPair) {
        return ViewBatch.make(images, sampler, views(), key.seed(), fromPair, toPair);
    }

    @Override
    public float[] teacherOutputs(ViewBatch vb) {
        int size = sampler.largeSize();
        try (NDManager batch = teacher.manager().newSubManager()) {
            NDArray x = batch.create(vb.pixels(), new Shape(vb.count(), images.channels(), size, size));
            NDArray logits = teacher.evalLogits().apply(x);
            if (!logits.getShape().equals(new Shape(vb.count(), classes()))) {
                throw new IllegalStateException("the teacher gave logits of shape " + logits.getShape() + " for "
                        + vb.count() + " views of " + classes() + " classes");
            }
            return logits.toFloatArray();
        }
    }

    @Override
    public String teacherName() {
        return teacher.spec().name() + " at " + teacher.spec().inputSize();
    }

    /** Batches of {@value #DEFAULT_BATCH} views, 2 workers, chunks of {@value #DEFAULT_CHUNK} images. */
    public static CacheBuild of(CacheTeacher teacher, ImageDataset images, TwoViewSampler sampler, CacheKey key) {
        return new CacheBuild(teacher, images, sampler, key, DEFAULT_BATCH, 2, DEFAULT_CHUNK);
    }

    public CacheBuild withBatchSize(int size) {
        return new CacheBuild(teacher, images, sampler, key, size, workers, chunkImages);
    }

    public CacheBuild withWorkers(int threads) {
        return new CacheBuild(teacher, images, sampler, key, batchSize, threads, chunkImages);
    }

    public CacheBuild withChunkImages(int count) {
        return new CacheBuild(teacher, images, sampler, key, batchSize, workers, count);
    }

    int views() {
        return key.viewCount();
    }

    int classes() {
        return teacher.spec().classes();
    }
}
