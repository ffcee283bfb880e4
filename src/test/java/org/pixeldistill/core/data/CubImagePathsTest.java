package org.pixeldistill.core.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pixeldistill.core.config.ConfigException;

/** images.txt may only name files inside images/: '../' and absolute paths are errors naming the line. */
class CubImagePathsTest {
    @TempDir Path root;

    @BeforeEach
    void buildFixture() throws Exception {
        Fixtures.rgbPng(root.resolve("images/001.Alpha/a1.png"), 4, 3, 10, 20, 30);
        Fixtures.rgbPng(root.resolve("images/001.Alpha/a2.png"), 4, 3, 11, 20, 30);
        // a real image outside images/, so only the path check can refuse it
        Fixtures.rgbPng(root.resolve("outside.png"), 4, 3, 12, 20, 30);
        Files.writeString(root.resolve("image_class_labels.txt"), "1 1\n2 1\n");
        Files.writeString(root.resolve("train_test_split.txt"), "1 1\n2 0\n");
    }

    private String refused(String secondPath) throws Exception {
        Files.writeString(root.resolve("images.txt"), "1 001.Alpha/a1.png\n2 " + secondPath + "\n");
        return assertThrows(ConfigException.class, () -> CubDataset.open(root)).getMessage();
    }

    @Test
    void aPathThroughDotDotIsRefusedWithItsLine() throws Exception {
        String m = refused("../outside.png");
        assertTrue(m.contains("images.txt line 2") && m.contains("'../outside.png' is not inside"), m);
        String deeper = refused("001.Alpha/../../outside.png");
        assertTrue(deeper.contains("line 2"), deeper);
    }

    @Test
    void anAbsolutePathIsRefused() throws Exception {
        String m = refused(root.resolve("outside.png").toString());
        assertTrue(m.contains("line 2") && m.contains("is not inside"), m);
    }

    @Test
    void dotDotThatStaysInsideIsFine() throws Exception {
        Files.writeString(root.resolve("images.txt"), "1 001.Alpha/a1.png\n2 001.Alpha/../001.Alpha/a2.png\n");
        assertEquals(1, CubDataset.open(root).test().size());
    }
}
