package org.pixeldistill.core.cost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pixeldistill.core.config.ConfigException;
import org.pixeldistill.core.model.BackboneSpec;

class CostModelTest {
    static final List<String> KEYS = List.of("backbone", "input_size", "channels", "classes", "width", "params", "macs",
            "activation_bytes", "pixels", "bytes_raw", "bytes_png", "bytes_jpeg", "jpeg_quality", "bandwidth_mbps",
            "encoding", "transmit_seconds", "weighted_total");

    private final BackboneSpec spec = new BackboneSpec("resnet18", 16, 3, 10, 0.5, "small", 0);
    private final NetworkCost network = new NetworkCost(2_000_000, 1_500_000_000L, 4096);
    private final ImageBytes bytes = new ImageBytes(16, 3, 5, 600.0, 1000.0, 80);

    @Test
    void weightedTotalAddsEachTermInItsUnit() {
        CostModel model = new CostModel(80, 2.0, "jpeg", new CostWeights(2, 0.5, 0.1, 3), 5);
        CostReport r = model.report(spec, network, bytes);
        // sent: 1000 JPEG bytes = 8000 bits over 2 Mbit/s = 0.004 s = 4 ms
        assertEquals(0.004, r.transmitSeconds(), 1e-12);
        // 2 * 1.5 GMACs + 0.5 * 2 M params + 0.1 * 1 kB + 3 * 4 ms = 3 + 1 + 0.1 + 12
        assertEquals(16.1, r.weightedTotal(), 1e-9);
        assertEquals(256, r.pixels());
        assertEquals(3 * 16 * 16, r.bytesRaw());
    }

    @Test
    void defaultWeightsGiveGmacsAndEncodingChoosesTheBytesSent() {
        CostReport jpeg = new CostModel(80, 1.0, "jpeg", CostWeights.DEFAULT, 5).report(spec, network, bytes);
        assertEquals(1.5, jpeg.weightedTotal(), 1e-12);
        CostReport raw = new CostModel(80, 1.0, "raw", CostWeights.DEFAULT, 5).report(spec, network, bytes);
        assertEquals(768 * 8 / 1e6, raw.transmitSeconds(), 1e-12);
        CostReport png = new CostModel(80, 1.0, "png", new CostWeights(0, 0, 1, 0), 5).report(spec, network, bytes);
        assertEquals(0.6, png.weightedTotal(), 1e-12); // 600 bytes = 0.6 kB
    }

    @Test
    void imageBytesInEachEncoding() {
        assertEquals(768, bytes.in("raw"));
        assertEquals(600, bytes.in("png"));
        assertEquals(1000, bytes.in("jpeg"));
    }

    @Test
    void jsonHasExactlyTheDocumentedKeys() throws Exception {
        CostReport r = CostModel.defaults().report(spec, network, new ImageBytes(16, 3, 5, 600.0, 1000.0, 75));
        JsonNode json = new ObjectMapper().readTree(r.toJson());
        List<String> keys = new ArrayList<>();
        json.fieldNames().forEachRemaining(keys::add);
        assertEquals(KEYS, keys);
        assertEquals("resnet18", json.get("backbone").asText());
        assertEquals(1_500_000_000L, json.get("macs").asLong());
        assertEquals("jpeg", json.get("encoding").asText());
        assertEquals(0.5, json.get("width").asDouble());
    }

    @Test
    void weightsParseAndRejectUnknownKeys() {
        assertEquals(new CostWeights(1, 0, 0.5, 0), CostWeights.parse("bytes=0.5"));
        assertEquals(new CostWeights(0, 2, 0, 1e-3), CostWeights.parse("macs=0, params=2,transmit=1e-3"));
        ConfigException unknown = assertThrows(ConfigException.class, () -> CostWeights.parse("flops=1"));
        assertTrue(unknown.getMessage().contains("flops"), unknown.getMessage());
        assertThrows(ConfigException.class, () -> CostWeights.parse("macs=lots"));
    }

    @Test
    void badSettingsAreConfigExceptions() {
        assertThrows(ConfigException.class, () -> new CostModel(75, 0, "jpeg", null, 10));
        assertThrows(ConfigException.class, () -> new CostModel(75, 1, "gif", null, 10));
        assertThrows(ConfigException.class, () -> new CostModel(0, 1, "jpeg", null, 10));
    }

    @Test
    void bytesMeasuredAtAnotherSizeAreRefused() {
        ImageBytes other = new ImageBytes(8, 3, 5, 600.0, 1000.0, 80);
        CostModel model = new CostModel(80, 1, "jpeg", null, 5);
        assertThrows(IllegalArgumentException.class, () -> model.report(spec, network, other));
    }
}
