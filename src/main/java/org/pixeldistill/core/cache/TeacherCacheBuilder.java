package org.pixeldistill.core.cache;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import org.pixeldistill.core.util.Texts;

/**
 * Records a teacher cache: for every image, {@code key.viewCount()} views drawn from generators
 * fixed by (key seed, image, view), the teacher's logits for each in inference mode, written
 * chunk by chunk beside the target so that a stopped build resumes after its last whole chunk,
 * then assembled into the cache file in one atomic write. Teacher batches never straddle a chunk,
 * so a resumed build runs the very batches an uninterrupted one would, and writes the same bytes.
 */
final class TeacherCacheBuilder {
    private final CacheRecipe b;
    private final CacheListener listener;
    private final BooleanSupplier cancelled;

    TeacherCacheBuilder(CacheRecipe build, CacheListener listener, BooleanSupplier cancelled) {
        this.b = build;
        this.listener = listener;
        this.cancelled = cancelled;
    }

    /**
     * Builds {@code file}, resuming a stopped build of the same key.
     *
     * @throws CancellationException when {@code cancelled} turns true (finished chunks are kept)
     */
    void build(Path file) {
        int images = b.imageCount();
        Path part = CacheChunks.folder(file);
        List<CacheRecords> done = new ArrayList<>(
                CacheChunks.finished(part, b.key(), images, views(), b.outputsPerView(), listener));
        int start = done.isEmpty() ? 0 : done.get(done.size() - 1).end();
        if (start > 0) {
            listener.onMessage("teacher cache: resuming a stopped build after " + start + " of " + images + " images");
        }
        List<long[]> tasks = tasks(start, images);
        long began = System.nanoTime();
        CacheRecords chunk = null;
        try (OrderedPrefetch<ViewBatch> views = new OrderedPrefetch<>(tasks.size(), t -> b.makeViews(tasks.get(t)[0],
                tasks.get(t)[1]), b.workers())) {
            for (long[] task : tasks) {
                if (cancelled.getAsBoolean()) {
                    int kept = done.isEmpty() ? 0 : done.get(done.size() - 1).end();
                    throw new CancellationException("teacher cache build stopped after " + kept + " of " + images
                            + " images; the next build resumes from there");
                }
                int firstImage = (int) (task[0] / views());
                if (chunk == null) {
                    chunk = CacheRecords.blank(firstImage, Math.min(b.chunkImages(), images - firstImage), views(),
                            b.outputsPerView());
                }
                ViewBatch vb = views.next();
                store(vb, teacherOutputs(vb), chunk);
                if (task[1] == (long) chunk.end() * views()) {
                    CacheChunks.write(part, b.key(), chunk);
                    done.add(chunk);
                    chunk = null;
                }
                int imagesDone = (int) (task[1] / views());
                double rate = (imagesDone - start) / ((System.nanoTime() - began) / 1e9);
                listener.onProgress(imagesDone, images, rate > 0 ? (images - imagesDone) / rate : Double.NaN);
            }
        }
        CacheFile.write(file, CacheFile.WHOLE, b.key(), images == 0
                ? CacheRecords.blank(0, 0, views(), b.outputsPerView()) : CacheRecords.join(done));
        CacheChunks.deleteFolder(part);
        listener.onMessage("teacher cache: recorded " + images + " images x " + views() + " views in "
                + Texts.duration((System.nanoTime() - began) / 1e9));
    }

    private int views() {
        return b.key().viewCount();
    }

    /** Pair ranges {@code [from, to)} of at most one teacher batch, none crossing a chunk's end. */
    private List<long[]> tasks(int start, int images) {
        List<long[]> tasks = new ArrayList<>();
        for (int first = start; first < images; first += b.chunkImages()) {
            long end = (long) Math.min(images, first + b.chunkImages()) * views();
            for (long from = (long) first * views(); from < end; from += b.batchSize()) {
                tasks.add(new long[] {from, Math.min(end, from + b.batchSize())});
            }
        }
        return tasks;
    }

    private float[] teacherOutputs(ViewBatch vb) {
        float[] out = b.teacherOutputs(vb);
        if (out.length != (long) vb.count() * b.outputsPerView()) {
            throw new IllegalStateException("the teacher gave " + out.length + " outputs for " + vb.count() + " views of "
                    + b.outputsPerView());
        }
        return out;
    }

    private void store(ViewBatch vb, float[] logits, CacheRecords chunk) {
        int at = Math.toIntExact(vb.fromPair() - (long) chunk.firstImage() * views());
        System.arraycopy(vb.boxes(), 0, chunk.boxes(), 4 * at, 4 * vb.count());
        System.arraycopy(vb.flips(), 0, chunk.flips(), at, vb.count());
        System.arraycopy(logits, 0, chunk.logits(), at * b.outputsPerView(), vb.count() * b.outputsPerView());
    }
}
