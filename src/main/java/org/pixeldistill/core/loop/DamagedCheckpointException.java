package org.pixeldistill.core.loop;

import java.nio.file.Path;
import org.pixeldistill.core.config.ConfigException;

/** A checkpoint file that is there but not whole: the message names it and says what is wrong. */
public final class DamagedCheckpointException extends ConfigException {
    private final transient Path file;

    public DamagedCheckpointException(Path file, String message) {
        super(message);
        this.file = file;
    }

    public DamagedCheckpointException(Path file, String message, Throwable cause) {
        super(message, cause);
        this.file = file;
    }

    public Path file() {
        return file;
    }
}
