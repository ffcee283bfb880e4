package org.pixeldistill.core.detect;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.pixeldistill.core.data.CropBox;
import org.pixeldistill.core.data.FashionMnist;
import org.pixeldistill.core.data.ImageDataset;
import org.pixeldistill.core.data.Interpolation;
import org.pixeldistill.core.data.RawImage;
import org.pixeldistill.core.data.Resizer;
import org.pixeldistill.core.data.Seeds;

/**
 * A detection set generated from a classification set, so the detector demo needs no download:
 * each scene is a square canvas with 1 to {@code maxItems} images of the source set, each scaled to
 * a random side and placed so that items overlap little, over a cluttered background (see
 * {@link SceneBackground}); items are composited with max(). An item's box is TIGHT: the bounding
 * box of its scaled pixels above {@code threshold}, not its whole square. Its class is the source
 * image's label.
 *
 * <p>Scene {@code i} is built on demand from Randoms seeded by (seed, i), so the same seed and index
 * always give the same pixels and boxes, and nothing but the source set is held in memory.
 */
public final class FashionMnistScenes implements DetectionDataset {
    public static final String NAME = "fashion-mnist-scenes";
    /** Placements tried for an item before it is left out of its scene. */
    static final int PLACE_TRIES = 20;

    /**
     * How scenes are drawn.
     *
     * @param canvas side of the square scene in pixels
     * @param maxItems most items per scene (the first always finds a place)
     * @param minSide smallest side an item is scaled to
     * @param maxSide largest side an item is scaled to
     * @param maxIou largest IoU of an item's box with any earlier item's box
     * @param threshold pixel value above which a scaled item's pixel belongs to its box
     */
    public record Settings(int canvas, int maxItems, int minSide, int maxSide, float maxIou, float threshold) {
        public Settings {
            if (canvas < 8 || maxItems < 1 || minSide < 2 || minSide > maxSide || maxSide > canvas) {
                throw new IllegalArgumentException("scene settings need canvas >= 8, maxItems >= 1 and 2 <= minSide <= maxSide"
                        + " <= canvas, got " + canvas + ", " + maxItems + ", " + minSide + ", " + maxSide);
            }
            if (!(maxIou >= 0 && maxIou <= 1) || !(threshold > 0 && threshold < 1)) {
                throw new IllegalArgumentException("maxIou must be in [0, 1] and threshold in (0, 1)");
            }
        }

        /** Up to 4 items with sides from canvas/7 to canvas/2 (16..56 at 112), IoU at most 0.1. */
        public static Settings forCanvas(int canvas) {
            int minSide = Math.max(2, Math.round(canvas / 7f));
            return new Settings(canvas, 4, minSide, Math.max(minSide, canvas / 2), 0.1f, 0.1f);
        }
    }

    private final ImageDataset items;
    private final int count;
    private final long seed;
    private final Settings settings;

    /** {@code count} scenes from the images of {@code items}. */
    public FashionMnistScenes(ImageDataset items, int count, long seed, Settings settings) {
        if (count < 1 || items.size() < 1) {
            throw new IllegalArgumentException("need at least one scene and one source image, got " + count + " and " + items.size());
        }
        this.items = items;
        this.count = count;
        this.seed = seed;
        this.settings = settings;
    }

    /**
     * {@code count} scenes from the Fashion-MNIST folder {@code folder} (for example the committed
     * assets/fashion-mnist): train scenes from the train images, test scenes from the test images,
     * the split mixed into the seed so the two never share a layout.
     */
    public static FashionMnistScenes open(Path folder, boolean train, int count, long seed, Settings settings) {
        return new FashionMnistScenes(FashionMnist.load(folder, train), count, Seeds.mix(seed, train ? 0 : 1), settings);
    }

