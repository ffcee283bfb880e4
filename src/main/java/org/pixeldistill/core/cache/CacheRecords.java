package org.pixeldistill.core.cache;

import java.util.List;
import org.pixeldistill.core.data.CropBox;

/**
 * The recorded views of a run of consecutive images, in memory: for image {@code i} (counted from
 * {@code firstImage}) and view {@code v}, record {@code r = i * views + v} holds the crop box
 * (x0, y0, w, h in pixels), the flip and the teacher's logits for that view.
 */
record CacheRecords(int firstImage, int images, int views, int classes, float[] boxes, boolean[] flips, float[] logits) {
    CacheRecords {
        long records = (long) images * views;
        if (boxes.length != 4 * records || flips.length != records || logits.length != records * classes) {
            throw new IllegalArgumentException("record arrays do not match " + images + " images x " + views + " views");
        }
    }

    /** Empty records for {@code images} images, to be filled. */
    static CacheRecords blank(int firstImage, int images, int views, int classes) {
        int records = Math.multiplyExact(images, views);
        return new CacheRecords(firstImage, images, views, classes, new float[4 * records], new boolean[records],
                new float[Math.multiplyExact(records, classes)]);
    }

    int records() {
        return images * views;
    }

    /** One past the last image. */
    int end() {
        return firstImage + images;
    }

    CropBox box(int record) {
        return new CropBox(boxes[4 * record], boxes[4 * record + 1], boxes[4 * record + 2], boxes[4 * record + 3]);
    }

    void setBox(int record, CropBox box) {
        boxes[4 * record] = box.x0();
        boxes[4 * record + 1] = box.y0();
        boxes[4 * record + 2] = box.w();
        boxes[4 * record + 3] = box.h();
    }

    /** Consecutive runs (each starting where the one before ends) as one. */
    static CacheRecords join(List<CacheRecords> runs) {
        CacheRecords first = runs.get(0);
        int images = 0;
        for (CacheRecords r : runs) {
            if (r.firstImage() != first.firstImage() + images || r.views() != first.views() || r.classes() != first.classes()) {
                throw new IllegalArgumentException("cache runs are not consecutive at image " + r.firstImage());
            }
            images += r.images();
        }
        CacheRecords all = blank(first.firstImage(), images, first.views(), first.classes());
        int at = 0;
        for (CacheRecords r : runs) {
            System.arraycopy(r.boxes(), 0, all.boxes(), 4 * at, r.boxes().length);
            System.arraycopy(r.flips(), 0, all.flips(), at, r.flips().length);
            System.arraycopy(r.logits(), 0, all.logits(), at * first.classes(), r.logits().length);
            at += r.records();
        }
        return all;
    }
}
