package org.pixeldistill.ui.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A training thread yields to the window: on Linux it runs at nice 10, and only it (not the caller). */
class TrainingThreadTest {
    /** Field 19 of /proc/thread-self/stat (after the parenthesised name) is the nice value. */
    private static int niceOfThisThread() throws Exception {
        String stat = Files.readString(Path.of("/proc/thread-self/stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Integer.parseInt(fields[16]);
    }

    @Test
    void lowersOnlyTheCallingThread() throws Exception {
        assumeTrue(Files.exists(Path.of("/proc/thread-self/stat")), "Linux only");
        int before = niceOfThisThread();
        AtomicInteger inside = new AtomicInteger(Integer.MIN_VALUE);
        AtomicInteger child = new AtomicInteger(Integer.MIN_VALUE);
        Thread t = new Thread(() -> {
            try {
                TrainingThread.lowerPriority();
                inside.set(niceOfThisThread());
                // Threads it starts (data loaders, OpenMP workers) inherit it.
                Thread worker = new Thread(() -> {
                    try {
                        child.set(niceOfThisThread());
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                });
                worker.start();
                worker.join();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        t.start();
        t.join();
        assumeTrue(before <= TrainingThread.NICE - 1, "the test already runs at low priority");
        assertEquals(TrainingThread.NICE, inside.get());
        assertEquals(TrainingThread.NICE, child.get());
        assertEquals(before, niceOfThisThread());
    }
}
