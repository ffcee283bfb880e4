package org.pixeldistill.core.detect;

import java.util.List;

/** The first {@code limit} images of a detection data set (the order its reader gives). */
final class LimitedDetectionDataset implements DetectionDataset {
    private final DetectionDataset inner;
    private final int limit;

    private LimitedDetectionDataset(DetectionDataset inner, int limit) {
        this.inner = inner;
        this.limit = limit;
    }

    /** {@code inner} itself when the limit is 0 or not smaller than its size. */
    static DetectionDataset of(DetectionDataset inner, int limit) {
        return limit <= 0 || limit >= inner.size() ? inner : new LimitedDetectionDataset(inner, limit);
    }

    @Override
    public String name() {
        return inner.name();
    }

    @Override
    public int size() {
        return limit;
    }

    @Override
    public AnnotatedImage sample(int i) {
        if (i < 0 || i >= limit) {
            throw new IndexOutOfBoundsException(i);
        }
        return inner.sample(i);
    }

    @Override
    public List<String> classNames() {
        return inner.classNames();
    }

    @Override
    public int channels() {
        return inner.channels();
    }

    @Override
    public AnnotationIssues issues() {
        return inner.issues();
    }
}
