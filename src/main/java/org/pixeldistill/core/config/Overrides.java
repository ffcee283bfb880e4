package org.pixeldistill.core.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * {@code --set a.b.c=value} on a config tree. The value is read as YAML, so numbers, booleans,
 * lists ({@code [0,1,2]}) and maps ({@code {}}) keep their types. Intermediate maps are created
 * as needed; whether the key exists is checked when the tree is bound, with the usual message.
 */
final class Overrides {
    private Overrides() {}

    static void apply(JsonNode root, String assignment, ObjectMapper yaml) {
        int eq = assignment.indexOf('=');
        if (eq <= 0) {
            throw new ConfigException("override '" + assignment + "' must look like key=value");
        }
        String key = assignment.substring(0, eq).trim();
        String raw = assignment.substring(eq + 1).trim();
        JsonNode value;
        try {
            value = raw.isEmpty() ? yaml.nullNode() : yaml.readTree(raw);
        } catch (JsonProcessingException e) {
            throw new ConfigException("override " + key + ": value '" + raw + "' is not valid YAML");
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
                throw new ConfigException("override " + key + ": '" + parts[i] + "' is not a section");
            }
            node = (ObjectNode) child;
        }
        node.set(parts[parts.length - 1], value);
    }
}
