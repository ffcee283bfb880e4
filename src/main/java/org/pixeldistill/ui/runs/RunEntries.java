package org.pixeldistill.ui.runs;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.pixeldistill.core.config.RunConfig;
import org.pixeldistill.core.run.RunFolder;
import org.pixeldistill.core.run.RunSummary;
import org.pixeldistill.core.run.Stage;
import org.pixeldistill.core.util.Texts;

/** Reads one run folder into a {@link RunEntry}, and names its kind and method. */
public final class RunEntries {
    /** The kinds of run folder, by where they sit under the runs folder. */
    public static final List<String> KINDS = List.of("run", "teacher", "assistant", "sweep cell");

    private RunEntries() {}

    /** Never throws: a file that cannot be read gives status "unreadable: &lt;reason&gt;". */
    public static RunEntry read(Path dir) {
        String kind = kindOf(dir);
        RunConfig config;
        try {
            config = RunFolder.open(dir).readConfig();
        } catch (RuntimeException e) {
            return RunEntry.unreadable(dir, kind, "config.yaml: " + Texts.oneLine(e));
        }
        String status;
        RunSummary s = null;
        try {
            Optional<RunSummary> summary = RunFolder.open(dir).readSummary();
            if (summary.isPresent()) {
                s = summary.get();
                status = s.status() == null ? "unreadable: summary.json has no status" : s.status();
                if ("failed".equals(status) && s.message() != null && !s.message().isBlank()) {
                    status = "failed: " + s.message();
                }
            } else {
                status = "unreadable: no summary.json";
            }
        } catch (RuntimeException e) {
            status = "unreadable: summary.json: " + Texts.oneLine(e);
        }
        return new RunEntry(dir, dir.getFileName().toString(), kind, status, methodOf(config, kind),
                config.model().backbone(), config.model().width(), config.model().inputSize(),
                value(s == null ? null : s.bestScore()), value(s == null ? null : s.bestScoreStd()),
                value(s == null ? null : s.lastScore()), value(s == null ? null : s.lastScoreStd()),
                s == null ? List.of() : s.stages().stream().map(Stage::key).toList(), config, null, "");
    }

    /** run, teacher ({@code teachers/x}), assistant ({@code assistants/x}) or sweep cell ({@code cells/x}). */
    public static String kindOf(Path dir) {
        Path parent = dir.toAbsolutePath().normalize().getParent();
        String name = parent == null || parent.getFileName() == null ? "" : parent.getFileName().toString();
        return switch (name) {
            case "teachers" -> "teacher";
            case "assistants" -> "assistant";
            case "cells" -> "sweep cell";
            default -> "run";
        };
    }

    /**
     * The method family, derived from the config as the sweep names its cells: tas (a tas section),
     * baseline (no teacher), isrd (ISRD with or without KD), else the distillers joined by '+'
     * (kd, at, kd+at, ...). A cached teacher or assistant is named by its role.
     */
    public static String methodOf(RunConfig config, String kind) {
        if (kind.equals("teacher") || kind.equals("assistant")) {
            return kind;
        }
        if (config.isDetection()) {
            // detectors are named apart: their score is mAP50, not a classifier's top-1
            return !config.isDistillation() ? "det-baseline" : config.hasTas() ? "det-afp"
                    : config.detect().distill().aligned() ? "det-aligned" : "det-unaligned";
        }
        if (config.hasTas()) {
            return "tas";
        }
        List<String> active = config.distill().active();
        if (!config.isDistillation() || active.isEmpty()) {
            return "baseline";
        }
        return active.contains("isrd") ? "isrd" : String.join("+", active);
    }

    private static double value(Double v) {
        return v == null ? Double.NaN : v;
    }
}
