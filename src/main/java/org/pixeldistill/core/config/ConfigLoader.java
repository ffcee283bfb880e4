package org.pixeldistill.core.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.pixeldistill.core.util.BundledFiles;

/**
 * Reads run configs from YAML, applies {@code key=value} overrides, and writes the fully resolved
 * config back. Unknown keys and wrong types are errors that name the key: a typo must never be
 * silently ignored in an experiment.
 */
public final class ConfigLoader {
    private static final ObjectMapper YAML = new ObjectMapper(
                    new YAMLFactory()
                            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES))
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);

    private ConfigLoader() {}

    /** Keys that hold file paths: made absolute when a config is loaded. */
    static final List<String> PATH_KEYS = List.of("data.path", "teacher.config", "teacher.run", "model.weights");

    /**
     * Loads, overrides, binds and validates. Relative paths written in the file are resolved
     * against the file's folder; relative paths given as overrides against the working directory
     * (where the user typed them).
     */
    public static RunConfig load(Path file, List<String> overrides) {
        JsonNode tree = readTree(file);
        resolvePaths(tree, baseDir(file));
        for (String override : overrides) {
            Overrides.apply(tree, override, YAML);
        }
        resolvePaths(tree, Path.of("").toAbsolutePath());
        return bind(tree, file.toString());
    }

    private static void resolvePaths(JsonNode tree, Path base) {
        for (String key : PATH_KEYS) {
            String[] parts = key.split("\\.");
            JsonNode section = tree.get(parts[0]);
            if (section instanceof ObjectNode obj && obj.get(parts[1]) != null && obj.get(parts[1]).isTextual()) {
                Path p = base.resolve(Path.of(obj.get(parts[1]).asText())).normalize();
                if (key.equals("data.path")) {
                    p = BundledFiles.dataPath(p); // the demo data where the project folder is not
                }
                obj.put(parts[1], p.toString());
            }
        }
    }

    /**
     * {@code config} with {@code key=value} overrides applied, bound and validated again; relative
     * paths in them are resolved against the working directory, as on the command line.
     */
    public static RunConfig withOverrides(RunConfig config, List<String> overrides) {
        JsonNode tree = YAML.valueToTree(config);
        for (String override : overrides) {
            Overrides.apply(tree, override, YAML);
        }
        resolvePaths(tree, Path.of("").toAbsolutePath());
        return bind(tree, "overrides " + overrides);
    }

    public static RunConfig load(Path file) {
        return load(file, List.of());
    }

    public static RunConfig parse(String yaml, String source) {
        try {
            return bind(YAML.readTree(yaml), source);
        } catch (JsonProcessingException e) {
            throw new ConfigException(source + ": not valid YAML: " + e.getOriginalMessage());
        }
    }

    /** The folder relative paths in a config file are resolved against. */
    public static Path baseDir(Path configFile) {
        Path parent = configFile.toAbsolutePath().getParent();
        return parent == null ? Path.of(".").toAbsolutePath() : parent;
    }

    public static String toYaml(RunConfig config) {
        try {
            return YAML.writeValueAsString(config);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write config", e);
        }
    }

    static JsonNode readTree(Path file) {
        try {
            JsonNode tree = YAML.readTree(Files.readString(file));
            if (tree == null || tree.isMissingNode() || tree.isNull()) {
                return YAML.createObjectNode();
            }
            if (!(tree instanceof ObjectNode)) {
                throw new ConfigException(file + ": a config must be a YAML mapping of keys");
            }
            return tree;
        } catch (NoSuchFileException e) {
            throw new ConfigException("config file not found: " + file);
        } catch (JsonProcessingException e) {
            throw new ConfigException(file + ": not valid YAML: " + e.getOriginalMessage().replace('\n', ' '));
        } catch (IOException e) {
            throw new ConfigException("cannot read config file " + file + ": " + e.getMessage());
        }
    }

    private static RunConfig bind(JsonNode tree, String source) {
        try {
            RunConfig config = YAML.treeToValue(tree, RunConfig.class);
            config.validate();
            return config;
        } catch (UnrecognizedPropertyException e) {
            String key = path(e);
            String known = e.getKnownPropertyIds().stream().map(Object::toString).sorted().collect(Collectors.joining(", "));
            throw new ConfigException(source + ": unknown config key '" + key + "' (known here: " + known + ")");
        } catch (MismatchedInputException e) {
            throw new ConfigException(source + ": config key '" + path(e) + "' has the wrong type: "
                    + e.getOriginalMessage().split("\n")[0]);
        } catch (JsonProcessingException e) {
            throw new ConfigException(source + ": " + e.getOriginalMessage().split("\n")[0]);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(source + ": " + e.getMessage().split("\n")[0]);
        }
    }

    private static String path(MismatchedInputException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."))
                .replace(".[", "[");
    }
}
