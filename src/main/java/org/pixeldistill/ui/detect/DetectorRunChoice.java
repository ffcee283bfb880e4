package org.pixeldistill.ui.detect;

import java.nio.file.Path;

/**
 * A detector run the Detection view offers.
 *
 * @param dir the run folder
 * @param label what the chooser shows: the folder relative to the runs folder, with its status
 *     when it is not finished
 */
public record DetectorRunChoice(Path dir, String label) {}
