package org.pixeldistill.ui;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.pixeldistill.core.loop.EngineFacts;

/**
 * What the About box says: the program's version, the engine and libtorch build, the device
 * {@code auto} picks, where runs and the demo data are, and the licences of the bundled data.
 *
 * @param runsReason which rule chose the runs folder (RunsLocation's reason), or null when not known
 */
public record AboutFacts(String version, String engine, String libtorch, String device, Path runsFolder,
        String runsReason, Path dataFolder) {
    /** Fashion-MNIST's own licence, as its LICENSE.txt in the demo folder says. */
    public static final String DATA_LICENCE = "Fashion-MNIST demo slice: MIT licence, Copyright (c) 2017 Zalando SE"
            + " (LICENSE.txt beside the data)";

    /** Loads the engine if it is not loaded yet (the cost readout has usually loaded it already). */
    public static AboutFacts of(Path runsFolder, String runsReason, Path dataFolder) {
        return new AboutFacts(programVersion(), EngineFacts.engine(), EngineFacts.libtorchFlavour(),
                EngineFacts.autoDevice(), runsFolder.toAbsolutePath(), runsReason, dataFolder.toAbsolutePath());
    }

    /** The version in the jar's manifest, "dev" when run from classes. */
    public static String programVersion() {
        String v = AboutFacts.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    /** Label and value, in the order shown. */
    public Map<String, String> rows() {
        Map<String, String> rows = new LinkedHashMap<>();
        rows.put("Version", version);
        rows.put("Engine", engine);
        rows.put("libtorch", libtorch);
        rows.put("Device (auto)", device);
        rows.put("Runs folder", runsFolder.toString());
        if (runsReason != null) {
            rows.put("Why this runs folder", runsReason);
        }
        rows.put("Demo data", dataFolder.toString());
        rows.put("Data licence", DATA_LICENCE);
        return rows;
    }
}
