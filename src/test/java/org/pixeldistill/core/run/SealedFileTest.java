package org.pixeldistill.core.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SealedFileTest {
    @TempDir Path dir;

    private byte[] payload() {
        byte[] b = new byte[200_000]; // more than one read buffer
        new Random(7).nextBytes(b);
        return b;
    }

    @Test
    void aWholeFileChecksAndReadsBackItsPayload() throws IOException {
        Path f = dir.resolve("a.params");
        byte[] p = payload();
        SealedFile.write(f, out -> out.write(p));
        assertEquals(SealedFile.Kind.SEALED, SealedFile.check(f).kind());
        assertArrayEquals(p, SealedFile.readPayload(f));
        try (InputStream in = SealedFile.openPayload(f)) {
            assertArrayEquals(p, in.readNBytes(p.length));
        }
    }

    @Test
    void everyTruncationAndAFlippedByteAreDamaged() throws IOException {
        Path f = dir.resolve("a.params");
        SealedFile.write(f, out -> out.write(payload()));
        byte[] whole = Files.readAllBytes(f);
        for (int keep : new int[] {0, 3, 8, 20, 1000, whole.length / 2, whole.length - 24, whole.length - 1}) {
            Files.write(f, Arrays.copyOf(whole, keep));
            SealedFile.Check c = SealedFile.check(f);
            assertEquals(SealedFile.Kind.DAMAGED, c.kind(), "cut to " + keep + " bytes");
            assertTrue(!c.problem().isEmpty());
        }
        byte[] flipped = whole.clone();
        flipped[5000] ^= 0x10;
        Files.write(f, flipped);
        SealedFile.Check c = SealedFile.check(f);
        assertEquals(SealedFile.Kind.DAMAGED, c.kind());
        assertTrue(c.problem().contains("checksum"), c.problem());
    }

    @Test
    void anOldUnsealedFileIsReadWholeAndAnAbsentOneIsMissing() throws IOException {
        Path f = dir.resolve("old.optim");
        byte[] p = payload();
        Files.write(f, p);
        assertEquals(SealedFile.Kind.UNSEALED, SealedFile.check(f).kind());
        assertArrayEquals(p, SealedFile.readPayload(f));
        assertEquals(SealedFile.Kind.MISSING, SealedFile.check(dir.resolve("none")).kind());
    }
}
