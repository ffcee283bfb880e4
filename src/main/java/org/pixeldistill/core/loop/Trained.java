package org.pixeldistill.core.loop;

import java.nio.file.Path;
import org.pixeldistill.core.config.RunConfig;
import org.pixeldistill.core.run.RunFolder;

/** A finished network on disk that a run distils from: its run folder, resolved config and best weights. */
public record Trained(RunFolder folder, RunConfig config, Path params) {}
