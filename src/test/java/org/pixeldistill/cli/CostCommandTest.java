package org.pixeldistill.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code cost} on the committed demo data, run in this JVM (working directory: the project folder). */
class CostCommandTest {
    private static final List<String> KEYS = List.of("backbone", "input_size", "channels", "classes", "width", "params",
            "macs", "activation_bytes", "pixels", "bytes_raw", "bytes_png", "bytes_jpeg", "jpeg_quality",
            "bandwidth_mbps", "encoding", "transmit_seconds", "weighted_total");

    private static CliRun run(String... args) {
        return CliRun.of(args);
    }

    private static List<String> keys(JsonNode node) {
        List<String> keys = new ArrayList<>();
        node.fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    @Test
    void jsonIsOneObjectWithTheDocumentedKeys() throws Exception {
        CliRun o = run("cost", "--backbone", "resnet18", "--size", "7", "--width", "0.25", "--stem", "small",
                "--images", "20", "--encoding", "raw", "--bandwidth-mbps", "0.5", "--json");
        assertEquals(0, o.code(), o.err());
        assertEquals(1, o.out().strip().lines().count(), o.out());
        JsonNode json = new ObjectMapper().readTree(o.out());
        assertEquals(KEYS, keys(json));
        assertEquals(1, json.get("channels").asInt()); // from the grey demo set
        assertEquals(10, json.get("classes").asInt());
        assertEquals(49, json.get("pixels").asLong());
        assertEquals(49, json.get("bytes_raw").asLong());
        // raw: 49 bytes = 392 bits over 0.5 Mbit/s
        assertEquals(392 / 0.5e6, json.get("transmit_seconds").asDouble(), 1e-12);
        assertEquals(json.get("macs").asDouble() / 1e9, json.get("weighted_total").asDouble(), 1e-15);
    }

    @Test
    void configWithTeacherGivesStudentAndTeacher() throws Exception {
        CliRun o = run("cost", "--config", "sample-configs/demo-fashion-mnist-isrd.yaml", "--images", "20", "--json",
                "--weights", "macs=0,bytes=1");
        assertEquals(0, o.code(), o.err());
        JsonNode json = new ObjectMapper().readTree(o.out());
        assertEquals(List.of("student", "teacher"), keys(json));
        JsonNode student = json.get("student");
        JsonNode teacher = json.get("teacher");
        assertEquals(7, student.get("input_size").asInt());
        assertEquals(28, teacher.get("input_size").asInt());
        assertEquals(student.get("params").asLong(), teacher.get("params").asLong()); // same network, other image
        assertTrue(student.get("macs").asLong() < teacher.get("macs").asLong() / 10, o.out());
        assertTrue(student.get("bytes_jpeg").asDouble() < teacher.get("bytes_jpeg").asDouble(), o.out());
        assertEquals(student.get("bytes_jpeg").asDouble() / 1000, student.get("weighted_total").asDouble(), 1e-12);
    }

    @Test
    void tableHasOneAlignedRowPerQuantity() {
        CliRun o = run("cost", "--backbone", "mobilenet_v2", "--size", "28", "--width", "0.5", "--images", "10");
        assertEquals(0, o.code(), o.err());
        List<String> lines = o.out().strip().lines().toList();
        assertEquals(1 + KEYS.size(), lines.size(), o.out());
        int valueEnd = lines.get(0).indexOf("value") + "value".length();
        for (int i = 0; i < KEYS.size(); i++) {
            String line = lines.get(i + 1);
            assertTrue(line.startsWith(KEYS.get(i) + " "), line);
            assertTrue(line.length() >= valueEnd && line.charAt(valueEnd - 1) != ' ', "value column misaligned: " + line);
        }
    }

    @Test
    void tooSmallInputEndsWithOneLineAndExitCode2() {
        CliRun o = run("cost", "--backbone", "resnet50", "--size", "16", "--stem", "imagenet");
        assertEquals(2, o.code());
        assertTrue(o.err().startsWith("error: ") && o.err().contains("too small"), o.err());
        assertEquals(1, o.err().strip().lines().count(), o.err());
        assertEquals("", o.out());
    }

    @Test
    void badBackboneMissingDataAndMixedModesAreOneLineErrors() {
        for (String[] args : new String[][] {
            {"cost", "--backbone", "resnet19", "--size", "28"},
            {"cost", "--backbone", "resnet18", "--size", "28", "--data", "no/such/folder"},
            {"cost", "--config", "sample-configs/demo-fashion-mnist-teacher.yaml", "--size", "14"},
            {"cost", "--backbone", "resnet18"},
            {"cost", "--backbone", "resnet18", "--size", "28", "--encoding", "gif"},
        }) {
            CliRun o = run(args);
            assertEquals(2, o.code(), String.join(" ", args));
            assertTrue(o.err().startsWith("error: "), o.err());
            assertEquals(1, o.err().strip().lines().count(), o.err());
        }
    }
}
