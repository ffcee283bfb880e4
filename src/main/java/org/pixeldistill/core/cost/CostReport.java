package org.pixeldistill.core.cost;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import java.util.Map;

/**
 * The cost of running one backbone on one image size, as {@link CostModel} reports it. Its JSON
 * form ({@link #toJson}) has these components as snake_case keys.
 *
 * @param params trained parameters ({@link NetworkCost#params})
 * @param macs multiply-accumulates per image ({@link NetworkCost#macs})
 * @param activationBytes activation memory estimate ({@link NetworkCost#activationBytes})
 * @param pixels pixels per image, size x size
 * @param bytesRaw the images' channels x size x size at 8 bits (a grey set stays 1 channel even for
 *     a network built with 3)
 * @param bytesPng mean PNG bytes per image
 * @param bytesJpeg mean JPEG bytes per image at {@code jpegQuality}
 * @param bandwidthMbps link speed in 10^6 bits per second
 * @param encoding raw | png | jpeg: which of the three byte counts is sent
 * @param transmitSeconds bytes of {@code encoding} x 8 / bandwidth
 * @param weightedTotal see {@link CostWeights}
 */
@JsonPropertyOrder({
    "backbone", "input_size", "channels", "classes", "width", "params", "macs", "activation_bytes", "pixels",
    "bytes_raw", "bytes_png", "bytes_jpeg", "jpeg_quality", "bandwidth_mbps", "encoding", "transmit_seconds",
    "weighted_total"
})
public record CostReport(
        String backbone,
        int inputSize,
        int channels,
        int classes,
        double width,
        long params,
        long macs,
        long activationBytes,
        long pixels,
        long bytesRaw,
        double bytesPng,
        double bytesJpeg,
        int jpegQuality,
        double bandwidthMbps,
        String encoding,
        double transmitSeconds,
        double weightedTotal) {

    private static final ObjectMapper JSON =
            new ObjectMapper().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);

    /** One JSON object on one line. */
    public String toJson() {
        return write(this);
    }

    /** Several reports as one JSON object keyed by name, e.g. {"student": {...}, "teacher": {...}}. */
    public static String toJson(Map<String, CostReport> named) {
        return write(named);
    }

    private static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write cost reports as JSON", e);
        }
    }
}
