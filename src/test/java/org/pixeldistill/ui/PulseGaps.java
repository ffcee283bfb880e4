package org.pixeldistill.ui;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.animation.AnimationTimer;

/**
 * Measures how long the FX thread went without a pulse: an AnimationTimer is called once per
 * pulse (60 a second while it runs), so the longest gap between two calls is the longest time the
 * window could not repaint or react.
 */
final class PulseGaps extends AnimationTimer {
    private long last = -1;
    private long maxGap;
    private int pulses;
    private long first = -1;
    private long lastCpu;
    private long lastRender;
    private long renderThread = -1;

    private long renderCpu() {
        if (renderThread < 0) {
            for (Thread t : Thread.getAllStackTraces().keySet()) {
                if (t.getName().startsWith("QuantumRenderer")) {
                    renderThread = t.getId();
                }
            }
        }
        return renderThread < 0 ? 0 : THREADS.getThreadCpuTime(renderThread);
    }
    private long maxCpu;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private final List<String> longGaps = new ArrayList<>();

    @Override
    public void handle(long now) {
        long cpu = THREADS.getCurrentThreadCpuTime();
        long render = renderCpu();
        if (first < 0) {
            first = now;
        }
        if (last >= 0) {
            maxGap = Math.max(maxGap, now - last);
            maxCpu = Math.max(maxCpu, cpu - lastCpu);
            if (now - last > 100_000_000L) {
                longGaps.add(String.format(Locale.ROOT, "%.0f ms (FX thread CPU %.0f ms, renderer %.0f ms) at %.2f s",
                        (now - last) / 1e6, (cpu - lastCpu) / 1e6, (render - lastRender) / 1e6, (last - first) / 1e9));
            }
        }
        lastCpu = cpu;
        lastRender = render;
        last = now;
        pulses++;
    }

    double maxGapMillis() {
        return maxGap / 1e6;
    }

    /** Gaps over 100 ms, with when they began (seconds after the first pulse): for a failure message. */
    List<String> longGaps() {
        return longGaps;
    }

    /** The most CPU time the FX thread itself spent between two pulses: its own work, without waiting for a core. */
    double maxBusyMillis() {
        return maxCpu / 1e6;
    }

    int pulses() {
        return pulses;
    }
}
