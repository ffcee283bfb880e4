package org.pixeldistill.core.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pixeldistill.core.config.DataConfig;

class BatchLoaderTest {
    @TempDir Path dir;

    private static TwoViewSampler sampler(int large, int small) {
        DataConfig cfg = new DataConfig(null, null, null, null, null, null, null, "rrc", List.of(0.3, 1.0), null, true,
                "area", null, null);
        return new TwoViewSampler(cfg, large, small, new float[] {0.3f}, new float[] {0.4f});
    }

    private static List<Batch> drain(ImageDataset ds, TwoViewSampler s, int batch, boolean training, long seed, int epoch, int workers) {
        List<Batch> out = new ArrayList<>();
        try (BatchLoader loader = new BatchLoader(ds, s, batch, training, seed, epoch, workers)) {
            loader.forEachRemaining(out::add);
            assertTrue(loader.waitNanos() >= 0);
        }
        return out;
    }

    private static void assertSameBatches(List<Batch> a, List<Batch> b) {
        assertEquals(a.size(), b.size());
        for (int i = 0; i < a.size(); i++) {
            assertArrayEquals(a.get(i).labels(), b.get(i).labels(), "batch " + i);
            assertArrayEquals(a.get(i).small(), b.get(i).small(), "batch " + i);
            assertArrayEquals(a.get(i).large(), b.get(i).large(), "batch " + i);
        }
    }

    @Test
    void trainingEpochCoversEveryImageOnceAndKeepsTheLastPartialBatch() {
        ImageDataset ds = Fixtures.traceable(37, 12, Set.of());
        List<Batch> batches = drain(ds, sampler(16, 8), 8, true, 7, 0, 2);
        assertEquals(5, batches.size());
        assertEquals(5, batches.get(4).count());
        Batch first = batches.get(0);
        assertEquals(8 * 16 * 16, first.large().length);
        assertEquals(8 * 8 * 8, first.small().length);
        assertEquals(1, first.channels());
        int[] seen = batches.stream().flatMapToInt(b -> Arrays.stream(b.labels())).sorted().toArray();
        int[] all = new int[37];
        Arrays.setAll(all, i -> i);
        assertArrayEquals(all, seen);
        int[] order = batches.stream().flatMapToInt(b -> Arrays.stream(b.labels())).toArray();
        assertFalse(Arrays.equals(all, order), "training order is shuffled");
    }

    @Test
    void sameSeedGivesTheSameBatchesWhateverTheWorkerCount() {
        ImageDataset ds = Fixtures.traceable(29, 12, Set.of());
        List<Batch> one = drain(ds, sampler(16, 8), 4, true, 42, 3, 1);
        List<Batch> three = drain(ds, sampler(16, 8), 4, true, 42, 3, 3);
        assertSameBatches(one, three);

        List<Batch> otherSeed = drain(ds, sampler(16, 8), 4, true, 43, 3, 3);
        assertFalse(Arrays.equals(one.get(0).labels(), otherSeed.get(0).labels()) && Arrays.equals(one.get(0).small(), otherSeed.get(0).small()));
        List<Batch> otherEpoch = drain(ds, sampler(16, 8), 4, true, 42, 4, 1);
        assertFalse(Arrays.equals(one.get(0).labels(), otherEpoch.get(0).labels()));
    }

    @Test
    void testModeIsSequentialAndUnaugmented() {
        ImageDataset ds = Fixtures.traceable(10, 12, Set.of());
        TwoViewSampler s = sampler(12, 12);
        List<Batch> batches = drain(ds, s, 4, false, 1, 0, 2);
        assertArrayEquals(new int[] {0, 1, 2, 3}, batches.get(0).labels());
        assertArrayEquals(new int[] {8, 9}, batches.get(2).labels());
        assertSame(batches.get(1).large(), batches.get(1).small(), "equal sizes share one array");
        float[] expected = s.test(ds.image(5)).small();
        assertArrayEquals(expected, Arrays.copyOfRange(batches.get(1).small(), 144, 288));
        assertSameBatches(batches, drain(ds, s, 4, false, 99, 5, 3));
    }

    @Test
    void imagesThatDoNotDecodeAreSkippedAndCounted() {
        // Images 4-7 fill the second batch entirely: that batch is not delivered at all.
        ImageDataset ds = Fixtures.traceable(10, 12, Set.of(1, 4, 5, 6, 7));
        try (BatchLoader loader = new BatchLoader(ds, sampler(12, 6), 4, false, 0, 0, 2)) {
            List<Batch> batches = new ArrayList<>();
            loader.forEachRemaining(batches::add);
            assertEquals(2, batches.size());
            assertArrayEquals(new int[] {0, 2, 3}, batches.get(0).labels());
            assertEquals(3, batches.get(0).count());
            assertEquals(3 * 36, batches.get(0).small().length);
            assertArrayEquals(new int[] {8, 9}, batches.get(1).labels());
            assertEquals(5, loader.skipped());
        }
    }

    @Test
    void corruptFileInAnImageFolderIsSkipped() {
        for (int i = 0; i < 3; i++) {
            Fixtures.rgbPng(dir.resolve("a/a" + i + ".png"), 5, 4, i, 0, 0);
            Fixtures.rgbPng(dir.resolve("b/b" + i + ".png"), 4, 5, i, 0, 0);
        }
        Fixtures.corruptFile(dir.resolve("b/broken.png"));
        ImageDataset train = ImageFolderDataset.open(dir, 0.99).train();
        DataConfig cfg = new DataConfig("image-folder", null, null, null, null, null, null, null, null, null, null, null, null, null);
        TwoViewSampler s = new TwoViewSampler(cfg, 8, 4, new float[] {0.5f, 0.5f, 0.5f}, new float[] {0.2f, 0.2f, 0.2f});
        try (BatchLoader loader = new BatchLoader(train, s, 3, true, 1, 0, 2)) {
            int images = 0;
            while (loader.hasNext()) {
                Batch b = loader.next();
                assertEquals(3, b.channels());
                assertEquals(b.count() * 3 * 8 * 8, b.large().length);
                images += b.count();
            }
            assertEquals(train.size() - 1, images);
            assertEquals(1, loader.skipped());
        }
    }

    @Test
    void closeStopsTheWorkersPromptly() {
        ImageDataset slow = new DelegatingSlowDataset(Fixtures.traceable(200, 12, Set.of()));
        long start = System.nanoTime();
        BatchLoader loader = new BatchLoader(slow, sampler(12, 6), 4, true, 0, 0, 2);
        assertTrue(loader.hasNext());
        loader.next();
        loader.close();
        assertTrue(System.nanoTime() - start < 2_000_000_000L, "close must not wait for the epoch");
        assertTrue(loader.waitNanos() > 0, "the first batch had to be waited for");
        assertFalse(Thread.getAllStackTraces().keySet().stream()
                .anyMatch(t -> t.getName().startsWith("pixeldistill-data-") && t.isAlive() && t.getState() == Thread.State.TIMED_WAITING));
    }

    /** Takes 20 ms per image, like a slow disk. */
    private record DelegatingSlowDataset(ImageDataset base) implements ImageDataset {
        @Override public String name() { return base.name(); }
        @Override public int size() { return base.size(); }
        @Override public int label(int index) { return base.label(index); }
        @Override public List<String> classNames() { return base.classNames(); }
        @Override public int channels() { return 1; }

        @Override
        public RawImage image(int index) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return base.image(index);
        }
    }
}
