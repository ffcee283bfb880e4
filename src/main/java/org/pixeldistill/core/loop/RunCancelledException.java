package org.pixeldistill.core.loop;

/** The run was stopped on request; its last completed epoch is checkpointed and resumable. */
public class RunCancelledException extends RuntimeException {
    public RunCancelledException() {
        super("cancelled; the last completed epoch is saved and --resume continues the run");
    }
}
