package org.pixeldistill.core.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * {@code --set a.b.c=value} on a config tree. The value is read as YAML, so numbers, booleans,
 * lists ({@code [0,1,2]}) and maps ({@code {}}) keep their types. Intermediate maps are created
 * as needed; whether the key exists is checked when the tree is bound, with the usual message.
 */
final class Overrides {
    private Overrides() {}

    /** @param label how the user gave the assignment, for messages: {@code --set} or {@code teacher.set} */
    static void apply(JsonNode root, String assignment, ObjectMapper yaml, String label) {
        int eq = assignment.indexOf('=');
        if (eq <= 0) {
            throw new ConfigException(label + " " + assignment + ": must look like key=value");
        }
        String key = assignment.substring(0, eq).trim();
        String raw = assignment.substring(eq + 1).trim();
        if (NonFiniteNumbers.isLiteral(raw)) {
            throw new ConfigException(label + " " + assignment + ": " + key + " must be a finite number, got " + raw);
        }
        JsonNode value;
        try {
            value = raw.isEmpty() ? yaml.nullNode() : yaml.readTree(raw);
        } catch (JsonProcessingException e) {
            throw new ConfigException(label + " " + assignment + ": the value '" + raw + "' is not valid YAML ("
                    + e.getOriginalMessage().split("\n")[0] + ")");
        }
        if (value == null || value.isMissingNode()) {
            value = yaml.nullNode();
        }
        String[] parts = key.split("\\.");
        ObjectNode node = (ObjectNode) root;
        for (int i = 0; i < parts.length - 1; i++) {
            JsonNode child = node.get(parts[i]);
            if (child == null || child.isNull()) {
                child = node.putObject(parts[i]);
            } else if (!child.isObject()) {
                throw new ConfigException(label + " " + assignment + ": '" + parts[i] + "' is not a section");
            }
            node = (ObjectNode) child;
        }
        node.set(parts[parts.length - 1], value);
    }

    /**
     * Where a problem with {@code key} came from: the last {@code --set} that set it, a key inside
     * it or a section holding it, else {@code source} (the config file).
     */
    static String sourceOf(String key, List<String> overrides, String source, String label) {
        if (key.isEmpty()) {
            return source;
        }
        for (int i = overrides.size() - 1; i >= 0; i--) {
            String assignment = overrides.get(i);
            int eq = assignment.indexOf('=');
            String set = eq < 0 ? assignment.strip() : assignment.substring(0, eq).strip();
            if (within(key, set) || within(set, key)) {
                return label + " " + assignment;
            }
        }
        return source;
    }

    /** Whether {@code key} is {@code section} or lies under it ({@code train.seeds[0]} under {@code train}). */
    private static boolean within(String key, String section) {
        return key.equals(section) || key.startsWith(section + ".") || key.startsWith(section + "[");
    }
}
