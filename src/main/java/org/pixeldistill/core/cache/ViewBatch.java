package org.pixeldistill.core.cache;

import org.pixeldistill.core.config.ConfigException;
import org.pixeldistill.core.data.CropBox;
import org.pixeldistill.core.data.ImageDataset;
import org.pixeldistill.core.data.RawImage;
import org.pixeldistill.core.data.TwoViewSampler;

/**
 * The teacher's input for a run of recorded views (pairs {@code image * views + view}, from
 * {@code fromPair} on): their large views, channel-major one after another, and the box and flip
 * each was drawn with. A detector's recipe makes its own (the box is then the square its
 * letterboxed view covers).
 */
public record ViewBatch(long fromPair, int count, float[] pixels, float[] boxes, boolean[] flips) {
    /**
     * Draws and makes pairs {@code [from, to)}. An image that does not decode gets a black view
     * and a one-pixel box: students skip it anyway, as they skip it without a cache.
     */
    static ViewBatch make(ImageDataset images, TwoViewSampler sampler, int views, long seed, long from, long to) {
        int n = Math.toIntExact(to - from);
        int size = sampler.largeSize();
        int viewLength = images.channels() * size * size;
        float[] pixels = new float[n * viewLength];
        float[] boxes = new float[4 * n];
        boolean[] flips = new boolean[n];
        int decoded = -1;
        RawImage img = null;
        for (int k = 0; k < n; k++) {
            int image = (int) ((from + k) / views);
            int view = (int) ((from + k) % views);
            if (image != decoded) {
                img = decode(images, image);
                decoded = image;
            }
            CropBox box = new CropBox(0, 0, 1, 1);
            if (img != null) {
                TwoViewSampler.Draw d = sampler.draw(img, RecordedViews.generator(seed, image, view));
                box = d.box();
                flips[k] = d.flipped();
                System.arraycopy(sampler.largeView(img, box, d.flipped()), 0, pixels, k * viewLength, viewLength);
            }
            boxes[4 * k] = box.x0();
            boxes[4 * k + 1] = box.y0();
            boxes[4 * k + 2] = box.w();
            boxes[4 * k + 3] = box.h();
        }
        return new ViewBatch(from, n, pixels, boxes, flips);
    }

    private static RawImage decode(ImageDataset images, int index) {
        try {
            RawImage img = images.image(index);
            if (img.channels() != images.channels()) {
                throw new IllegalStateException(images.name() + " image " + index + " has " + img.channels()
                        + " channels, the data set promises " + images.channels());
            }
            return img;
        } catch (ConfigException undecodable) {
            return null;
        }
    }
}
