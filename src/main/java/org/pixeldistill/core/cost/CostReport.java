package org.pixeldistill.core.cost;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;

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

    static final ObjectMapper JSON =
            new ObjectMapper().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);

    /** The bytes of one image in the chosen encoding: what is sent. */
    public double bytesSent() {
        return switch (encoding) {
            case "raw" -> bytesRaw;
            case "png" -> bytesPng;
            case "jpeg" -> bytesJpeg;
            default -> throw new IllegalStateException("unknown encoding " + encoding);
        };
    }

    /** One JSON object on one line. */
    public String toJson() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a cost report as JSON", e);
        }
    }
}
