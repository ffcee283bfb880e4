package org.pixeldistill.core.data;

import java.util.Random;
import org.pixeldistill.core.config.DataConfig;

/**
 * Makes the two views of METHOD.md from one image: one crop box (and one flip decision), resized
 * to the teacher's large size and to the student's small size, both normalised. Stateless apart
 * from its settings, so one sampler serves many threads.
 *
 * <p>The large view uses bilinear, or area when it shrinks the box more than {@value #AREA_ABOVE}
 * times (bilinear would alias there). The small view uses {@code data.interpolation}. When the
 * two sizes are equal a single array, made the small view's way, serves as both, so a student
 * trained alone sees the same pixels as a distilled one.
 */
public final class TwoViewSampler {
    static final double AREA_ABOVE = 1.5;
    private static final double MIN_RATIO = 3.0 / 4.0;
    private static final double MAX_RATIO = 4.0 / 3.0;
    private static final int RRC_TRIES = 10;

    /** The normalised views (channel-major), the box they were cut from and whether they are mirrored. */
    public record Views(float[] large, float[] small, CropBox box, boolean flipped) {}

    private final String crop;
    private final double scaleLow;
    private final double scaleHigh;
    private final int pad;
    private final boolean flip;
    private final Interpolation smallMode;
    private final double testCrop;
    private final int largeSize;
    private final int smallSize;
    private final Normalization norm;

    public TwoViewSampler(DataConfig cfg, int largeSize, int smallSize, float[] mean, float[] std) {
        if (largeSize < 1 || smallSize < 1) {
            throw new IllegalArgumentException("view sizes must be >= 1, got " + largeSize + " and " + smallSize);
        }
        if (mean.length != std.length || mean.length == 0) {
            throw new IllegalArgumentException("mean and std need the same, non-zero length");
        }
        this.crop = cfg.crop();
        this.scaleLow = cfg.cropScale().get(0);
        this.scaleHigh = cfg.cropScale().get(1);
        this.pad = cfg.pad();
        this.flip = cfg.flip();
        this.smallMode = Interpolation.parse(cfg.interpolation());
        this.testCrop = cfg.testCrop();
        this.largeSize = largeSize;
        this.smallSize = smallSize;
        this.norm = new Normalization(mean.clone(), std.clone());
    }

    public int largeSize() {
        return largeSize;
    }

    public int smallSize() {
        return smallSize;
    }

    /** The random part of one training view: its crop box and whether it is mirrored. */
    public record Draw(CropBox box, boolean flipped) {}

    /** Training views: a random box per {@code data.crop}, a random flip when {@code data.flip}. */
    public Views train(RawImage img, Random rng) {
        Draw d = draw(img, rng);
        return rebuild(img, d.box(), d.flipped());
    }

    /** The box and flip {@link #train} would use with this {@code rng}, without making the views. */
    public Draw draw(RawImage img, Random rng) {
        CropBox box = trainBox(img, rng);
        return new Draw(box, flip && rng.nextBoolean());
    }

    /**
     * The training views of a given box and flip, pixel for pixel what {@link #train} makes after
     * drawing them: a recorded view (the teacher cache's) comes back exactly.
     */
    public Views rebuild(RawImage img, CropBox box, boolean mirrored) {
        float[] small = view(img, box, smallSize, smallMode, mirrored);
        float[] large = largeSize == smallSize ? small : largeView(img, box, mirrored);
        return new Views(large, small, box, mirrored);
    }

    /**
     * The large view alone, as {@link #rebuild} makes it (with equal sizes: the one array made the
     * small view's way): what a teacher cache shows the teacher.
     */
    public float[] largeView(RawImage img, CropBox box, boolean mirrored) {
        if (largeSize == smallSize) {
            return view(img, box, smallSize, smallMode, mirrored);
        }
        return view(img, box, largeSize, largeMode(box, largeSize), mirrored);
    }

