package org.pixeldistill.core.loop;

import org.pixeldistill.core.config.RunConfig;
import org.pixeldistill.core.run.RunFolder;

/**
 * Finds (or first trains) the frozen networks a run distils from. The loop asks; the caller that
 * knows every task answers, since training a missing teacher means running its config end to end.
 */
public interface Teachers {
    /** The student's teacher, trained if it is not on disk yet. */
    Trained teacher(RunConfig student, RunFolder asking);

    /** TAS: the assistant between {@code teacher} and the student, trained if it is not on disk yet. */
    Trained assistant(RunConfig student, Trained teacher, RunFolder asking);
}
