package org.pixeldistill.core.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pixeldistill.core.loop.Cancellation;
import org.pixeldistill.core.loop.TrainingListener;
import org.pixeldistill.core.pipeline.RunPipeline;
import org.pixeldistill.core.run.RunFolder;
import org.pixeldistill.core.run.RunSummary;

/**
 * Training with {@code distill.teacher_cache}: auto records the cache beside the teacher once and
 * every later seed and run reuses it; off and a feature distiller keep the teacher live and say so;
 * a damaged cache on disk is recorded again, never used.
 */
class TeacherCacheTrainingTest {
    @TempDir
    Path dir;

    private final List<String> messages = new ArrayList<>();
    private final TrainingListener log = new TrainingListener() {
        @Override
        public void onMessage(String message) {
            messages.add(message);
        }
    };

    private RunFolder train(String name, String distill, String... overrides) {
        Path config = TinyRuns.studentWithTeacher(dir, name, distill, 1, 1);
        return new RunPipeline(dir.resolve("runs"), log, new Cancellation()).train(TinyRuns.load(config, overrides));
    }

    private long count(String start) {
        return messages.stream().filter(m -> m.startsWith(start)).count();
    }

    private List<Path> cacheFiles() {
        try (Stream<Path> files = Files.walk(dir.resolve("runs"))) {
            return files.filter(p -> p.toString().endsWith(".pdtc")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void finished(RunFolder run) {
        RunSummary s = run.readSummary().orElseThrow();
        assertEquals("finished", s.status());
        assertTrue(s.bestScore() > 0, "the student was scored: " + s.bestScore());
    }

    @Test
    void autoRecordsTheCacheOnceAndLaterSeedsAndRunsReuseIt() throws IOException {
        RunFolder first = train("kd", "  kd: {}\n", "train.seeds=[0,1]", "distill.cache_views=2");
        finished(first);
        assertEquals(1, count("teacher cache on: kd"), messages.toString());
        assertEquals(1, count("teacher cache ready: 600 images x 2 views"), messages.toString());
        List<Path> files = cacheFiles();
        assertEquals(1, files.size(), files.toString());
        assertEquals("teacher-cache", files.get(0).getParent().getFileName().toString(), "beside the teacher's run");
        Files.setLastModifiedTime(files.get(0), FileTime.fromMillis(1_000_000_000_000L));

        // another method and seed with the same teacher and views: the same file, not recorded again
        messages.clear();
        finished(train("dkd-isrd", "  dkd: {}\n  isrd: {}\n", "train.seeds=[2]", "distill.cache_views=2"));
        assertEquals(1, count("teacher cache reused: 600 images x 2 views"), messages.toString());
        assertEquals(0, count("teacher cache ready"), messages.toString());
        assertEquals(List.of(files.get(0)), cacheFiles());
        assertEquals(1_000_000_000_000L, Files.getLastModifiedTime(files.get(0)).toMillis(), "the file was not rewritten");
    }

    @Test
    void offTrainsTheTeacherLive() {
        finished(train("kd-live", "  kd: {}\n", "distill.teacher_cache=off"));
        assertEquals(1, count("teacher cache off (distill.teacher_cache: off)"), messages.toString());
        assertTrue(cacheFiles().isEmpty(), cacheFiles().toString());
    }

    @Test
    void aFeatureDistillerFallsBackToTheLiveTeacherAndSaysWhy() {
        finished(train("kd-at", "  kd: {}\n  at: {}\n"));
        assertEquals(List.of("teacher cache off: at reads the teacher's feature maps, so the teacher runs live"),
                messages.stream().filter(m -> m.startsWith("teacher cache")).toList());
        assertTrue(cacheFiles().isEmpty(), cacheFiles().toString());
    }

    @Test
    void aDamagedCacheIsRecordedAgainDuringTheRun() throws IOException {
        finished(train("kd", "  kd: {}\n", "distill.cache_views=1"));
        Path file = cacheFiles().get(0);
        byte[] whole = Files.readAllBytes(file);
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.seek(whole.length - 20); // a logit of the last record: the checksum no longer matches
            raf.write(whole[whole.length - 20] ^ 0x40);
        }
        messages.clear();
        finished(train("kd-again", "  kd: {}\n", "distill.cache_views=1"));
        assertEquals(1, messages.stream().filter(m -> m.contains("is unusable") && m.contains("recording it again"))
                .count(), messages.toString());
        assertEquals(1, count("teacher cache ready"), messages.toString());
        assertTrue(java.util.Arrays.equals(whole, Files.readAllBytes(file)), "recorded again byte for byte");
    }
}
