package org.pixeldistill.core.loop;

/** Training cannot go on (a NaN loss, for example); the message says where and why in one line. */
public class TrainingFailedException extends RuntimeException {
    public TrainingFailedException(String message) {
        super(message);
    }

    /** A failure of another kind (I/O, memory), said in one line; the original kept as the cause. */
    public TrainingFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
