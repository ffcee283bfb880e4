package org.pixeldistill.core.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pixeldistill.core.config.ConfigException;

class DemoSliceTest {
    @TempDir Path dir;

    /** Writes a split whose image i carries i in its first two bytes, with random labels. */
    private static byte[] writeSplit(Path folder, String prefix, int n, long seed) {
        byte[] labels = new byte[n];
        byte[] px = new byte[n * 784];
        Random rng = new Random(seed);
        for (int i = 0; i < n; i++) {
            labels[i] = (byte) rng.nextInt(10);
            px[i * 784] = (byte) (i % 256);
            px[i * 784 + 1] = (byte) (i / 256);
        }
        IdxFile.writeImages(folder.resolve(prefix + "-images-idx3-ubyte.gz"), new IdxFile.Images(px, n, 28, 28));
        IdxFile.writeLabels(folder.resolve(prefix + "-labels-idx1-ubyte.gz"), labels);
        return labels;
    }

    /** The expected picks: the first quota[c] of each class, in file order. */
    private static List<Integer> firstOfEachClass(byte[] labels, int count) {
        int[] quota = new int[10];
        for (int c = 0; c < 10; c++) {
            quota[c] = count / 10 + (c < count % 10 ? 1 : 0);
        }
        List<Integer> picked = new ArrayList<>();
        for (int i = 0; i < labels.length; i++) {
            if (quota[labels[i]]-- > 0) {
                picked.add(i);
            }
        }
        return picked;
    }

    @Test
    void sliceTakesTheFirstImagesOfEveryClassInFileOrder() {
        Path full = dir.resolve("full");
        byte[] trainLabels = writeSplit(full, "train", 400, 1);
        byte[] testLabels = writeSplit(full, "t10k", 150, 2);
        Path out = dir.resolve("slice");
        DemoSlice.write(full, out, 55, 20);

        DataSplits slice = FashionMnist.open(out);
        assertEquals(55, slice.train().size());
        assertEquals(20, slice.test().size());
        assertArrayEquals(new int[] {6, 6, 6, 6, 6, 5, 5, 5, 5, 5}, FashionMnistTest.classCounts(slice.train()));
        assertArrayEquals(new int[] {2, 2, 2, 2, 2, 2, 2, 2, 2, 2}, FashionMnistTest.classCounts(slice.test()));
        check(slice.train(), firstOfEachClass(trainLabels, 55), trainLabels);
        check(slice.test(), firstOfEachClass(testLabels, 20), testLabels);
    }

    private static void check(ImageDataset slice, List<Integer> expected, byte[] fullLabels) {
        for (int k = 0; k < slice.size(); k++) {
            RawImage img = slice.image(k);
            int original = Math.round(img.at(0, 0, 0) * 255) + 256 * Math.round(img.at(0, 0, 1) * 255);
            assertEquals(expected.get(k), original, "slice image " + k);
            assertEquals(fullLabels[original], slice.label(k));
        }
    }

    @Test
    void sliceIsByteForByteReproducible() throws Exception {
        Path full = dir.resolve("full");
        writeSplit(full, "train", 100, 3);
        writeSplit(full, "t10k", 100, 4);
        DemoSlice.write(full, dir.resolve("a"), 30, 10);
        DemoSlice.write(full, dir.resolve("b"), 30, 10);
        for (String f : new String[] {"train-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz"}) {
            assertArrayEquals(Files.readAllBytes(dir.resolve("a").resolve(f)), Files.readAllBytes(dir.resolve("b").resolve(f)));
        }
    }

    @Test
    void tooFewImagesOfAClassIsAnError() {
        Path full = dir.resolve("full");
        writeSplit(full, "train", 50, 5);
        writeSplit(full, "t10k", 50, 6);
        assertThrows(ConfigException.class, () -> DemoSlice.write(full, dir.resolve("out"), 200, 10));
    }
}
