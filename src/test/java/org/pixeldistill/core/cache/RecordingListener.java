package org.pixeldistill.core.cache;

import java.util.ArrayList;
import java.util.List;

/** Keeps what a cache says, for tests to read. */
final class RecordingListener implements CacheListener {
    final List<String> messages = new ArrayList<>();
    volatile int imagesDone;

    @Override
    public void onMessage(String message) {
        messages.add(message);
    }

    @Override
    public void onProgress(int done, int images, double secondsLeft) {
        imagesDone = done;
    }

    boolean said(String part) {
        return messages.stream().anyMatch(m -> m.contains(part));
    }
}
