package org.pixeldistill.core.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * Makes sure one thing shared between runs (a cached teacher, a teacher-output cache) is built by
 * one of them at a time: the others wait, then find it built. Across processes it is an OS lock
 * on a lock file beside the item, which the system drops when its holder dies, so a killed build
 * never blocks the next one (the file itself may stay; it means nothing unlocked). Within one
 * process (parallel sweep cells) the OS lock cannot be taken twice, so a lock per path in memory
 * comes first; the same thread may take it again (a nested build of the same item is no wait).
 */
public final class BuildLock implements AutoCloseable {
    private static final Map<Path, ReentrantLock> IN_PROCESS = new ConcurrentHashMap<>();
    private static final long POLL_MILLIS = 200;

    private final ReentrantLock local;
    private final FileChannel channel;
    private final FileLock lock;

    private BuildLock(ReentrantLock local, FileChannel channel, FileLock lock) {
        this.local = local;
        this.channel = channel;
        this.lock = lock;
    }

    /** Something checked while waiting, between polls, which may throw to give up (cancellation). */
    public interface Waiting {
        void check();
    }

    /** The lock file of a file {@code item}: {@code <item>.lock} beside it. */
    public static Path fileFor(Path item) {
        return item.resolveSibling(item.getFileName() + ".lock");
    }

    /** {@link #acquire(Path, Path, Consumer, Waiting)} with the lock file beside {@code item}. */
    public static BuildLock acquire(Path item, Consumer<String> say, Waiting waiting) {
        return acquire(item, fileFor(item), say, waiting);
    }

    /**
     * Takes the lock of {@code item} (held on {@code lockFile}), waiting as long as another thread
     * or process holds it; says once "waiting for ITEM, being built by another process" (or run of
     * this one) through {@code say}.
     */
    public static BuildLock acquire(Path item, Path lockFile, Consumer<String> say, Waiting waiting) {
        Path file = lockFile.toAbsolutePath().normalize();
        ReentrantLock local = IN_PROCESS.computeIfAbsent(file, f -> new ReentrantLock());
        try {
            if (!local.tryLock()) {
                say.accept("waiting for " + item + ", being built by another run in this process");
                while (!local.tryLock(POLL_MILLIS, TimeUnit.MILLISECONDS)) {
                    waiting.check();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + item, e);
        }
        if (local.getHoldCount() > 1) {
            return new BuildLock(local, null, null); // this thread holds the file lock already
        }
        FileChannel channel = null;
        try {
            Files.createDirectories(file.getParent());
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                say.accept("waiting for " + item + ", being built by another process");
                while ((lock = channel.tryLock()) == null) {
                    waiting.check();
                    Thread.sleep(POLL_MILLIS);
                }
            }
            return new BuildLock(local, channel, lock);
        } catch (IOException | InterruptedException | RuntimeException e) {
            closeQuietly(channel);
            local.unlock();
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + item, e);
            }
            if (e instanceof IOException io) {
                throw new UncheckedIOException("cannot lock " + file, io);
            }
            throw (RuntimeException) e;
        }
    }

    @Override
    public void close() {
        try {
            if (lock != null) {
                lock.release();
            }
        } catch (IOException e) {
            // closing the channel below releases it as well
        } finally {
            closeQuietly(channel);
            local.unlock();
        }
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel == null) {
            return;
        }
        try {
            channel.close();
        } catch (IOException e) {
            // nothing was written through it
        }
    }
}
