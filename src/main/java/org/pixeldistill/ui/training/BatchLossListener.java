package org.pixeldistill.ui.training;

import java.util.ArrayList;
import java.util.List;
import org.pixeldistill.core.loop.TrainingListener;
import org.pixeldistill.core.run.MetricsRow;
import org.pixeldistill.ui.common.UiThread;

/**
 * Feeds the loss chart from the training thread: each epoch's row, and each batch's own loss,
 * recovered from the running epoch mean that {@link BatchProgress#loss} carries
 * ({@code b * m_b - (b-1) * m_(b-1)}). Batch points are buffered and handed over at most four
 * times a second, so a fast run cannot flood the UI thread with redraws.
 */
final class BatchLossListener implements TrainingListener {
    private static final long FLUSH_NANOS = 250_000_000L;

    private final UiThread ui;
    private final LossChartViewModel chart;
    private final List<Curve.Point> buffer = new ArrayList<>();
    private long lastFlush;
    private int epoch = -1;
    private double previousMean;

    BatchLossListener(UiThread ui, LossChartViewModel chart) {
        this.ui = ui;
        this.chart = chart;
    }

    @Override
    public void onStageStart(StageStart start) {
        synchronized (buffer) {
            buffer.clear();
        }
        epoch = -1;
        ui.run(() -> chart.startBatches(start.stage().key(), start.seed()));
    }

    @Override
    public void onBatch(BatchProgress p) {
        if (p.epoch() != epoch || p.batch() == 1) {
            epoch = p.epoch();
            previousMean = 0;
        }
        double loss = p.batch() * p.loss() - (p.batch() - 1) * previousMean;
        previousMean = p.loss();
        synchronized (buffer) {
            buffer.add(new Curve.Point(p.epoch() + p.batch() / (double) p.batches(), loss));
        }
        long now = System.nanoTime();
        if (now - lastFlush > FLUSH_NANOS) {
            lastFlush = now;
            flush();
        }
    }

    @Override
    public void onEpoch(MetricsRow row) {
        flush();
        ui.run(() -> chart.add(row));
    }

    private void flush() {
        List<Curve.Point> points;
        synchronized (buffer) {
            if (buffer.isEmpty()) {
                return;
            }
            points = List.copyOf(buffer);
            buffer.clear();
        }
        ui.run(() -> chart.addBatches(points));
    }
}
