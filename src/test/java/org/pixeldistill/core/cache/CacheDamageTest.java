package org.pixeldistill.core.cache;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pixeldistill.core.loop.GradMode;

/** A damaged, truncated or stale cache is refused with its reason, and openOrBuild records it again. */
class CacheDamageTest {
    @TempDir
    static Path dir;
    static CacheFixture fx;
    static Path file;
    static byte[] good;

    @BeforeAll
    static void record() throws IOException {
        GradMode.offOnThisThread();
        fx = new CacheFixture(40);
        TeacherCache cache = TeacherCache.openOrBuild(dir, fx.build(2), CacheListener.SILENT, () -> false);
        file = cache.file();
        good = Files.readAllBytes(file);
    }

    @AfterAll
    static void close() {
        fx.close();
    }

    private static CacheInvalidException refusal(CacheKey key) {
        return assertThrows(CacheInvalidException.class, () -> TeacherCache.open(file, key, fx.train.size(), 10));
    }

    private static void rebuiltAfter(String reason) throws IOException {
        RecordingListener heard = new RecordingListener();
        TeacherCache again = TeacherCache.openOrBuild(dir, fx.build(2), heard, () -> false);
        assertTrue(heard.said("unusable (" + reason), heard.messages.toString());
        assertTrue(heard.said("teacher cache ready"), heard.messages.toString());
        assertArrayEquals(good, Files.readAllBytes(again.file()), "the rebuilt cache equals the first one");
    }

    @Test
    void aFlippedByteIsDetectedAndRebuilt() throws IOException {
        for (int at : new int[] {good.length / 2, good.length - 2, 40}) {
            byte[] bad = good.clone();
            bad[at] ^= 0x10;
            Files.write(file, bad);
            assertTrue(refusal(fx.key(2, 0)).getMessage().startsWith("damaged"), "byte " + at);
            rebuiltAfter("damaged");
        }
    }

    @Test
    void aTruncatedFileIsDetectedAndRebuilt() throws IOException {
        for (int length : new int[] {good.length - 1, good.length / 3, 10}) {
            Files.write(file, Arrays.copyOf(good, length));
            assertTrue(refusal(fx.key(2, 0)).getMessage().startsWith("truncated"), "length " + length);
            rebuiltAfter("truncated");
        }
    }

    @Test
    void aFileOfAnotherKeyIsStaleAndRebuilt() throws IOException, CacheInvalidException {
        CacheKey other = new CacheKey(fx.key(2, 0).teacher() + " retrained", fx.key(2, 0).data(), fx.key(2, 0).views(), 2, 0);
        String reason = refusal(other).getMessage();
        assertTrue(reason.startsWith("stale") && reason.contains("retrained"), reason);
        // a whole, well-formed cache of another teacher under this key's name
        CacheFile.write(file, CacheFile.WHOLE, other, CacheFile.read(file, CacheFile.WHOLE, fx.key(2, 0), -1, 2, 10));
        assertNotEquals(Arrays.hashCode(good), Arrays.hashCode(Files.readAllBytes(file)));
        rebuiltAfter("stale");
    }

    @Test
    void anIntactCacheIsReusedNotRebuilt() throws IOException {
        RecordingListener heard = new RecordingListener();
        long modified = Files.getLastModifiedTime(file).toMillis();
        TeacherCache.openOrBuild(dir, fx.build(2), heard, () -> false);
        assertTrue(heard.said("teacher cache reused"), heard.messages.toString());
        assertFalse(heard.said("recorded"), heard.messages.toString());
        assertTrue(Files.getLastModifiedTime(file).toMillis() == modified);
        assertEquals(good.length, fx.build(2).expectedBytes(), "the size is known before the build");
    }

    @Test
    void otherViewCountsAndSeedsGetTheirOwnFiles() {
        Path two = TeacherCache.fileFor(dir, fx.key(2, 0));
        assertNotEquals(two, TeacherCache.fileFor(dir, fx.key(3, 0)));
        assertNotEquals(two, TeacherCache.fileFor(dir, fx.key(2, 1)));
    }
}
