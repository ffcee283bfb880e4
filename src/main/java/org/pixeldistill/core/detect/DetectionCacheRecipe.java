package org.pixeldistill.core.detect;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.pixeldistill.core.cache.CacheKey;
import org.pixeldistill.core.cache.CacheRecipe;
import org.pixeldistill.core.cache.ViewBatch;
import org.pixeldistill.core.config.ConfigException;

/**
 * How a frozen detector's teacher cache is recorded: the detection pipeline's only augmentation is
 * mirroring the whole letterboxed image (boxes mirrored with it), so view {@code v} of an image is
 * that image mirrored when {@code v} is odd and flipping is on, and the recorded box is the square
 * the view covers. Per view the record holds what {@link DetectionCacheLayout} lays out.
 */
final class DetectionCacheRecipe implements CacheRecipe {
    private final DetectionDataset images;
    private final DetectionViews views;
    private final DetectorNetwork teacher;
    private final DetectionCacheLayout layout;
    private final CacheKey key;
    private final int batchSize;
    private final int workers;

    DetectionCacheRecipe(DetectionDataset images, DetectionViews views, DetectorNetwork teacher,
            DetectionCacheLayout layout, CacheKey key, int batchSize, int workers) {
        if (views.largeSize() != teacher.inputSize()) {
            throw new IllegalArgumentException("the large view is " + views.largeSize() + " pixels, the teacher takes "
                    + teacher.inputSize());
        }
        this.images = images;
        this.views = views;
        this.teacher = teacher;
        this.layout = layout;
        this.key = key;
        this.batchSize = batchSize;
        this.workers = workers;
    }

    /** Whether recorded view {@code view} is the mirrored one. */
    static boolean mirrored(DetectionViews views, int view) {
        return views.flips() && view % 2 == 1;
    }

    @Override
    public CacheKey key() {
        return key;
    }

    @Override
    public int imageCount() {
        return images.size();
    }

    @Override
    public int outputsPerView() {
        return layout.perView();
    }

    @Override
    public int batchSize() {
        return batchSize;
    }

    @Override
    public int workers() {
        return workers;
    }

    @Override
    public int chunkImages() {
        // a detector's record is ~100 times a classifier's: smaller chunks keep a build's memory modest
        return 128;
    }

    @Override
    public ViewBatch makeViews(long fromPair, long toPair) {
        int n = Math.toIntExact(toPair - fromPair);
        int count = key.viewCount();
        int viewLength = images.channels() * views.largeSize() * views.largeSize();
        float[] pixels = new float[n * viewLength];
        float[] boxes = new float[4 * n];
        boolean[] flips = new boolean[n];
        int decoded = -1;
        AnnotatedImage sample = null;
        for (int k = 0; k < n; k++) {
            int image = (int) ((fromPair + k) / count);
            int view = (int) ((fromPair + k) % count);
            if (image != decoded) {
                sample = decode(image);
                decoded = image;
            }
            float side = 1;
            if (sample != null) {
                flips[k] = mirrored(views, view);
                System.arraycopy(views.views(sample, flips[k]).large(), 0, pixels, k * viewLength, viewLength);
                side = Math.max(sample.image().width(), sample.image().height());
            }
            boxes[4 * k + 2] = side;
            boxes[4 * k + 3] = side;
        }
        return new ViewBatch(fromPair, n, pixels, boxes, flips);
    }

    @Override
    public float[] teacherOutputs(ViewBatch vb) {
        int size = views.largeSize();
        try (NDManager batch = teacher.manager().newSubManager()) {
            DetectorNetwork.Output out = teacher.forward(batch.create(vb.pixels(),
                    new Shape(vb.count(), images.channels(), size, size)), false);
            return layout.record(out, vb.count());
        }
    }

    @Override
    public String teacherName() {
        return "detector " + teacher.spec().backbone().name() + " at " + teacher.inputSize();
    }

    /** An image that does not decode gets a black view here; a student's batch then meets the same error the live one does. */
    private AnnotatedImage decode(int index) {
        try {
            return images.sample(index);
        } catch (ConfigException undecodable) {
            return null;
        }
    }
}
