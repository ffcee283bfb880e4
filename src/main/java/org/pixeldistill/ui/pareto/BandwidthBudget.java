package org.pixeldistill.ui.pareto;

import java.util.Locale;
import java.util.OptionalDouble;
import org.pixeldistill.core.cost.CostReport;

/**
 * What a link can carry: {@code linkMbps} (10^6 bits per second) shared by {@code imagesPerSecond}
 * images, so each image may take link / 8 / images-per-second bytes, or 1 / images-per-second
 * seconds on that link.
 */
public record BandwidthBudget(double linkMbps, double imagesPerSecond) {

    public BandwidthBudget {
        if (!(linkMbps > 0) || !(imagesPerSecond > 0) || Double.isInfinite(linkMbps)
                || Double.isInfinite(imagesPerSecond)) {
            throw new IllegalArgumentException("a budget needs a positive link speed and image rate");
        }
    }

    /** Bytes one image may take. */
    public double bytesPerImage() {
        return linkMbps * 1e6 / 8 / imagesPerSecond;
    }

    /** Seconds one image may take on the link. */
    public double secondsPerImage() {
        return 1 / imagesPerSecond;
    }

    /**
     * Where the budget is on a cost axis, in the axis's units: KB per image on the byte axes; on
     * the transmit-time axis, which times images on the cost model's link ({@code modelLinkMbps}),
     * the time at which an image just fits on this link: 1 / images-per-second scaled by the two
     * links' ratio (exactly 1 / images-per-second when they are the same). Empty on the other axes.
     */
    public OptionalDouble on(CostAxis axis, double modelLinkMbps) {
        return switch (axis) {
            case KB_RAW, KB_PNG, KB_JPEG -> OptionalDouble.of(bytesPerImage() / 1000);
            case TRANSMIT_MS -> OptionalDouble.of(1000 * secondsPerImage() * linkMbps / modelLinkMbps);
            default -> OptionalDouble.empty();
        };
    }

    /**
     * Whether an image of this cost fits: on a byte axis its bytes in that axis's encoding, on any
     * other axis the bytes the cost model sends (its encoding, as the transmit time counts them).
     */
    public boolean fits(CostReport r, CostAxis axis) {
        double bytes = switch (axis) {
            case KB_RAW -> r.bytesRaw();
            case KB_PNG -> r.bytesPng();
            case KB_JPEG -> r.bytesJpeg();
            default -> sentBytes(r);
        };
        return bytes <= bytesPerImage() * (1 + 1e-9);
    }

    /** The encoding whose bytes {@link #fits} weighs on this axis: "raw", "PNG" or "JPEG". */
    public static String encodingOn(CostAxis axis, CostReport r) {
        return switch (axis) {
            case KB_RAW -> "raw";
            case KB_PNG -> "PNG";
            case KB_JPEG -> "JPEG";
            default -> r == null || r.encoding() == null ? "sent"
                    : r.encoding().equals("raw") ? "raw" : r.encoding().toUpperCase(Locale.ROOT);
        };
    }

    private static double sentBytes(CostReport r) {
        return r.transmitSeconds() * r.bandwidthMbps() * 1e6 / 8;
    }

    /** "1 Mbit/s at 30 images/s". */
    public String describe() {
        return CostAxis.number(linkMbps) + " Mbit/s at " + CostAxis.number(imagesPerSecond) + " images/s";
    }
}
