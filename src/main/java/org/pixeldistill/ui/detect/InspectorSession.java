package org.pixeldistill.ui.detect;

import java.nio.file.Path;
import org.pixeldistill.core.detect.DetectionInspection;
import org.pixeldistill.core.detect.DetectionInspector;

/**
 * The Detection view's one open {@link DetectionInspector}, used by background tasks one at a time:
 * opening a run closes the previous one's networks first, and every call is serialised, so a slow
 * open and a quick image change never use (or close) an inspector at the same time.
 */
final class InspectorSession {
    /** A run just opened: what it is, and its first test image. */
    record Opened(RunFacts facts, DetectionInspection first, double seconds) {}

    private final float scoreFloor;
    private DetectionInspector current;

    InspectorSession(float scoreFloor) {
        this.scoreFloor = scoreFloor;
    }

    /**
     * Opens seed {@code seed} (null: the first) of {@code dir}, its large view from {@code largeFrom}
     * (null: the default), in place of the current run; nothing stays open when it fails.
     */
    synchronized Opened open(Path dir, Integer seed, String largeFrom) {
        close();
        long start = System.nanoTime();
        DetectionInspector in = DetectionInspector.open(dir, scoreFloor, seed, largeFrom);
        try {
            DetectionInspection first = in.inspect(0);
            current = in;
            return new Opened(RunFacts.of(in), first, (System.nanoTime() - start) / 1e9);
        } catch (RuntimeException e) {
            in.close();
            throw e;
        }
    }

    /** Test image {@code index} of the open run, or null when none is open. */
    synchronized DetectionInspection inspect(int index) {
        return current == null ? null : current.inspect(index);
    }

    synchronized void close() {
        if (current != null) {
            current.close();
            current = null;
        }
    }
}
