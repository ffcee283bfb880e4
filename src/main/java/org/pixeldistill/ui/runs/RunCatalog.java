package org.pixeldistill.ui.runs;

import java.io.IOException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.pixeldistill.core.cost.CostModel;
import org.pixeldistill.core.util.Texts;

/**
 * Every run folder under a runs folder (ordinary runs, cached teachers and assistants, sweep cells:
 * any folder holding a config.yaml), read into {@link RunEntry} rows. Free of any GUI toolkit, so
 * the runs table, the Pareto chart and tests share it. A broken folder becomes an "unreadable" row;
 * nothing in one folder can stop the others from loading.
 */
public final class RunCatalog {
    /** Deep enough for {@code sweeps/<sweep>/cells/<cell>}; run folders are never searched inside. */
    private static final int MAX_DEPTH = 6;

    private final Path runsRoot;
    private final RunCosts costs;

    public RunCatalog(Path runsRoot, RunCosts costs) {
        this.runsRoot = runsRoot.toAbsolutePath().normalize();
        this.costs = costs;
    }

    /** With the default cost model (JPEG quality, 1 Mbit/s link, GMACs as the weighted total). */
    public RunCatalog(Path runsRoot) {
        this(runsRoot, new RunCosts(CostModel.defaults()));
    }

    public Path runsRoot() {
        return runsRoot;
    }

    public RunCosts costs() {
        return costs;
    }

    /** Run folders (those with a config.yaml) below the runs folder, sorted by path; none if it does not exist. */
    public List<Path> runFolders() {
        List<Path> found = new ArrayList<>();
        if (!Files.isDirectory(runsRoot)) {
            return found;
        }
        // A runs folder that is a symbolic link is walked at its target (the walk does not follow
        // links, so it would see the link as a file and find nothing); the runs found are still
        // named under the runs folder as given.
        Path start;
        try {
            start = Files.isSymbolicLink(runsRoot) ? runsRoot.toRealPath() : runsRoot;
        } catch (IOException e) {
            return found;
        }
        try {
            Files.walkFileTree(start, EnumSet.noneOf(FileVisitOption.class), MAX_DEPTH,
                    new SimpleFileVisitor<>() {
                        @Override
                        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                            String name = dir.getFileName() == null ? "" : dir.getFileName().toString();
                            if (!dir.equals(start) && (name.startsWith(".") || name.equals("checkpoints"))) {
                                return FileVisitResult.SKIP_SUBTREE;
                            }
                            if (!dir.equals(start) && Files.isRegularFile(dir.resolve("config.yaml"))) {
                                found.add(runsRoot.resolve(start.relativize(dir)));
                                return FileVisitResult.SKIP_SUBTREE;
                            }
                            return FileVisitResult.CONTINUE;
                        }

                        @Override
                        public FileVisitResult visitFileFailed(Path file, IOException e) {
                            return FileVisitResult.CONTINUE; // an unreadable corner must not hide the rest
                        }
                    });
        } catch (IOException e) {
            // walkFileTree only throws for the root itself; what was found so far is still worth listing
        }
        found.sort(null);
        return found;
    }

    /** Every run folder read without its costs (fast: files only). */
    public List<RunEntry> scan() {
        return runFolders().stream().map(RunEntries::read).toList();
    }

    /** The entry with its cost measured (cached), or with a one-line note saying why there is none. */
    public RunEntry withCost(RunEntry entry) {
        if (!entry.readable()) {
            return entry.withCost(null, "no config");
        }
        try {
            return entry.withCost(costs.of(entry.config()), "");
        } catch (RuntimeException e) {
            return entry.withCost(null, Texts.oneLine(e));
        }
    }

    /** {@link #scan} then {@link #withCost} for each: blocking, for background tasks and tests. */
    public List<RunEntry> load() {
        return scan().stream().map(this::withCost).toList();
    }

    /**
     * Whether a folder lies strictly inside the runs folder, following symbolic links: the only
     * folders the workbench may delete.
     */
    public boolean contains(Path folder) {
        try {
            Path root = runsRoot.toRealPath();
            Path real = folder.toRealPath();
            return !real.equals(root) && real.startsWith(root);
        } catch (IOException e) {
            return false;
        }
    }
}
