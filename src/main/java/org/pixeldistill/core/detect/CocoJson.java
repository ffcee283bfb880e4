package org.pixeldistill.core.detect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.pixeldistill.core.config.ConfigException;

/**
 * Reads the parts of a COCO instances file that detection needs, checking types and required
 * fields; values are returned as written (no clipping, no look-ups).
 */
final class CocoJson {
    record Category(long id, String name) {}

    /** Width and height 0 when the file leaves them out. */
    record Image(long id, String fileName, int width, int height) {}

    /** {@code bbox} is COCO's [x, y, width, height] in pixels from the top-left corner. */
    record Annotation(long id, long imageId, long categoryId, double[] bbox, boolean crowd) {}

    record Contents(List<Category> categories, List<Image> images, List<Annotation> annotations) {}

    private CocoJson() {}

    static Contents read(Path file) {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(file.toFile());
        } catch (IOException e) {
            throw new ConfigException("COCO file " + file + " cannot be read: " + firstLine(e.getMessage()), e);
        }
        if (root == null || !root.isObject()) {
            throw new ConfigException("COCO file " + file + " does not hold a JSON object");
        }
        List<Category> categories = new ArrayList<>();
        for (JsonNode c : array(root, "categories", file, true)) {
            categories.add(new Category(integer(c, "id", file, "a category"), text(c, "name", file, "a category")));
        }
        List<Image> images = new ArrayList<>();
        for (JsonNode i : array(root, "images", file, true)) {
            long id = integer(i, "id", file, "an image");
            String what = "image id " + id;
            images.add(new Image(id, text(i, "file_name", file, what), size(i, "width", file, what), size(i, "height", file, what)));
        }
        List<Annotation> annotations = new ArrayList<>();
        // Test-set files (image info only) have no annotations: every image is then a negative.
        for (JsonNode a : array(root, "annotations", file, false)) {
            long id = integer(a, "id", file, "an annotation");
            String what = "annotation id " + id;
            annotations.add(new Annotation(id, integer(a, "image_id", file, what), integer(a, "category_id", file, what),
                    bbox(a, file, what), a.path("iscrowd").asInt(0) == 1));
        }
        return new Contents(categories, images, annotations);
    }

    private static Iterable<JsonNode> array(JsonNode root, String key, Path file, boolean required) {
        JsonNode n = root.get(key);
        if (n == null && !required) {
            return List.of();
        }
        if (n == null || !n.isArray()) {
            throw new ConfigException("COCO file " + file + " has no '" + key + "' array");
        }
        return n;
    }

    private static long integer(JsonNode node, String key, Path file, String what) {
        JsonNode v = node.get(key);
        if (v == null || !v.canConvertToLong() || !v.isIntegralNumber()) {
            throw new ConfigException("COCO file " + file + ": " + what + " has no whole-number '" + key + "'");
        }
        return v.asLong();
    }

    private static String text(JsonNode node, String key, Path file, String what) {
        JsonNode v = node.get(key);
        if (v == null || !v.isTextual() || v.asText().isBlank()) {
            throw new ConfigException("COCO file " + file + ": " + what + " has no '" + key + "'");
        }
        return v.asText().strip();
    }

    private static int size(JsonNode node, String key, Path file, String what) {
        JsonNode v = node.get(key);
        if (v == null || v.isNull()) {
            return 0;
        }
        if (!v.isNumber()) {
            throw new ConfigException("COCO file " + file + ": " + what + " has a '" + key + "' that is not a number");
        }
        return Math.max(0, v.asInt());
    }

    private static double[] bbox(JsonNode node, Path file, String what) {
        JsonNode v = node.get("bbox");
        if (v == null || !v.isArray() || v.size() != 4) {
            throw new ConfigException("COCO file " + file + ": " + what + " has no 'bbox' of 4 numbers");
        }
        double[] b = new double[4];
        for (int k = 0; k < 4; k++) {
            if (!v.get(k).isNumber()) {
                throw new ConfigException("COCO file " + file + ": " + what + " has a 'bbox' value that is not a number");
            }
            b[k] = v.get(k).asDouble();
        }
        return b;
    }

    /** Jackson's messages run over several lines (source excerpt); the first says what is wrong. */
    private static String firstLine(String message) {
        if (message == null) {
            return "unknown error";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
