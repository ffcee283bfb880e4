package org.pixeldistill.core.cache;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CancellationException;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pixeldistill.core.loop.GradMode;

/** A stopped build resumes after its last whole chunk and ends with the bytes of an uninterrupted one. */
class CacheResumeTest {
    @TempDir
    Path dir;
    static CacheFixture fx;
    static byte[] uninterrupted;

    @BeforeAll
    static void recordOnce(@TempDir Path once) throws IOException {
        GradMode.offOnThisThread();
        fx = new CacheFixture(70);
        uninterrupted = Files.readAllBytes(TeacherCache.openOrBuild(once, fx.build(3), CacheListener.SILENT, () -> false).file());
    }

    @AfterAll
    static void close() {
        fx.close();
    }

    private RecordingListener stopAfter(int images) {
        RecordingListener heard = new RecordingListener();
        assertThrows(CancellationException.class,
                () -> TeacherCache.openOrBuild(dir, fx.build(3), heard, () -> heard.imagesDone >= images));
        assertFalse(Files.exists(TeacherCache.fileFor(dir, fx.key(3, 0))), "no cache file until the build is whole");
        return heard;
    }

    @Test
    void anInterruptedBuildResumesAndEqualsAnUninterruptedOne() throws IOException {
        stopAfter(40);
        RecordingListener heard = new RecordingListener();
        TeacherCache cache = TeacherCache.openOrBuild(dir, fx.build(3), heard, () -> false);
        // chunks of 16 images, teacher batches of 8 images: stopped at 40, the chunk up to 32 was whole
        assertTrue(heard.said("resuming a stopped build after 32 of 70 images"), heard.messages.toString());
        assertArrayEquals(uninterrupted, Files.readAllBytes(cache.file()));
        assertFalse(Files.exists(CacheChunks.folder(cache.file())), "the chunks are removed once the cache is whole");
    }

    @Test
    void aDamagedChunkIsRecordedAgain() throws IOException {
        stopAfter(40);
        Path part = CacheChunks.folder(TeacherCache.fileFor(dir, fx.key(3, 0)));
        Path second;
        try (Stream<Path> chunks = Files.list(part)) {
            second = chunks.sorted().skip(1).findFirst().orElseThrow();
        }
        byte[] bytes = Files.readAllBytes(second);
        bytes[bytes.length / 2] ^= 1;
        Files.write(second, bytes);
        RecordingListener heard = new RecordingListener();
        TeacherCache cache = TeacherCache.openOrBuild(dir, fx.build(3), heard, () -> false);
        assertTrue(heard.said("unusable (damaged"), heard.messages.toString());
        assertTrue(heard.said("resuming a stopped build after 16 of 70 images"), heard.messages.toString());
        assertArrayEquals(uninterrupted, Files.readAllBytes(cache.file()));
    }
}
