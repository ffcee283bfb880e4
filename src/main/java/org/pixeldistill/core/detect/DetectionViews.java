package org.pixeldistill.core.detect;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.pixeldistill.core.data.CropBox;
import org.pixeldistill.core.data.Interpolation;
import org.pixeldistill.core.data.Normalization;
import org.pixeldistill.core.data.RawImage;
import org.pixeldistill.core.data.Resizer;

/**
 * The two views of a detection sample, in the spirit of {@link org.pixeldistill.core.data.TwoViewSampler}:
 * the teacher's large view at {@code S} and the student's small view at {@code S/r} of the same
 * whole image, mirrored together or not at all, normalised with the data set's mean and std, each
 * with the boxes mapped into it.
 *
 * <p>The image is letterboxed rather than squashed: the square {@code L x L} (L the longer side)
 * from the top-left corner is resized, the part past the image being 0 (black before
 * normalisation). So one factor {@code size / L} scales both axes and the boxes need no shift; the
 * small view's boxes are the large view's scaled by {@code 1/r}. Resizing uses the half-pixel
 * convention, in which scaling box corners by the same factor is exact.
 *
 * <p>As in the classification path, the large view uses bilinear (area when it shrinks more than
 * 1.5 times, where bilinear aliases), the small view the configured interpolation, and when both
 * sizes are equal one array, made the small view's way, serves as both.
 */
public final class DetectionViews {
    /** Above this shrink factor the large view averages areas (the classification sampler's rule). */
    private static final double AREA_ABOVE = 1.5;

    /**
     * Normalised pixels of each view (channels x size x size), the boxes in each view's pixels (in
     * the sample's order, same labels) and whether both views are mirrored.
     */
    public record Views(float[] large, float[] small, List<Box> largeBoxes, List<Box> smallBoxes, int[] labels,
            boolean flipped) {}

    private final int largeSize;
    private final int smallSize;
    private final Interpolation smallMode;
    private final Normalization norm;
    private final boolean flip;

    /** {@code flip}: whether {@link #train} may mirror a sample (for digits or text, say, it must not). */
    public DetectionViews(int largeSize, int smallSize, Interpolation smallMode, Normalization norm, boolean flip) {
        if (largeSize < 1 || smallSize < 1) {
            throw new IllegalArgumentException("view sizes must be >= 1, got " + largeSize + " and " + smallSize);
        }
        if (norm.mean().length != norm.std().length || norm.mean().length == 0) {
            throw new IllegalArgumentException("mean and std need the same, non-zero length");
        }
        this.largeSize = largeSize;
        this.smallSize = smallSize;
        this.smallMode = smallMode;
        this.norm = norm;
        this.flip = flip;
    }

    public int largeSize() {
        return largeSize;
    }

    public int smallSize() {
        return smallSize;
    }

    /**
     * What makes the teacher's (large) view, in words, for a teacher cache's key: a cache recorded
     * with another size, normalisation or flip rule is never used.
     */
    public String largeViewRecipe() {
        return "detection: whole image letterboxed to " + largeSize + "x" + largeSize
                + " (bilinear, area past 1.5x shrink), mean " + java.util.Arrays.toString(norm.mean()) + ", std "
                + java.util.Arrays.toString(norm.std()) + ", flip " + (flip ? "on" : "off") + ", student at " + smallSize;
    }

    /** Whether training views may be mirrored ({@code data.flip}). */
    public boolean flips() {
        return flip;
    }

    /** Training views: mirrored with probability 1/2 (one draw of {@code rng}) when flipping is on. */
    public Views train(AnnotatedImage sample, Random rng) {
        return views(sample, flip && rng.nextBoolean());
    }

    /** Test views: never mirrored. */
    public Views test(AnnotatedImage sample) {
        return views(sample, false);
    }

    /** Both views, mirrored left-right when {@code mirrored}. */
    public Views views(AnnotatedImage sample, boolean mirrored) {
        RawImage img = sample.image();
        int side = Math.max(img.width(), img.height());
        CropBox square = new CropBox(0, 0, side, side);
        float[] small = view(img, square, smallSize, smallMode, mirrored);
        float[] large = largeSize == smallSize ? small : view(img, square, largeSize, largeMode(side), mirrored);
        return new Views(large, small, mapBoxes(sample.boxes(), side, largeSize, mirrored),
                mapBoxes(sample.boxes(), side, smallSize, mirrored), sample.labels(), mirrored);
    }

    private Interpolation largeMode(int side) {
        return side > AREA_ABOVE * largeSize ? Interpolation.AREA : Interpolation.BILINEAR;
    }

    private static List<Box> mapBoxes(List<Box> boxes, int side, int size, boolean mirrored) {
        float factor = (float) size / side;
        List<Box> out = new ArrayList<>(boxes.size());
        for (Box b : boxes) {
            Box scaled = b.scaled(factor);
            out.add(mirrored ? scaled.flippedX(size) : scaled);
        }
        return List.copyOf(out);
    }

    private float[] view(RawImage img, CropBox square, int size, Interpolation mode, boolean mirrored) {
        return norm.view(img, square, size, mode, mirrored);
    }
}