    public Settings settings() {
        return settings;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int size() {
        return count;
    }

    @Override
    public AnnotatedImage sample(int index) {
        int s = settings.canvas();
        int channels = items.channels();
        float[] canvas = new float[channels * s * s];
        SceneBackground.paint(canvas, channels, s, new Random(Seeds.mix(seed, index, 1)));
        List<PlacedItem> placed = layout(index);
        List<Box> boxes = new ArrayList<>();
        int[] labels = new int[placed.size()];
        for (int k = 0; k < placed.size(); k++) {
            PlacedItem item = placed.get(k);
            composite(canvas, channels, s, item);
            boxes.add(item.box());
            labels[k] = item.label();
        }
        return new AnnotatedImage(new RawImage(canvas, channels, s, s), boxes, labels);
    }

    /** The items of scene {@code index}, in drawing order. */
    List<PlacedItem> layout(int index) {
        Random rng = new Random(Seeds.mix(seed, index, 0));
        int s = settings.canvas();
        int wanted = 1 + rng.nextInt(settings.maxItems());
        List<PlacedItem> placed = new ArrayList<>();
        for (int k = 0; k < wanted; k++) {
            int source = rng.nextInt(items.size());
            int side = settings.minSide() + rng.nextInt(settings.maxSide() - settings.minSide() + 1);
            RawImage img = items.image(source);
            // Area averaging when shrinking (no aliasing), bilinear when enlarging.
            Interpolation mode = side < Math.max(img.width(), img.height()) ? Interpolation.AREA : Interpolation.BILINEAR;
            float[] pixels = Resizer.resize(img, CropBox.of(img), side, mode);
            int[] tight = tightBounds(pixels, img.channels(), side, settings.threshold());
            if (tight == null) {
                continue; // nothing visible at this size: not an object
            }
            for (int attempt = 0; attempt < PLACE_TRIES; attempt++) {
                int x = rng.nextInt(s - side + 1);
                int y = rng.nextInt(s - side + 1);
                Box box = new Box(x + tight[0], y + tight[1], x + tight[2], y + tight[3]);
                if (fits(box, placed)) {
                    placed.add(new PlacedItem(pixels, side, x, y, box, items.label(source), source));
                    break;
                }
            }
        }
        return placed;
    }

    private boolean fits(Box box, List<PlacedItem> placed) {
        for (PlacedItem p : placed) {
            if (box.iou(p.box()) > settings.maxIou()) {
                return false;
            }
        }
        return true;
    }

    /** {x0, y0, x1, y1} (x1, y1 exclusive) of the pixels above {@code threshold} in any channel, or null. */
    static int[] tightBounds(float[] pixels, int channels, int side, float threshold) {
        int x0 = side;
        int y0 = side;
        int x1 = -1;
        int y1 = -1;
        int plane = side * side;
        for (int c = 0; c < channels; c++) {
            for (int y = 0; y < side; y++) {
                for (int x = 0; x < side; x++) {
                    if (pixels[c * plane + y * side + x] > threshold) {
                        x0 = Math.min(x0, x);
                        y0 = Math.min(y0, y);
                        x1 = Math.max(x1, x);
                        y1 = Math.max(y1, y);
                    }
                }
            }
        }
        return x1 < 0 ? null : new int[] {x0, y0, x1 + 1, y1 + 1};
    }

    private static void composite(float[] canvas, int channels, int s, PlacedItem item) {
        int side = item.side();
        for (int c = 0; c < channels; c++) {
            for (int y = 0; y < side; y++) {
                int src = c * side * side + y * side;
                int dst = c * s * s + (item.y() + y) * s + item.x();
                for (int x = 0; x < side; x++) {
                    canvas[dst + x] = Math.max(canvas[dst + x], item.pixels()[src + x]);
                }
            }
        }
    }

    @Override
    public List<String> classNames() {
        return items.classNames();
    }

    @Override
    public int channels() {
        return items.channels();
    }

    @Override
    public AnnotationIssues issues() {
        return AnnotationIssues.none();
    }
}
