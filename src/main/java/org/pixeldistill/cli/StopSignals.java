package org.pixeldistill.cli;

import java.util.ArrayList;
import java.util.List;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Ctrl-C (SIGINT) and SIGTERM as requests rather than as the end of the JVM. With the JVM's own
 * handling a signal starts shutdown at once: the exit code is the signal's (130, 143), whatever
 * the training thread still wanted to write or print. Handled here, the signal only calls
 * {@code onStop}; the program finishes its step, writes its records, prints its line and exits
 * with its own code. Where the handlers cannot be installed (a JVM run with -Xrs, a signal
 * ignored since the process started) {@link #installed()} says so.
 */
final class StopSignals implements AutoCloseable {
    static final List<String> NAMES = List.of("INT", "TERM");

    private final List<Signal> signals = new ArrayList<>();
    private final List<SignalHandler> previous = new ArrayList<>();

    StopSignals(Runnable onStop) {
        SignalHandler handler = signal -> onStop.run();
        for (String name : NAMES) {
            try {
                Signal signal = new Signal(name);
                SignalHandler before = Signal.handle(signal, handler);
                if (before == SignalHandler.SIG_IGN) {
                    // ignored when this process started (a background job of a script): the JVM
                    // leaves it ignored, and so no signal of this kind can stop the run
                    continue;
                }
                previous.add(before);
                signals.add(signal);
            } catch (IllegalArgumentException | UnsupportedOperationException notHere) {
                // the platform or -Xrs keeps this signal: the JVM's default handling stays
            }
        }
    }

    boolean installed() {
        return signals.size() == NAMES.size();
    }

    /** Gives the signals back to whoever had them (a command run in-process, as tests do, ends). */
    @Override
    public void close() {
        for (int i = 0; i < signals.size(); i++) {
            try {
                Signal.handle(signals.get(i), previous.get(i));
            } catch (IllegalArgumentException ignored) {
                // nothing to give back
            }
        }
        signals.clear();
        previous.clear();
    }
}
