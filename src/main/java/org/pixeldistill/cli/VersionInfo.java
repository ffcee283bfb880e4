package org.pixeldistill.cli;

import picocli.CommandLine.IVersionProvider;

/** Version line from the jar manifest (or "dev" when run from classes). */
final class VersionInfo implements IVersionProvider {
    @Override
    public String[] getVersion() {
        String v = Main.class.getPackage().getImplementationVersion();
        return new String[] {"pixel-distillation-workbench " + (v == null ? "dev" : v)};
    }
}
