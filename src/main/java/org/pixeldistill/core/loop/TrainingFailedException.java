package org.pixeldistill.core.loop;

/** Training cannot go on (a NaN loss, for example); the message says where and why in one line. */
public class TrainingFailedException extends RuntimeException {
    public TrainingFailedException(String message) {
        super(message);
    }
}
