package org.pixeldistill.core.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pixeldistill.core.config.ConfigException;

class CubDatasetTest {
    @TempDir Path root;

    /** 2 classes x 3 images; images 3 and 6 are test images; image 2 is a grey PNG. */
    @BeforeEach
    void buildFixture() throws IOException {
        Fixtures.rgbPng(root.resolve("images/001.Alpha/a1.png"), 4, 3, 10, 20, 30);
        Fixtures.greyPng(root.resolve("images/001.Alpha/a2.png"), 5, 5, 100);
        Fixtures.rgbPng(root.resolve("images/001.Alpha/a3.png"), 4, 3, 11, 20, 30);
        Fixtures.rgbPng(root.resolve("images/002.Beta/b1.png"), 6, 2, 40, 50, 60);
        Fixtures.rgbPng(root.resolve("images/002.Beta/b2.png"), 6, 2, 41, 50, 60);
        Fixtures.rgbPng(root.resolve("images/002.Beta/b3.png"), 6, 2, 42, 50, 60);
        Files.writeString(root.resolve("images.txt"), """
                1 001.Alpha/a1.png
                2 001.Alpha/a2.png
                3 001.Alpha/a3.png
                4 002.Beta/b1.png
                5 002.Beta/b2.png
                6 002.Beta/b3.png
                """);
        Files.writeString(root.resolve("image_class_labels.txt"), "1 1\n2 1\n3 1\n4 2\n5 2\n6 2\n");
        Files.writeString(root.resolve("train_test_split.txt"), "1 1\n2 1\n3 0\n4 1\n5 1\n6 0\n");
        Files.writeString(root.resolve("classes.txt"), "1 001.Black_footed_Albatross\n2 002.Laysan_Albatross\n");
    }

    @Test
    void splitsLabelsAndNamesFollowTheIndexFiles() {
        DataSplits s = CubDataset.open(root);
        assertEquals(4, s.train().size());
        assertEquals(2, s.test().size());
        assertEquals(List.of(0, 0, 1, 1), List.of(s.train().label(0), s.train().label(1), s.train().label(2), s.train().label(3)));
        assertEquals(0, s.test().label(0));
        assertEquals(1, s.test().label(1));
        assertEquals(List.of("001.Black_footed_Albatross", "002.Laysan_Albatross"), s.train().classNames());
        assertEquals("cub", s.train().name());

        RawImage b1 = s.train().image(2);
        assertEquals(3, b1.channels());
        assertEquals(2, b1.height());
        assertEquals(6, b1.width());
        assertEquals(41 / 255f, b1.at(0, 0, 1), 1e-6, "red of pixel (1,0) is 40+1");
        assertEquals(51 / 255f, b1.at(1, 1, 0), 1e-6, "green of pixel (0,1) is 50+1");
        assertEquals(60 / 255f, b1.at(2, 1, 5), 1e-6);
    }

    @Test
    void greyImageIsReplicatedToThreeEqualChannels() {
        RawImage grey = CubDataset.open(root).train().image(1);
        assertEquals(3, grey.channels());
        for (int c = 0; c < 3; c++) {
            assertEquals(100 / 255f, grey.at(c, 2, 3), 1e-6, "channel " + c);
        }
    }

    @Test
    void withoutClassesTxtTheFolderNamesAreUsed() throws IOException {
        Files.delete(root.resolve("classes.txt"));
        assertEquals(List.of("001.Alpha", "002.Beta"), CubDataset.open(root).test().classNames());
    }

    @Test
    void missingIndexFileIsNamed() throws IOException {
        Files.delete(root.resolve("image_class_labels.txt"));
        ConfigException e = assertThrows(ConfigException.class, () -> CubDataset.open(root));
        assertTrue(e.getMessage().contains(root.resolve("image_class_labels.txt").toString()), e.getMessage());
    }

    @Test
    void emptyIndexAndMissingImageAreErrors() throws IOException {
        Files.delete(root.resolve("images/002.Beta/b3.png"));
        ConfigException missing = assertThrows(ConfigException.class, () -> CubDataset.open(root));
        assertTrue(missing.getMessage().contains("b3.png"), missing.getMessage());

        Files.writeString(root.resolve("images.txt"), "\n");
        ConfigException empty = assertThrows(ConfigException.class, () -> CubDataset.open(root));
        assertTrue(empty.getMessage().contains("lists no images"), empty.getMessage());
    }

    @Test
    void anImageTheOtherIndexFilesKnowButImagesTxtLacksIsNamed() throws IOException {
        // image 4 has a class and a split but no path: it must not vanish from training unsaid
        Files.writeString(root.resolve("images.txt"), """
                1 001.Alpha/a1.png
                2 001.Alpha/a2.png
                3 001.Alpha/a3.png
                5 002.Beta/b2.png
                6 002.Beta/b3.png
                """);
        ConfigException e = assertThrows(ConfigException.class, () -> CubDataset.open(root));
        assertTrue(e.getMessage().contains(root.resolve("image_class_labels.txt").toString())
                && e.getMessage().contains("image 4") && e.getMessage().contains("images.txt"), e.getMessage());
    }

    @Test
    void anIdMissingFromTheSplitFileIsNamedWithTheFile() throws IOException {
        Files.writeString(root.resolve("train_test_split.txt"), "1 1\n2 1\n3 0\n4 1\n6 0\n");
        ConfigException e = assertThrows(ConfigException.class, () -> CubDataset.open(root));
        assertTrue(e.getMessage().contains(root.resolve("train_test_split.txt").toString())
                && e.getMessage().contains("image 5"), e.getMessage());
    }

    @Test
    void aListedImageMissingOnDiskIsNamedWithItsId() throws IOException {
        Files.delete(root.resolve("images/001.Alpha/a2.png"));
        ConfigException e = assertThrows(ConfigException.class, () -> CubDataset.open(root));
        assertTrue(e.getMessage().contains("a2.png") && e.getMessage().contains("image 2"), e.getMessage());
    }

    @Test
    void duplicateIdsBadSplitsAndBadNumbersNameTheLine() throws IOException {
        Files.writeString(root.resolve("image_class_labels.txt"), "1 1\n2 1\n3 1\n4 2\n4 2\n5 2\n6 2\n");
        ConfigException dup = assertThrows(ConfigException.class, () -> CubDataset.open(root));
        assertTrue(dup.getMessage().contains("line 5") && dup.getMessage().contains("second time"), dup.getMessage());

        Files.writeString(root.resolve("image_class_labels.txt"), "1 1\n2 1\n3 1\n4 2\n5 2\n6 2\n");
        Files.writeString(root.resolve("train_test_split.txt"), "1 1\n2 1\n3 0\n4 yes\n5 1\n6 0\n");
        ConfigException split = assertThrows(ConfigException.class, () -> CubDataset.open(root));
        assertTrue(split.getMessage().contains("image 4") && split.getMessage().contains("'yes'"), split.getMessage());

        Files.writeString(root.resolve("train_test_split.txt"), "1 1\n2 1\nx3 0\n4 1\n5 1\n6 0\n");
        ConfigException number = assertThrows(ConfigException.class, () -> CubDataset.open(root));
        assertTrue(number.getMessage().contains("line 3") && number.getMessage().contains("'x3'"), number.getMessage());
    }
}
