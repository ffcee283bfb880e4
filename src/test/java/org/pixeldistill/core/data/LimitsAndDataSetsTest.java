package org.pixeldistill.core.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pixeldistill.core.config.ConfigException;
import org.pixeldistill.core.config.DataConfig;

class LimitsAndDataSetsTest {
    @TempDir Path dir;

    private static DataConfig cfg(String dataset, String path, int trainLimit, int testLimit, List<Double> mean, List<Double> std) {
        return new DataConfig(dataset, path, trainLimit, testLimit, null, mean, std, null, null, null, null, null, null, null);
    }

    /** Labels 0,0,0,0,0,1,2,2,2,2 (class 1 has a single image). */
    private static void writeUnevenSet(Path folder) {
        byte[] labels = {0, 0, 0, 0, 0, 1, 2, 2, 2, 2};
        byte[] px = new byte[labels.length * 784];
        for (int i = 0; i < labels.length; i++) {
            px[i * 784] = (byte) i;
        }
        for (String prefix : new String[] {"train", "t10k"}) {
            IdxFile.writeImages(folder.resolve(prefix + "-images-idx3-ubyte.gz"), new IdxFile.Images(px, labels.length, 28, 28));
            IdxFile.writeLabels(folder.resolve(prefix + "-labels-idx1-ubyte.gz"), labels);
        }
    }

    @Test
    void limitTakesClassesInTurnAndKeepsOrder() {
        writeUnevenSet(dir.resolve("fm"));
        ImageDataset full = FashionMnist.load(dir.resolve("fm"), true);
        LimitedDataset six = (LimitedDataset) LimitedDataset.balanced(full, 6);
        // Turns: 0,1,2 then 0,(1 empty),2 then 0 -> indices 0,1,5,6,7 ... in base order.
        assertArrayEquals(new int[] {0, 1, 2, 5, 6, 7}, new int[] {six.baseIndex(0), six.baseIndex(1), six.baseIndex(2),
                six.baseIndex(3), six.baseIndex(4), six.baseIndex(5)});
        assertArrayEquals(new int[] {3, 1, 2, 0, 0, 0, 0, 0, 0, 0}, FashionMnistTest.classCounts(six));
        assertEquals(5 / 255f, six.image(3).at(0, 0, 0), 1e-6, "view image 3 is base image 5");
        assertSame(full, LimitedDataset.balanced(full, 0));
        assertSame(full, LimitedDataset.balanced(full, 10));
    }

    @Test
    void openResolvesRelativePathAndAppliesLimits() {
        writeUnevenSet(dir.resolve("data/fm"));
        DataSplits s = DataSets.open(cfg("fashion-mnist", "data/fm", 3, 0, null, null), dir);
        assertEquals(3, s.train().size());
        assertArrayEquals(new int[] {1, 1, 1, 0, 0, 0, 0, 0, 0, 0}, FashionMnistTest.classCounts(s.train()));
        assertEquals(10, s.test().size());

        ConfigException e = assertThrows(ConfigException.class,
                () -> DataSets.open(cfg("fashion-mnist", "elsewhere", 0, 0, null, null), dir));
        assertEquals("data folder missing: " + dir.resolve("elsewhere"), e.getMessage());
        assertThrows(ConfigException.class, () -> DataSets.open(cfg("mnist", "data/fm", 0, 0, null, null), dir));
    }

    @Test
    void normalisationDefaultsAndOverrides() {
        Normalization fm = Normalization.defaults("fashion-mnist", 1);
        assertArrayEquals(new float[] {0.2860f}, fm.mean());
        assertArrayEquals(new float[] {0.3530f}, fm.std());
        Normalization cub = Normalization.defaults("cub", 3);
        assertArrayEquals(new float[] {0.485f, 0.456f, 0.406f}, cub.mean());
        assertArrayEquals(new float[] {0.229f, 0.224f, 0.225f}, cub.std());

        Normalization one = Normalization.of(cfg("cub", "x", 0, 0, List.of(0.5), List.of(0.25)), 3);
        assertArrayEquals(new float[] {0.5f, 0.5f, 0.5f}, one.mean());
        assertArrayEquals(new float[] {0.25f, 0.25f, 0.25f}, one.std());
        assertThrows(ConfigException.class, () -> Normalization.of(cfg("cub", "x", 0, 0, List.of(0.1, 0.2), List.of(1.0, 1.0)), 3));
    }
}
