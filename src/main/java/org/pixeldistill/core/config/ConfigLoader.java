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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.pixeldistill.core.util.BundledFiles;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * Reads run configs from YAML, applies {@code key=value} overrides, and writes the fully resolved
 * config back. Unknown keys and wrong types are errors that name the key: a typo must never be
 * silently ignored in an experiment.
 */
public final class ConfigLoader {
    /**
     * The largest config file read, in bytes. Real configs are a few kB (the samples at most 2 kB).
     * The cap keeps a wrong file (a data file, /dev/zero) from filling the memory, and bounds
     * SnakeYAML's scanner, whose time grows with the square of one value's length (it copies its
     * read window for every 1 kB it reads ahead): on a loaded 2-core machine a 1 MB value took 4-13 s
     * and a 256 kB one 6 s; at 64 kB it is a fraction of a second.
     */
    public static final int MAX_CONFIG_BYTES = 64 * 1024;

    private static final ObjectMapper YAML = new ObjectMapper(
                    YAMLFactory.builder()
                            .loaderOptions(loaderOptions())
                            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                            .build())
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);

    /** Jackson's words for an integer key given a number beyond int. */
    private static final Pattern OUT_OF_INT_RANGE = Pattern.compile("Numeric value \\(([^)]*)\\) out of range of int");

    /** How overrides typed on the command line are named in messages. */
    public static final String SET = "--set";

    private ConfigLoader() {}

    private static LoaderOptions loaderOptions() {
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(MAX_CONFIG_BYTES); // a second guard for text that is not read from a file
        return options;
    }

    /** Keys that hold file paths: made absolute when a config is loaded. */
    static final List<String> PATH_KEYS = List.of("data.path", "teacher.config", "teacher.run", "model.weights");

    /**
     * Loads, overrides, binds and validates. Relative paths written in the file are resolved
     * against the file's folder; relative paths given as overrides against the working directory
     * (where the user typed them).
     */
    public static RunConfig load(Path file, List<String> overrides) {
        return load(file, overrides, SET);
    }

    /** The same, the overrides named {@code label} in messages (a teacher's come from {@code teacher.set}). */
    public static RunConfig load(Path file, List<String> overrides, String label) {
        JsonNode tree = readTree(file);
        resolvePaths(tree, baseDir(file));
        for (String override : overrides) {
            Overrides.apply(tree, override, YAML, label);
        }
        defaultDataPath(tree);
        resolvePaths(tree, Path.of("").toAbsolutePath());
        return bind(tree, file.toString(), overrides, label);
    }

    /**
     * A config that names no data.path reads the demo data, relative to the working directory (as
     * in the workbench): written out absolute, so that the run's records say which folder it was
     * and it resumes and evaluates from any directory.
     */
    private static void defaultDataPath(JsonNode tree) {
        if (!tree.has("data") || tree.get("data").isNull()) {
            ((ObjectNode) tree).putObject("data");
        }
        if (tree.get("data") instanceof ObjectNode data && (data.get("path") == null || data.get("path").isNull())) {
            data.put("path", DataConfig.DEFAULT_PATH);
        }
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
        return withOverrides(config, overrides, SET);
    }

    /** The same, the overrides named {@code label} in messages. */
    public static RunConfig withOverrides(RunConfig config, List<String> overrides, String label) {
        JsonNode tree = YAML.valueToTree(config);
        for (String override : overrides) {
            Overrides.apply(tree, override, YAML, label);
        }
        resolvePaths(tree, Path.of("").toAbsolutePath());
        return bind(tree, "overrides " + overrides, overrides, label);
    }

    public static RunConfig load(Path file) {
        return load(file, List.of());
    }

    public static RunConfig parse(String yaml, String source) {
        try {
            return bind(YAML.readTree(yaml), source, List.of(), SET);
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
            checkSize(file);
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
            String key = ConfigKeys.at(e);
            if (NonFiniteNumbers.isNonFiniteLiteral(e)) {
                throw new ConfigException(file + ": " + (key.isEmpty() ? "a value" : key)
                        + " must be a finite number, got " + NonFiniteNumbers.literal(e));
            }
            throw new ConfigException(file + ": not valid YAML" + (key.isEmpty() ? "" : " at " + key) + ": "
                    + e.getOriginalMessage().replace('\n', ' '));
        } catch (IOException e) {
            throw new ConfigException("cannot read config file " + file + ": " + e.getMessage());
        }
    }

    /** A regular file of at most {@link #MAX_CONFIG_BYTES}: checked before a byte is read. */
    private static void checkSize(Path file) throws IOException {
        if (!Files.exists(file)) {
            throw new NoSuchFileException(file.toString());
        }
        if (!Files.isRegularFile(file)) {
            throw new ConfigException("config " + file + " is not a regular file (a config is a YAML file of at most "
                    + MAX_CONFIG_BYTES / 1024 + " kB)");
        }
        long size = Files.size(file);
        if (size > MAX_CONFIG_BYTES) {
            throw new ConfigException("config " + file + " is " + size + " bytes; a config may have at most "
                    + MAX_CONFIG_BYTES + " bytes (" + MAX_CONFIG_BYTES / 1024 + " kB)");
        }
    }

    /**
     * Binds and validates {@code tree}. A problem with a key that an override set is reported
     * against that {@code --set} argument, anything else against {@code source} (the file).
     */
    private static RunConfig bind(JsonNode tree, String source, List<String> overrides, String label) {
        try {
            NonFiniteNumbers.check(tree);
            return bind(tree, source);
        } catch (KeyedConfigException e) {
            throw new ConfigException(Overrides.sourceOf(e.key(), overrides, source, label) + ": " + e.getMessage());
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
            throw new KeyedConfigException(key, "unknown config key '" + key + "' (known here: " + known + ")");
        } catch (MismatchedInputException e) {
            throw new KeyedConfigException(path(e), "config key '" + path(e) + "' has the wrong type: "
                    + e.getOriginalMessage().split("\n")[0]);
        } catch (JsonProcessingException e) {
            String key = ConfigKeys.at(e);
            Matcher tooLarge = OUT_OF_INT_RANGE.matcher(String.valueOf(e.getOriginalMessage()));
            if (tooLarge.find()) {
                throw new KeyedConfigException(key, key + " must be a whole number from " + Integer.MIN_VALUE + " to "
                        + Integer.MAX_VALUE + ", got " + tooLarge.group(1));
            }
            throw new KeyedConfigException(key, (key.isEmpty() ? "" : key + ": ") + e.getOriginalMessage().split("\n")[0]);
        } catch (IllegalArgumentException e) {
            throw new KeyedConfigException("", e.getMessage().split("\n")[0]);
        }
    }

    private static String path(MismatchedInputException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."))
                .replace(".[", "[");
    }
}
