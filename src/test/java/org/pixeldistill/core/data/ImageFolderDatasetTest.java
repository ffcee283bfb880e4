package org.pixeldistill.core.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pixeldistill.core.config.ConfigException;

class ImageFolderDatasetTest {
    @TempDir Path root;

    private static List<Path> files(ImageDataset ds) {
        List<Path> out = new ArrayList<>();
        for (int i = 0; i < ds.size(); i++) {
            out.add(((FileImageDataset) ds).file(i));
        }
        return out;
    }

    @Test
    void trainAndTestFoldersGiveTheSplitAndSortedClasses() throws IOException {
        Fixtures.rgbPng(root.resolve("train/dog/d1.png"), 3, 3, 1, 2, 3);
        Fixtures.rgbPng(root.resolve("train/dog/d2.jpg"), 3, 3, 1, 2, 3);
        Fixtures.rgbPng(root.resolve("train/cat/c1.png"), 3, 3, 1, 2, 3);
        Fixtures.greyPng(root.resolve("test/cat/c9.png"), 2, 2, 77);
        Fixtures.rgbPng(root.resolve("test/dog/d9.png"), 3, 3, 1, 2, 3);
        Files.writeString(root.resolve("train/dog/notes.txt"), "not an image");

        DataSplits s = ImageFolderDataset.open(root, 0.8);
        assertEquals(List.of("cat", "dog"), s.train().classNames());
        assertEquals(3, s.train().size());
        assertEquals(List.of(0, 1, 1), List.of(s.train().label(0), s.train().label(1), s.train().label(2)));
        assertEquals(2, s.test().size());
        RawImage grey = s.test().image(0);
        assertEquals(3, grey.channels());
        assertEquals(77 / 255f, grey.at(2, 1, 1), 1e-6);
    }

    @Test
    void flatLayoutIsSplitPerClassByRatioAndSeed() {
        for (int i = 0; i < 10; i++) {
            Fixtures.rgbPng(root.resolve("apple/a" + i + ".png"), 2, 2, i, 0, 0);
            Fixtures.rgbPng(root.resolve("pear/p" + i + ".bmp"), 2, 2, i, 0, 0);
        }
        Fixtures.rgbPng(root.resolve("plum/only.png"), 2, 2, 0, 0, 0);

        DataSplits s = ImageFolderDataset.open(root, 0.6, 5);
        assertEquals(List.of("apple", "pear", "plum"), s.train().classNames());
        assertEquals(6 + 6 + 1, s.train().size());
        assertEquals(4 + 4, s.test().size());
        Set<Path> all = new HashSet<>(files(s.train()));
        all.addAll(files(s.test()));
        assertEquals(21, all.size(), "every image on exactly one side");

        assertEquals(files(s.train()), files(ImageFolderDataset.open(root, 0.6, 5).train()), "same seed, same split");
        assertNotEquals(files(s.train()), files(ImageFolderDataset.open(root, 0.6, 6).train()), "another seed, another split");
    }

    @Test
    void jpegAndBmpDecodeToRgb() {
        Fixtures.rgbImage(root.resolve("train/k/x.bmp"), "bmp", 4, 4, 200, 10, 90);
        Fixtures.rgbImage(root.resolve("test/k/y.jpg"), "jpg", 8, 8, 120, 120, 120);
        DataSplits s = ImageFolderDataset.open(root, 0.8);
        RawImage bmp = s.train().image(0);
        assertEquals(203 / 255f, bmp.at(0, 0, 3), 1e-6, "BMP is lossless");
        assertEquals(12 / 255f, bmp.at(1, 2, 0), 1e-6);
        RawImage jpg = s.test().image(0);
        assertEquals(3, jpg.channels());
        assertEquals(8, jpg.width());
        assertEquals(124 / 255f, jpg.at(0, 4, 4), 6 / 255f, "JPEG is close");
    }

    @Test
    void emptyOrHalfSplitFoldersAreErrors() throws IOException {
        Files.createDirectories(root.resolve("empty-class"));
        ConfigException e = assertThrows(ConfigException.class, () -> ImageFolderDataset.open(root, 0.8));
        assertTrue(e.getMessage().contains("no class folders"), e.getMessage());

        Files.createDirectories(root.resolve("train/a"));
        ConfigException half = assertThrows(ConfigException.class, () -> ImageFolderDataset.open(root, 0.8));
        assertTrue(half.getMessage().contains("no test/"), half.getMessage());

        ConfigException missing = assertThrows(ConfigException.class, () -> ImageFolderDataset.open(root.resolve("x"), 0.8));
        assertTrue(missing.getMessage().contains(root.resolve("x").toString()));
    }
}
