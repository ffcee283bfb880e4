package org.pixeldistill.core.data;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipException;
import org.pixeldistill.core.config.ConfigException;

/**
 * Reads and writes IDX files of unsigned bytes (the MNIST / Fashion-MNIST format): magic 0x0801
 * for a label vector, 0x0803 for a stack of images. Gzip is detected from the content, not the
 * name, because both spellings circulate with and without the ".gz" suffix.
 */
public final class IdxFile {
    private static final int UNSIGNED_BYTE = 0x08;

    /** A stack of {@code count} grey images of {@code rows x cols} bytes, row-major. */
    public record Images(byte[] pixels, int count, int rows, int cols) {
        public Images {
            if ((long) count * rows * cols != pixels.length) {
                throw new IllegalArgumentException("pixel count " + pixels.length + " != " + count + "x" + rows + "x" + cols);
            }
        }
    }

    private IdxFile() {}

    /** Reads a 1-D IDX file (magic 0x0801). */
    public static byte[] readLabels(Path file) {
        Parsed p = read(file, 1);
        return p.data;
    }

    /** Reads a 3-D IDX file (magic 0x0803). */
    public static Images readImages(Path file) {
        Parsed p = read(file, 3);
        return new Images(p.data, p.dims[0], p.dims[1], p.dims[2]);
    }

    /** Writes a label file; gzipped when the name ends with ".gz". */
    public static void writeLabels(Path file, byte[] labels) {
        write(file, new int[] {labels.length}, labels);
    }

    /** Writes an image file; gzipped when the name ends with ".gz". */
    public static void writeImages(Path file, Images images) {
        write(file, new int[] {images.count(), images.rows(), images.cols()}, images.pixels());
    }

    /** {@code folder/baseName}, or {@code folder/baseName.gz}; the plain name wins when both exist. */
    public static Path find(Path folder, String baseName) {
        Path plain = folder.resolve(baseName);
        if (Files.isRegularFile(plain)) {
            return plain;
        }
        Path gz = folder.resolve(baseName + ".gz");
        if (Files.isRegularFile(gz)) {
            return gz;
        }
        throw new ConfigException("data file missing: " + gz + " (or " + plain + ")");
    }

    private record Parsed(int[] dims, byte[] data) {}

    private static Parsed read(Path file, int expectedDims) {
        if (!Files.isRegularFile(file)) {
            throw new ConfigException("data file missing: " + file);
        }
        byte[] all;
        try {
            all = readDecompressed(file);
        } catch (IOException e) {
            throw new ConfigException("data file " + file + " cannot be read: " + e.getMessage(), e);
        }
        if (all.length >= 4 && (all[0] != 0 || all[1] != 0 || (all[2] & 0xff) != UNSIGNED_BYTE || all[3] != expectedDims)) {
            throw new ConfigException(String.format(
                    "data file %s is not an IDX file of %d-D unsigned bytes (magic 0x%02x%02x%02x%02x, expected 0x000008%02x)",
                    file, expectedDims, all[0], all[1], all[2], all[3], expectedDims));
        }
        int headerBytes = 4 + 4 * expectedDims;
        if (all.length < headerBytes) {
            throw truncated(file, headerBytes, all.length);
        }
        ByteBuffer header = ByteBuffer.wrap(all, 4, 4 * expectedDims);
        int[] dims = new int[expectedDims];
        long payload = 1;
        for (int d = 0; d < expectedDims; d++) {
            dims[d] = header.getInt();
            if (dims[d] < 0) {
                throw new ConfigException("data file " + file + " is not an IDX file (negative dimension " + dims[d] + ")");
            }
            payload *= dims[d];
        }
        long expected = headerBytes + payload;
        if (all.length < expected) {
            throw truncated(file, expected, all.length);
        }
        if (payload > Integer.MAX_VALUE - 16) {
            throw new ConfigException("data file " + file + " is too large (" + payload + " bytes)");
        }
        byte[] data = new byte[(int) payload];
        System.arraycopy(all, headerBytes, data, 0, data.length);
        return new Parsed(dims, data);
    }

    private static ConfigException truncated(Path file, long expected, long found) {
        return new ConfigException(
                "data file " + file + " is truncated: expected " + expected + " bytes, found " + found);
    }

    /**
     * The file's bytes, inflated when it starts with the gzip magic. A gzip stream that ends early
     * yields the bytes inflated so far, so the caller can report how much is missing.
     */
    private static byte[] readDecompressed(Path file) throws IOException {
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            raw.mark(2);
            boolean gzip = raw.read() == 0x1f && raw.read() == 0x8b;
            raw.reset();
            ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 20);
            byte[] buf = new byte[1 << 16];
            try (InputStream in = gzip ? new GZIPInputStream(raw, 1 << 16) : raw) {
                for (int n; (n = in.read(buf)) > 0; ) {
                    out.write(buf, 0, n);
                }
            } catch (EOFException | ZipException e) {
                // Truncated or damaged gzip: keep what was inflated; the size check names the file.
            }
            return out.toByteArray();
        }
    }

    private static void write(Path file, int[] dims, byte[] data) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            boolean gzip = file.getFileName().toString().endsWith(".gz");
            try (OutputStream fileOut = Files.newOutputStream(file);
                    OutputStream body = gzip ? new GZIPOutputStream(fileOut, 1 << 16) : fileOut;
                    DataOutputStream out = new DataOutputStream(body)) {
                out.writeInt((UNSIGNED_BYTE << 8) | dims.length);
                for (int d : dims) {
                    out.writeInt(d);
                }
                out.write(data);
            }
        } catch (IOException e) {
            throw new ConfigException("cannot write data file " + file + ": " + e.getMessage(), e);
        }
    }
}
