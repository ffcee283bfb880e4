package org.pixeldistill.core.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pixeldistill.core.config.ConfigException;

class FashionMnistTest {
    @TempDir Path dir;

    static int[] classCounts(ImageDataset ds) {
        int[] counts = new int[ds.numClasses()];
        for (int i = 0; i < ds.size(); i++) {
            counts[ds.label(i)]++;
        }
        return counts;
    }

    @Test
    void committedSliceHoldsTenThousandAndTwoThousandBalancedImages() {
        DataSplits splits = FashionMnist.open(Path.of("assets/fashion-mnist"));
        assertEquals(10_000, splits.train().size());
        assertEquals(2_000, splits.test().size());
        int[] thousand = new int[10];
        Arrays.fill(thousand, 1000);
        int[] twoHundred = new int[10];
        Arrays.fill(twoHundred, 200);
        assertArrayEquals(thousand, classCounts(splits.train()));
        assertArrayEquals(twoHundred, classCounts(splits.test()));
        assertEquals("Ankle boot", splits.train().classNames().get(9));
        assertEquals(1, splits.train().channels());

        RawImage img = splits.train().image(0);
        assertEquals(1, img.channels());
        assertEquals(28, img.height());
        assertEquals(28, img.width());
        float max = 0;
        for (float v : img.pixels()) {
            assertTrue(v >= 0 && v <= 1);
            max = Math.max(max, v);
        }
        assertTrue(max > 0.5f, "a real picture, not a blank");
    }

    @Test
    void plainFilesAreReadAndBytesBecomeUnitFloats() {
        byte[] px = new byte[2 * 28 * 28];
        px[0] = (byte) 255;
        px[1] = 51;
        px[28 * 28] = 102;
        for (String prefix : new String[] {"train", "t10k"}) {
            IdxFile.writeImages(dir.resolve(prefix + "-images-idx3-ubyte"), new IdxFile.Images(px, 2, 28, 28));
            IdxFile.writeLabels(dir.resolve(prefix + "-labels-idx1-ubyte"), new byte[] {3, 7});
        }
        FashionMnist train = FashionMnist.load(dir, true);
        assertEquals(2, train.size());
        assertEquals(7, train.label(1));
        assertEquals(1f, train.image(0).at(0, 0, 0));
        assertEquals(0.2f, train.image(0).at(0, 0, 1), 1e-6);
        assertEquals(0.4f, train.image(1).at(0, 0, 0), 1e-6);
    }

    @Test
    void missingFileAndLabelOutOfRangeAreNamed() {
        ConfigException missing = assertThrows(ConfigException.class, () -> FashionMnist.load(dir, true));
        assertTrue(missing.getMessage().contains("train-images-idx3-ubyte"), missing.getMessage());

        IdxFile.writeImages(dir.resolve("train-images-idx3-ubyte.gz"), new IdxFile.Images(new byte[784], 1, 28, 28));
        IdxFile.writeLabels(dir.resolve("train-labels-idx1-ubyte.gz"), new byte[] {10});
        ConfigException bad = assertThrows(ConfigException.class, () -> FashionMnist.load(dir, true));
        assertTrue(bad.getMessage().contains("train-labels-idx1-ubyte.gz") && bad.getMessage().contains("label 10"), bad.getMessage());
    }
}
