package org.pixeldistill.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
    @TempDir
    Path dir;

    private Path write(String yaml) throws Exception {
        Path file = dir.resolve("c.yaml");
        Files.writeString(file, yaml);
        return file;
    }

    @Test
    void defaultsFollowThePaperProtocol() throws Exception {
        RunConfig cfg = ConfigLoader.load(write("name: x\n"));
        assertEquals(0.01, cfg.train().lr());
        assertEquals(0.9, cfg.train().momentum());
        assertEquals(5e-4, cfg.train().weightDecay());
        assertEquals(List.of(30, 60, 90), cfg.train().milestones());
        assertEquals(64, cfg.train().batchSize());
    }

    @Test
    void unknownKeyIsNamed() throws Exception {
        Path file = write("name: x\ntrain:\n  epochz: 3\n");
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(file));
        assertTrue(e.getMessage().contains("unknown config key 'train.epochz'"), e.getMessage());
        assertTrue(e.getMessage().contains("epochs"), "lists the known keys: " + e.getMessage());
    }

    @Test
    void wrongTypeIsNamed() throws Exception {
        Path file = write("train:\n  epochs: many\n");
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(file));
        assertTrue(e.getMessage().contains("'train.epochs'"), e.getMessage());
    }

    @Test
    void rangeErrorIsNamed() throws Exception {
        Path file = write("train:\n  epochs: 0\n");
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(file));
        assertTrue(e.getMessage().contains("train.epochs must be between 1"), e.getMessage());
        Path interp = write("data:\n  interpolation: lanczos\n");
        assertTrue(assertThrows(ConfigException.class, () -> ConfigLoader.load(interp)).getMessage()
                .contains("data.interpolation"));
    }

    @Test
    void overridesReachEveryKeyAndKeepTypes() throws Exception {
        Path file = write("name: x\n");
        RunConfig cfg = ConfigLoader.load(file, List.of("train.epochs=2", "data.train_limit=100", "train.seeds=[1,2]",
                "distill.kd={}", "teacher.config=t.yaml", "model.width=0.5"));
        assertEquals(2, cfg.train().epochs());
        assertEquals(100, cfg.data().trainLimit());
        assertEquals(List.of(1, 2), cfg.train().seeds());
        assertEquals(0.9, cfg.distill().get(KdConfig.class).alpha());
        assertEquals(0.5, cfg.model().width());
        ConfigException e = assertThrows(ConfigException.class,
                () -> ConfigLoader.load(file, List.of("train.nope=1")));
        assertTrue(e.getMessage().contains("'train.nope'"), e.getMessage());
        assertThrows(ConfigException.class, () -> ConfigLoader.load(file, List.of("novalue")));
    }

    @Test
    void pathsInTheFileAreRelativeToTheFileAndOverridesToTheWorkingDirectory() throws Exception {
        Path file = write("data:\n  path: ../data/fm\n");
        assertEquals(dir.getParent().resolve("data/fm").toString(), ConfigLoader.load(file).data().path());
        RunConfig over = ConfigLoader.load(file, List.of("data.path=here"));
        assertEquals(Path.of("here").toAbsolutePath().toString(), over.data().path());
    }

    @Test
    void distillationNeedsATeacherAndExactlyOneSource() throws Exception {
        Path noTeacher = write("distill:\n  kd: {}\n");
        assertTrue(assertThrows(ConfigException.class, () -> ConfigLoader.load(noTeacher)).getMessage()
                .contains("needs a teacher"));
        Path both = write("teacher:\n  config: a.yaml\n  run: b\n");
        assertThrows(ConfigException.class, () -> ConfigLoader.load(both));
    }

    @Test
    void missingFileAndBadYamlAreOneLine() {
        ConfigException missing = assertThrows(ConfigException.class, () -> ConfigLoader.load(dir.resolve("none.yaml")));
        assertTrue(missing.getMessage().startsWith("config file not found"));
        assertThrows(ConfigException.class, () -> ConfigLoader.parse("a: [1, 2", "inline"));
    }

    @Test
    void resolvedConfigRoundTripsAndHashIgnoresNameAndDevice() throws Exception {
        RunConfig cfg = ConfigLoader.load(write("name: a\ndistill:\n  isrd: {eta: 10}\nteacher:\n  config: t.yaml\n"));
        RunConfig back = ConfigLoader.parse(ConfigLoader.toYaml(cfg), "round trip");
        assertEquals(cfg, back);
        assertEquals(ConfigHash.of(cfg), ConfigHash.of(cfg.withName("b").withDevice("cpu")));
        assertNotEquals(ConfigHash.of(cfg), ConfigHash.of(cfg.withTrain(cfg.train().withSeeds(List.of(7)))));
    }

    @Test
    void everySampleConfigLoads() throws Exception {
        try (var files = Files.list(Path.of("sample-configs"))) {
            List<Path> configs = files.filter(p -> p.toString().endsWith(".yaml")).toList();
            assertTrue(configs.size() >= 10, "sample configs found: " + configs.size());
            for (Path p : configs) {
                ConfigLoader.load(p);
            }
        }
    }
}
