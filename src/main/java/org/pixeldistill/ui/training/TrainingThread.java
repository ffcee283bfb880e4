package org.pixeldistill.ui.training;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/** Makes a background thread fit to train, and a polite neighbour of the window. */
final class TrainingThread {
    /** The nice value of training threads: the window's threads (0) come first when both want a core. */
    static final int NICE = 10;

    private TrainingThread() {}

    /**
     * Lowers the calling thread's scheduling priority on Linux (best effort; elsewhere nothing).
     * Threads it starts later (libtorch's OpenMP workers, the data loader's) inherit it, so on a
     * machine with few cores the window still gets a core at once when it needs one. Call before the
     * first tensor operation of the thread.
     */
    static void lowerPriority() {
        if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux")) {
            return;
        }
        try {
            // "/proc/thread-self" links to "<pid>/task/<tid>": setpriority on a tid affects that thread only.
            String tid = Files.readSymbolicLink(Path.of("/proc/thread-self")).getFileName().toString();
            Process renice = new ProcessBuilder("renice", "-n", Integer.toString(NICE), "-p", tid)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            renice.waitFor(2, TimeUnit.SECONDS);
        } catch (IOException | RuntimeException e) {
            // No /proc or no renice: training at normal priority is still correct.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
