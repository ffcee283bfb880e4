package org.pixeldistill.core.cost;

import java.util.List;
import java.util.function.Supplier;
import org.pixeldistill.core.config.Check;
import org.pixeldistill.core.config.ConfigException;
import org.pixeldistill.core.config.DataConfig;
import org.pixeldistill.core.data.ImageDataset;
import org.pixeldistill.core.model.BackboneSpec;
import org.pixeldistill.core.model.DetectorSpec;

/**
 * How costs are reported: the JPEG quality the bytes are measured at, the link an image is sent
 * over and in which encoding, the weights of the single-number total, and how many test images
 * the byte counts average over. Only the backbone a model deploys is counted; ISRD's decoder
 * exists in training only and is never part of the cost.
 *
 * @param jpegQuality 1-100 (ImageIO compression quality q/100)
 * @param bandwidthMbps link speed in 10^6 bits per second, > 0
 * @param encoding raw | png | jpeg: the bytes that are sent, and so timed
 * @param weights weights of the total
 * @param images test images the byte counts average over (at most)
 */
public record CostModel(int jpegQuality, double bandwidthMbps, String encoding, CostWeights weights, int images) {
    public static final List<String> ENCODINGS = List.of("raw", "png", "jpeg");
    /** A slow sensor link (1 Mbit/s), where image size visibly matters. */
    public static final double DEFAULT_BANDWIDTH_MBPS = 1.0;

    public CostModel {
        Check.range("jpeg_quality", jpegQuality, 1, 100);
        if (!(bandwidthMbps > 0) || Double.isInfinite(bandwidthMbps)) {
            throw new ConfigException("bandwidth_mbps must be > 0, got " + bandwidthMbps);
        }
        Check.oneOf("encoding", encoding, ENCODINGS);
        Check.atLeast("images", images, 1);
        weights = weights == null ? CostWeights.DEFAULT : weights;
    }

    /** What identifies the measured images (the bytes cache key): the set, its folder and test limit. */
    public static String datasetKey(DataConfig d) {
        return d.dataset() + ":" + d.path() + ":" + d.testLimit();
    }

    public static CostModel defaults() {
        return new CostModel(ImageBytes.DEFAULT_JPEG_QUALITY, DEFAULT_BANDWIDTH_MBPS, "jpeg", CostWeights.DEFAULT,
                ImageBytes.DEFAULT_IMAGES);
    }

    /**
     * Counts the backbone and measures the bytes of the test images at its input size (cached per
     * {@code dataset} key, see {@link ImageBytes#cached}).
     */
    public CostReport evaluate(BackboneSpec spec, String dataset, Supplier<ImageDataset> testImages) {
        NetworkCost network = NetworkCounter.count(spec);
        ImageBytes bytes = ImageBytes.cached(dataset, testImages, spec.inputSize(), jpegQuality, images);
        return report(spec, network, bytes);
    }

    /** A detector's costs: its network counted with every head level, the images as for a classifier. */
    public CostReport evaluate(DetectorSpec spec, String dataset,
            Supplier<ImageDataset> testImages) {
        NetworkCost network = NetworkCounter.count(spec);
        ImageBytes bytes = ImageBytes.cached(dataset, testImages, spec.backbone().inputSize(), jpegQuality, images);
        return report(spec.backbone(), network, bytes);
    }

    /** Combines counts already made; {@code bytes} must be measured at the spec's size and this quality. */
    public CostReport report(BackboneSpec spec, NetworkCost network, ImageBytes bytes) {
        if (bytes.size() != spec.inputSize() || bytes.jpegQuality() != jpegQuality) {
            throw new IllegalArgumentException("bytes measured at " + bytes.size() + " px, quality "
                    + bytes.jpegQuality() + ", but the report is for " + spec.inputSize() + " px, quality "
                    + jpegQuality);
        }
        double sent = bytes.in(encoding);
        double seconds = sent * 8 / (bandwidthMbps * 1e6);
        double total = weights.macs() * network.gmacs()
                + weights.params() * network.mParams()
                + weights.bytes() * sent / 1000
                + weights.transmit() * seconds * 1000;
        return new CostReport(spec.name(), spec.inputSize(), spec.channels(), spec.classes(), spec.width(),
                network.params(), network.macs(), network.activationBytes(), bytes.pixels(), bytes.raw(), bytes.png(),
                bytes.jpeg(), jpegQuality, bandwidthMbps, encoding, seconds, total);
    }
}
