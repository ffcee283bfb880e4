package org.pixeldistill.core.cache;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The progress record of a build: a folder beside the cache file holding one chunk file per run
 * of finished images, each written atomically and checked like the cache itself. A stopped build
 * resumes after the last chunk that reads back whole; the folder goes once the cache is written.
 */
final class CacheChunks {
    private CacheChunks() {}

    static Path folder(Path cacheFile) {
        return cacheFile.resolveSibling(cacheFile.getFileName() + ".part");
    }

    static void write(Path folder, CacheKey key, CacheRecords chunk) {
        CacheFile.write(file(folder, chunk.firstImage()), CacheFile.PART, key, chunk);
    }

    /**
     * The chunks a stopped build finished, in image order from image 0, up to the first missing
     * or unusable one (which is deleted and said).
     */
    static List<CacheRecords> finished(Path folder, CacheKey key, int images, int views, int classes,
            CacheListener listener) {
        List<CacheRecords> done = new ArrayList<>();
        int next = 0;
        while (next < images) {
            Path f = file(folder, next);
            if (!Files.isRegularFile(f)) {
                break;
            }
            try {
                CacheRecords chunk = CacheFile.read(f, CacheFile.PART, key, -1, views, classes);
                if (chunk.firstImage() != next || chunk.images() < 1 || chunk.end() > images) {
                    throw new CacheInvalidException("covers images " + chunk.firstImage() + "-" + chunk.end());
                }
                done.add(chunk);
                next = chunk.end();
            } catch (CacheInvalidException e) {
                listener.onMessage("teacher cache: partial chunk " + f.getFileName() + " unusable (" + e.getMessage()
                        + "); recording again from image " + next);
                delete(f);
                break;
            }
        }
        return done;
    }

    /** Removes the folder and everything in it (no-op when absent). */
    static void deleteFolder(Path folder) {
        if (!Files.isDirectory(folder)) {
            return;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(CacheChunks::delete);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove " + folder, e);
        }
    }

    private static Path file(Path folder, int firstImage) {
        return folder.resolve(String.format("chunk-%09d.bin", firstImage));
    }

    private static void delete(Path f) {
        try {
            Files.deleteIfExists(f);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + f, e);
        }
    }
}