    /**
     * Everything that decides a training draw and its large view, as text: the crop and its
     * settings, the flip, the large size and interpolation rule, the normalisation. Two samplers
     * with equal recipes draw equal boxes from equal generators and make equal large views; the
     * small size and interpolation are left out on purpose (a teacher cache serves every ratio),
     * except when the sizes are equal, where the small view's interpolation makes the one array.
     */
    public String largeViewRecipe() {
        String cropText = switch (crop) {
            case "rrc" -> "rrc scale=[" + scaleLow + "," + scaleHigh + "] ratio=[3/4,4/3]";
            case "pad" -> "pad " + pad;
            default -> crop;
        };
        String large = largeSize == smallSize ? " made as the small view (" + smallMode.name().toLowerCase(java.util.Locale.ROOT) + ")"
                : " bilinear, area above " + AREA_ABOVE + "x";
        return "crop=" + cropText + "; flip=" + flip + "; large=" + largeSize + large + "; mean=" + java.util.Arrays.toString(norm.mean())
                + " std=" + java.util.Arrays.toString(norm.std());
    }

    /**
     * Test views: as "resize the short side to round(size / testCrop), centre-crop size" for each
     * view, done in one resampling step. The box reported is the small view's.
     */
    public Views test(RawImage img) {
        CropBox smallBox = testBox(img, smallSize);
        float[] small = view(img, smallBox, smallSize, smallMode, false);
        float[] large = small;
        if (largeSize != smallSize) {
            CropBox largeBox = testBox(img, largeSize);
            large = view(img, largeBox, largeSize, largeMode(largeBox, largeSize), false);
        }
        return new Views(large, small, smallBox, false);
    }

    /** The crop box of one training draw (the first draws of {@code rng}). */
    CropBox trainBox(RawImage img, Random rng) {
        int h = img.height();
        int w = img.width();
        return switch (crop) {
            case "rrc" -> randomResizedBox(w, h, rng);
            case "pad" -> new CropBox(rng.nextInt(2 * pad + 1) - pad, rng.nextInt(2 * pad + 1) - pad, w, h);
            default -> CropBox.of(img);
        };
    }

    /** torchvision's RandomResizedCrop parameters: area share and log-uniform aspect ratio. */
    private CropBox randomResizedBox(int width, int height, Random rng) {
        double area = (double) width * height;
        double logLow = Math.log(MIN_RATIO);
        double logHigh = Math.log(MAX_RATIO);
        for (int attempt = 0; attempt < RRC_TRIES; attempt++) {
            double target = area * (scaleLow + (scaleHigh - scaleLow) * rng.nextDouble());
            double ratio = Math.exp(logLow + (logHigh - logLow) * rng.nextDouble());
            int w = (int) Math.round(Math.sqrt(target * ratio));
            int h = (int) Math.round(Math.sqrt(target / ratio));
            if (w > 0 && w <= width && h > 0 && h <= height) {
                int y = rng.nextInt(height - h + 1);
                int x = rng.nextInt(width - w + 1);
                return new CropBox(x, y, w, h);
            }
        }
        // Fallback: the largest centred box whose ratio is inside the allowed range.
        double inRatio = (double) width / height;
        int w = width;
        int h = height;
        if (inRatio < MIN_RATIO) {
            h = (int) Math.round(w / MIN_RATIO);
        } else if (inRatio > MAX_RATIO) {
            w = (int) Math.round(h * MAX_RATIO);
        }
        return new CropBox((width - w) / 2, (height - h) / 2, w, h);
    }

    private CropBox testBox(RawImage img, int size) {
        int shortSide = Math.min(img.width(), img.height());
        long resized = Math.max(size, Math.round(size / testCrop));
        float side = (float) ((double) size * shortSide / resized);
        return new CropBox((img.width() - side) / 2f, (img.height() - side) / 2f, side, side);
    }

    private static Interpolation largeMode(CropBox box, int size) {
        return Math.max(box.w(), box.h()) > AREA_ABOVE * size ? Interpolation.AREA : Interpolation.BILINEAR;
    }

    private float[] view(RawImage img, CropBox box, int size, Interpolation mode, boolean mirrored) {
        return norm.view(img, box, size, mode, mirrored);
    }
}
