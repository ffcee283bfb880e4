package org.pixeldistill.ui.setup;

import java.util.Locale;
import org.pixeldistill.core.cost.CostReport;

/** The cost readout's wording: what one student image and one forward pass cost, in units people read. */
public final class CostText {
    private CostText() {}

    /**
     * Four lines: pixels (with the share of the teacher's), bytes per image raw/PNG/JPEG, compute,
     * and the time to send one image at the report's bandwidth in each encoding.
     */
    public static String of(CostReport r, int teacherSize) {
        long teacherPixels = (long) teacherSize * teacherSize;
        String share = teacherPixels == r.pixels() ? "the teacher's size"
                : String.format(Locale.ROOT, "1/%s of the teacher's %d", trim(teacherPixels / (double) r.pixels()),
                        teacherPixels);
        return String.format(Locale.ROOT, "%dx%d = %d pixels (%s)%n", r.inputSize(), r.inputSize(), r.pixels(), share)
                + String.format(Locale.ROOT, "per image: raw %s · PNG %s · JPEG %s%n", kb(r.bytesRaw()), kb(r.bytesPng()),
                        kb(r.bytesJpeg()))
                + String.format(Locale.ROOT, "compute: %s MACs · %s parameters%n", count(r.macs()), count(r.params()))
                + String.format(Locale.ROOT, "send at %s Mbit/s: raw %s · PNG %s · JPEG %s", trim(r.bandwidthMbps()),
                        time(r.bytesRaw(), r.bandwidthMbps()), time(r.bytesPng(), r.bandwidthMbps()),
                        time(r.bytesJpeg(), r.bandwidthMbps()));
    }

    /** Kilobytes of 1000 bytes. */
    static String kb(double bytes) {
        return String.format(Locale.ROOT, bytes < 10_000 ? "%.2f KB" : "%.1f KB", bytes / 1000);
    }

    /** 1234567 -> "1.23 M". */
    static String count(long n) {
        if (n >= 1_000_000_000L) return String.format(Locale.ROOT, "%.2f G", n / 1e9);
        if (n >= 1_000_000L) return String.format(Locale.ROOT, "%.2f M", n / 1e6);
        if (n >= 1_000L) return String.format(Locale.ROOT, "%.1f k", n / 1e3);
        return Long.toString(n);
    }

    /** Transmission time of {@code bytes} at {@code mbps} 10^6 bit/s. */
    static String time(double bytes, double mbps) {
        double seconds = bytes * 8 / (mbps * 1e6);
        if (seconds < 1) return String.format(Locale.ROOT, "%.2f ms", seconds * 1000);
        return String.format(Locale.ROOT, "%.2f s", seconds);
    }

    private static String trim(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.2f", v);
    }
}
