package org.pixeldistill.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a config file and its --set arguments may hold, and how a bad one is reported. */
class ConfigInputChecksTest {
    @TempDir
    Path dir;

    private Path write(String yaml) throws Exception {
        Path file = dir.resolve("c.yaml");
        Files.writeString(file, yaml);
        return file;
    }

    private static String error(Path file, String... overrides) {
        return assertThrows(ConfigException.class, () -> ConfigLoader.load(file, List.of(overrides))).getMessage();
    }

    @Test
    void aFileOverTheCapIsRefusedBeforeItIsParsed() throws Exception {
        // one long value: SnakeYAML's time grows with its square, so parsing it would take long
        Path file = write("name: " + "x".repeat(ConfigLoader.MAX_CONFIG_BYTES) + "\n");
        long start = System.nanoTime();
        String message = error(file);
        assertTrue((System.nanoTime() - start) / 1e9 < 1, "refused without parsing");
        assertTrue(message.contains(file.toString()) && message.contains(ConfigLoader.MAX_CONFIG_BYTES + " bytes"), message);
        assertEquals(1, message.lines().count(), message);
    }

    @Test
    void aFileAtTheCapStillLoads() throws Exception {
        String head = "name: x\n";
        StringBuilder yaml = new StringBuilder(head);
        while (yaml.length() < ConfigLoader.MAX_CONFIG_BYTES - 80) {
            yaml.append("# a comment line of a long config\n");
        }
        yaml.append("#").append("c".repeat(ConfigLoader.MAX_CONFIG_BYTES - yaml.length() - 1)).append('\n');
        Path file = write(yaml.toString());
        assertEquals(ConfigLoader.MAX_CONFIG_BYTES, Files.size(file));
        assertEquals("x", ConfigLoader.load(file).name());
    }

    @Test
    void aFolderOrDeviceIsNotAConfig() {
        assertTrue(error(dir).contains("is not a regular file"), error(dir));
        Path zero = Path.of("/dev/zero");
        if (Files.exists(zero)) {
            assertTrue(error(zero).contains("/dev/zero is not a regular file"), error(zero));
        }
    }

    @Test
    void nanAndInfinityNameTheKeyInAFile() throws Exception {
        String nan = error(write("train:\n  lr: .nan\n"));
        assertTrue(nan.contains("train.lr must be a finite number, got .nan"), nan);
        assertTrue(!nan.contains("not valid YAML"), nan);
        String inf = error(write("distill:\n  isrd: {eta: -.inf}\n"));
        assertTrue(inf.contains("distill.isrd.eta must be a finite number"), inf);
        String huge = error(write("train:\n  clip_grad_norm: 1e999\n"));
        assertTrue(huge.contains("train.clip_grad_norm must be a finite number"), huge);
    }

    @Test
    void nanAndInfinityNameTheSetArgument() throws Exception {
        Path file = write("name: x\n");
        for (String v : new String[] {".nan", ".NaN", ".inf", "-.Inf", "1e999"}) {
            String m = error(file, "train.lr=" + v);
            assertTrue(m.startsWith("--set train.lr=" + v + ": train.lr must be a finite number"), m);
        }
    }

    @Test
    void aNumberBeyondIntNamesTheKey() throws Exception {
        String fromFile = error(write("train:\n  epochs: 99999999999\n"));
        assertTrue(fromFile.contains("train.epochs must be a whole number") && fromFile.contains("99999999999"), fromFile);
        String fromSet = error(write("name: x\n"), "train.epochs=99999999999");
        assertTrue(fromSet.startsWith("--set train.epochs=99999999999: train.epochs must be a whole number"), fromSet);
        String inList = error(write("name: x\n"), "train.milestones=[1,99999999999]");
        assertTrue(inList.contains("train.milestones[1] must be a whole number"), inList);
    }

    @Test
    void errorsFromSetNameTheArgumentAndFromTheFileTheFile() throws Exception {
        Path file = write("name: x\ntrain:\n  epochs: 2\n");
        String unknown = error(file, "train.epochs=3", "train.epoch=3");
        assertTrue(unknown.startsWith("--set train.epoch=3: unknown config key 'train.epoch'"), unknown);
        assertTrue(!unknown.contains(file.toString()), unknown);
        String type = error(file, "train.epochs=many");
        assertTrue(type.startsWith("--set train.epochs=many: config key 'train.epochs' has the wrong type"), type);
        String bad = error(file, "train.epochs=[1");
        assertTrue(bad.startsWith("--set train.epochs=[1: ") && bad.contains("not valid YAML"), bad);
        String inFile = error(write("name: x\ntrain:\n  epochz: 2\n"), "train.epochs=3");
        assertTrue(inFile.startsWith(dir.resolve("c.yaml") + ": unknown config key 'train.epochz'"), inFile);
    }

    @Test
    void aTeachersOverridesAreNamedAsTeacherSet() throws Exception {
        Files.writeString(dir.resolve("t.yaml"), "name: t\n");
        Path student = dir.resolve("s.yaml");
        Files.writeString(student, "name: s\nteacher:\n  config: t.yaml\n  set: [train.epochs=.nan]\ndistill:\n  kd: {}\n");
        String m = assertThrows(ConfigException.class,
                () -> org.pixeldistill.core.loop.TeacherConfigs.of(ConfigLoader.load(student))).getMessage();
        assertTrue(m.startsWith("teacher.set train.epochs=.nan: train.epochs must be a finite number"), m);
    }

    @Test
    void aDefaultedDataPathIsRecordedAbsolute() throws Exception {
        RunConfig cfg = ConfigLoader.load(write("name: x\n"));
        Path expected = Path.of(DataConfig.DEFAULT_PATH).toAbsolutePath().normalize();
        assertEquals(expected.toString(), cfg.data().path());
        assertTrue(ConfigLoader.toYaml(cfg).contains("path: " + expected), ConfigLoader.toYaml(cfg));
        // so a run folder's config.yaml, read back from anywhere, still names the same folder
        Path saved = dir.resolve("runs").resolve("r");
        Files.createDirectories(saved);
        Files.writeString(saved.resolve("config.yaml"), ConfigLoader.toYaml(cfg));
        assertEquals(expected.toString(), ConfigLoader.load(saved.resolve("config.yaml")).data().path());
    }
}
