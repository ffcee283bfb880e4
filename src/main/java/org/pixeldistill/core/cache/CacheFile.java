package org.pixeldistill.core.cache;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.zip.CRC32C;
import java.util.zip.CheckedOutputStream;
import org.pixeldistill.core.run.AtomicFiles;

/**
 * The byte layout of a teacher cache and of the chunks a build leaves behind, one format for
 * both, big-endian:
 *
 * <pre>
 * magic        8 bytes, "PDTCACHE" (a whole cache) or "PDTCPART" (a chunk of a build)
 * version      int, {@value #VERSION}
 * key          int length + UTF-8 text of the {@link CacheKey}
 * firstImage   int (0 for a whole cache)
 * images       int
 * views        int
 * classes      int
 * records      images x views of: x0, y0, w, h (4 floats), flip (1 byte), logits (classes floats)
 * checksum     int, CRC32C of every byte before it
 * </pre>
 *
 * {@code classes} is the number of floats a record holds per view: a classifier's classes (its
 * logits), or for a detector everything {@code core.detect.DetectionCacheLayout} lays out (class
 * logits and box offsets per anchor, maybe pyramid features). A reader checks the magic, version, exact length, checksum, key and counts, in that order, and
 * names the first that fails. Files are written atomically (temporary file, then rename).
 */
final class CacheFile {
    static final String WHOLE = "PDTCACHE";
    static final String PART = "PDTCPART";
    static final int VERSION = 1;
    private static final int FIXED_HEADER = 8 + 4 + 4 + 16;

    private CacheFile() {}

    /** Bytes one record takes. */
    static int recordBytes(int classes) {
        return 4 * 4 + 1 + 4 * classes;
    }

    /** Bytes before the records. */
    static long headerBytes(CacheKey key) {
        return FIXED_HEADER + key.text().getBytes(StandardCharsets.UTF_8).length;
    }

    static void write(Path file, String magic, CacheKey key, CacheRecords r) {
        AtomicFiles.write(file, raw -> {
            BufferedOutputStream buffered = new BufferedOutputStream(raw, 1 << 16);
            CRC32C crc = new CRC32C();
            DataOutputStream out = new DataOutputStream(new CheckedOutputStream(buffered, crc));
            out.write(magic.getBytes(StandardCharsets.US_ASCII));
            out.writeInt(VERSION);
            byte[] keyBytes = key.text().getBytes(StandardCharsets.UTF_8);
            out.writeInt(keyBytes.length);
            out.write(keyBytes);
            out.writeInt(r.firstImage());
            out.writeInt(r.images());
            out.writeInt(r.views());
            out.writeInt(r.classes());
            ByteBuffer rec = ByteBuffer.allocate(recordBytes(r.classes()));
            for (int i = 0; i < r.records(); i++) {
                rec.clear();
                for (int k = 0; k < 4; k++) {
                    rec.putFloat(r.boxes()[4 * i + k]);
                }
                rec.put((byte) (r.flips()[i] ? 1 : 0));
                for (int c = 0; c < r.classes(); c++) {
                    rec.putFloat(r.logits()[i * r.classes() + c]);
                }
                out.write(rec.array());
            }
            out.flush();
            new DataOutputStream(buffered).writeInt((int) crc.getValue());
            buffered.flush();
        });
    }

    /**
     * Reads and checks a file written by {@link #write}.
     *
     * @throws CacheInvalidException naming what is wrong (missing, not a cache, other version,
     *     truncated, damaged, other key, other counts)
     */
    static CacheRecords read(Path file, String magic, CacheKey key, int images, int views, int classes)
            throws CacheInvalidException {
        byte[] bytes = readAll(file);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        try {
            byte[] m = new byte[8];
            in.get(m);
            if (!magic.equals(new String(m, StandardCharsets.US_ASCII))) {
                throw new CacheInvalidException("not a teacher cache file (its first bytes are not " + magic + ")");
            }
            int version = in.getInt();
            if (version != VERSION) {
                throw new CacheInvalidException("written by format version " + version + ", this build reads " + VERSION);
            }
            int keyLength = in.getInt();
            if (keyLength < 0 || keyLength > bytes.length) {
                throw new CacheInvalidException("damaged header (key length " + keyLength + ")");
            }
            byte[] keyBytes = new byte[keyLength];
            in.get(keyBytes);
            int first = in.getInt();
            int n = in.getInt();
            int v = in.getInt();
            int c = in.getInt();
            long expected = FIXED_HEADER + keyLength + (long) n * v * recordBytes(c) + 4;
            if (n < 0 || v < 1 || c < 1 || bytes.length != expected) {
                throw new CacheInvalidException(bytes.length < expected ? "truncated: " + bytes.length + " of "
                        + expected + " bytes" : "damaged: " + bytes.length + " bytes where the header promises " + expected);
            }
            CRC32C crc = new CRC32C();
            crc.update(bytes, 0, bytes.length - 4);
            if ((int) crc.getValue() != ByteBuffer.wrap(bytes, bytes.length - 4, 4).getInt()) {
                throw new CacheInvalidException("damaged: checksum mismatch");
            }
            String found = new String(keyBytes, StandardCharsets.UTF_8);
            if (!found.equals(key.text())) {
                throw new CacheInvalidException("stale: recorded for another teacher, data or views ("
                        + CacheKey.firstDifference(key.text(), found) + ")");
            }
            if ((images >= 0 && n != images) || v != views || c != classes) {
                throw new CacheInvalidException("stale: holds " + n + " images x " + v + " views x " + c
                        + " classes, wanted " + images + " x " + views + " x " + classes);
            }
            return records(in, first, n, v, c);
        } catch (BufferUnderflowException e) {
            throw new CacheInvalidException("truncated: " + bytes.length + " bytes end inside the header");
        }
    }

    private static CacheRecords records(ByteBuffer in, int first, int images, int views, int classes) {
        CacheRecords r = CacheRecords.blank(first, images, views, classes);
        for (int i = 0; i < r.records(); i++) {
            for (int k = 0; k < 4; k++) {
                r.boxes()[4 * i + k] = in.getFloat();
            }
            r.flips()[i] = in.get() != 0;
            for (int c = 0; c < classes; c++) {
                r.logits()[i * classes + c] = in.getFloat();
            }
        }
        return r;
    }

    private static byte[] readAll(Path file) throws CacheInvalidException {
        try {
            if (Files.size(file) > TeacherCache.MAX_BYTES) {
                throw new CacheInvalidException("larger than 2 GB, more than this workbench loads (record fewer views)");
            }
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new CacheInvalidException("missing");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read teacher cache " + file, e);
        }
    }
}
