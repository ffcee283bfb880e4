package org.pixeldistill.core.run;

import java.io.BufferedInputStream;
import java.io.DataOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.zip.CRC32;

/**
 * A file that can tell whether it is whole: a head mark, the payload, then a tail holding the
 * payload's length, its CRC-32 and an end mark. Written atomically ({@link AtomicFiles}), so a
 * crash cannot tear it; {@link #check} still catches what can happen afterwards (a disk that
 * fills while copying a run, a truncated download, a flipped bit) before anything is loaded from
 * it, instead of guessing from whatever exception a half-read stream throws. A file without the
 * head mark (written before files were sealed) reads as {@link Kind#UNSEALED}: its payload is the
 * whole file and only loading it can tell whether it is whole.
 */
public final class SealedFile {
    private static final byte[] HEAD = "PDWSEAL1".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] END = "PDWSEND1".getBytes(StandardCharsets.US_ASCII);
    /** Head mark, then length (8), CRC-32 (8) and end mark after the payload. */
    private static final int FRAME = HEAD.length + 16 + END.length;

    private SealedFile() {}

    public enum Kind { SEALED, UNSEALED, DAMAGED, MISSING }

    /**
     * What {@link #check} found.
     *
     * @param problem why a DAMAGED file is damaged ("truncated: ..."), else empty
     */
    public record Check(Kind kind, String problem) {
        /** Sealed and whole, or unsealed (which only loading can judge). */
        public boolean usable() {
            return kind == Kind.SEALED || kind == Kind.UNSEALED;
        }
    }

    /** Writes {@code target} sealed, atomically. */
    public static void write(Path target, AtomicFiles.Writer payload) {
        AtomicFiles.write(target, out -> {
            out.write(HEAD);
            Summing body = new Summing(out);
            payload.write(body);
            body.flush();
            DataOutputStream tail = new DataOutputStream(out);
            tail.writeLong(body.count);
            tail.writeLong(body.crc.getValue());
            tail.write(END);
            tail.flush();
        });
    }

    /** Whether {@code file} is there and whole; reads it through once when sealed. */
    public static Check check(Path file) {
        if (!Files.isRegularFile(file)) {
            return new Check(Kind.MISSING, "missing");
        }
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = ch.size();
            if (size == 0) {
                return damaged("empty (0 bytes)");
            }
            byte[] head = new byte[(int) Math.min(HEAD.length, size)];
            ch.read(ByteBuffer.wrap(head), 0);
            if (!Arrays.equals(head, Arrays.copyOf(HEAD, head.length))) {
                return new Check(Kind.UNSEALED, "");
            }
            if (size < FRAME) {
                return damaged("truncated: " + size + " bytes, not even its frame");
            }
            ByteBuffer tail = ByteBuffer.allocate(16 + END.length);
            ch.read(tail, size - tail.capacity());
            tail.flip();
            long length = tail.getLong();
            long crc = tail.getLong();
            byte[] end = new byte[END.length];
            tail.get(end);
            if (!Arrays.equals(end, END) || length != size - FRAME) {
                return damaged("truncated or cut: " + size + " bytes and no whole end mark");
            }
            CRC32 sum = new CRC32();
            ByteBuffer buf = ByteBuffer.allocate(1 << 16);
            long pos = HEAD.length;
            long stop = HEAD.length + length;
            while (pos < stop) {
                buf.clear().limit((int) Math.min(buf.capacity(), stop - pos));
                int n = ch.read(buf, pos);
                if (n < 0) {
                    return damaged("shorter than it says");
                }
                buf.flip();
                sum.update(buf);
                pos += n;
            }
            if (sum.getValue() != crc) {
                return damaged("checksum mismatch: its content changed after it was written");
            }
            return new Check(Kind.SEALED, "");
        } catch (IOException e) {
            return damaged("cannot be read: " + e.getMessage());
        }
    }

    /**
     * The payload of a sealed file (without its frame) or the whole of an unsealed one. Call
     * {@link #check} first: this does not verify.
     */
    public static InputStream openPayload(Path file) throws IOException {
        InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        byte[] head = in.readNBytes(HEAD.length);
        if (Arrays.equals(head, HEAD)) {
            return in; // readers stop at their own end; the tail after it is never asked for
        }
        in.close();
        return new BufferedInputStream(Files.newInputStream(file), 1 << 16);
    }

    /** The payload as bytes (small files: optimiser state). Call {@link #check} first. */
    public static byte[] readPayload(Path file) {
        try {
            byte[] all = Files.readAllBytes(file);
            boolean sealed = all.length >= FRAME && Arrays.equals(Arrays.copyOf(all, HEAD.length), HEAD);
            return sealed ? Arrays.copyOfRange(all, HEAD.length, all.length - (FRAME - HEAD.length)) : all;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static Check damaged(String problem) {
        return new Check(Kind.DAMAGED, problem);
    }

    /** Counts and sums what passes through, without closing the stream below. */
    private static final class Summing extends FilterOutputStream {
        final CRC32 crc = new CRC32();
        long count;

        Summing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            crc.update(b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            crc.update(b, off, len);
            count += len;
        }

        @Override
        public void close() throws IOException {
            flush(); // the frame's tail follows
        }
    }
}
