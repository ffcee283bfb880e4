package org.pixeldistill.core.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pixeldistill.core.config.ConfigException;

class IdxFileTest {
    @TempDir Path dir;

    private static IdxFile.Images sample(int count, int rows, int cols, long seed) {
        byte[] px = new byte[count * rows * cols];
        new Random(seed).nextBytes(px);
        return new IdxFile.Images(px, count, rows, cols);
    }

    @Test
    void gzippedImagesAndLabelsRoundTrip() throws IOException {
        IdxFile.Images images = sample(3, 2, 5, 1);
        byte[] labels = {0, 9, (byte) 200};
        Path imgFile = dir.resolve("imgs.gz");
        Path lblFile = dir.resolve("lbls.gz");
        IdxFile.writeImages(imgFile, images);
        IdxFile.writeLabels(lblFile, labels);

        byte[] head = Arrays.copyOf(Files.readAllBytes(imgFile), 2);
        assertArrayEquals(new byte[] {0x1f, (byte) 0x8b}, head, "written gzipped");
        IdxFile.Images back = IdxFile.readImages(imgFile);
        assertEquals(3, back.count());
        assertEquals(2, back.rows());
        assertEquals(5, back.cols());
        assertArrayEquals(images.pixels(), back.pixels());
        assertArrayEquals(labels, IdxFile.readLabels(lblFile));
    }

    @Test
    void plainFileRoundTripsWithTheStandardHeader() throws IOException {
        IdxFile.Images images = sample(2, 3, 3, 2);
        Path file = dir.resolve("plain-idx3-ubyte");
        IdxFile.writeImages(file, images);
        byte[] raw = Files.readAllBytes(file);
        assertEquals(16 + 18, raw.length);
        assertArrayEquals(new byte[] {0, 0, 8, 3, 0, 0, 0, 2, 0, 0, 0, 3, 0, 0, 0, 3}, Arrays.copyOf(raw, 16));
        assertArrayEquals(images.pixels(), IdxFile.readImages(file).pixels());
    }

    @Test
    void gzipIsDetectedByContentNotName() throws IOException {
        Path gz = dir.resolve("labels.gz");
        IdxFile.writeLabels(gz, new byte[] {4, 5, 6});
        Path renamed = Files.copy(gz, dir.resolve("labels-without-suffix"));
        assertArrayEquals(new byte[] {4, 5, 6}, IdxFile.readLabels(renamed));
    }

    @Test
    void truncatedPlainFileReportsExpectedAndFoundBytes() throws IOException {
        Path file = dir.resolve("cut-idx3-ubyte");
        IdxFile.writeImages(file, sample(3, 2, 2, 3));
        byte[] raw = Files.readAllBytes(file);
        Files.write(file, Arrays.copyOf(raw, 20));
        ConfigException e = assertThrows(ConfigException.class, () -> IdxFile.readImages(file));
        assertEquals("data file " + file + " is truncated: expected 28 bytes, found 20", e.getMessage());
    }

    @Test
    void truncatedGzipFileNamesTheFile() throws IOException {
        Path file = dir.resolve("cut.gz");
        IdxFile.writeImages(file, sample(100, 28, 28, 4)); // random bytes barely compress
        byte[] raw = Files.readAllBytes(file);
        Files.write(file, Arrays.copyOf(raw, raw.length / 2));
        ConfigException e = assertThrows(ConfigException.class, () -> IdxFile.readImages(file));
        assertTrue(e.getMessage().startsWith("data file " + file + " is truncated: expected 78416 bytes, found "), e.getMessage());
    }

    @Test
    void missingFileIsNamed() {
        Path file = dir.resolve("nope-idx1-ubyte");
        ConfigException e = assertThrows(ConfigException.class, () -> IdxFile.readLabels(file));
        assertEquals("data file missing: " + file, e.getMessage());
    }

    @Test
    void labelsFileReadAsImagesIsNotAnImageIdx() {
        Path file = dir.resolve("labels");
        IdxFile.writeLabels(file, new byte[] {1, 2});
        ConfigException e = assertThrows(ConfigException.class, () -> IdxFile.readImages(file));
        assertTrue(e.getMessage().contains(file + " is not an IDX file"), e.getMessage());
    }

    @Test
    void findPrefersPlainAndFallsBackToGz() {
        IdxFile.writeLabels(dir.resolve("a.gz"), new byte[] {1});
        assertEquals(dir.resolve("a.gz"), IdxFile.find(dir, "a"));
        IdxFile.writeLabels(dir.resolve("a"), new byte[] {1});
        assertEquals(dir.resolve("a"), IdxFile.find(dir, "a"));
        ConfigException e = assertThrows(ConfigException.class, () -> IdxFile.find(dir, "b"));
        assertTrue(e.getMessage().startsWith("data file missing: " + dir.resolve("b.gz")), e.getMessage());
    }
}
