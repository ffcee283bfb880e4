package org.pixeldistill.core.cache;

import java.util.Locale;
import java.util.function.Consumer;

/**
 * A {@link CacheListener} that turns a cache's messages and, every few seconds, its build progress
 * with the time left into console lines: what classifier and detector runs show while recording.
 */
public final class CacheMessages {
    /** At most one progress line this often: the console and the status line stay readable. */
    private static final long PROGRESS_EVERY_NANOS = 5_000_000_000L;

    private CacheMessages() {}

    public static CacheListener to(Consumer<String> lines) {
        return new CacheListener() {
            private long last = System.nanoTime();

            @Override
            public void onMessage(String message) {
                lines.accept(message);
            }

            @Override
            public void onProgress(int imagesDone, int images, double secondsLeft) {
                long now = System.nanoTime();
                if (now - last < PROGRESS_EVERY_NANOS || imagesDone >= images) {
                    return;
                }
                last = now;
                lines.accept(String.format(Locale.ROOT, "teacher cache: %d/%d images recorded, %s left", imagesDone,
                        images, Double.isFinite(secondsLeft) ? String.format(Locale.ROOT, "%d:%02d",
                                Math.round(secondsLeft) / 60, Math.round(secondsLeft) % 60) : "--:--"));
            }
        };
    }
}
