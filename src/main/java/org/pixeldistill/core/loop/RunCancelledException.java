package org.pixeldistill.core.loop;

/** The run was stopped on request; its last completed epoch is checkpointed and resumable. */
public class RunCancelledException extends RuntimeException {
    public RunCancelledException() {
        super("cancelled; the last completed epoch is saved and --resume continues the run");
    }

    /** The same stop, said by the run that knows its folder (the line the user reads). */
    public RunCancelledException(String message) {
        super(message);
    }
}
