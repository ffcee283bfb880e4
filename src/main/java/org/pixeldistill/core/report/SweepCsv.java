package org.pixeldistill.core.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.pixeldistill.core.config.ConfigException;
import org.pixeldistill.core.sweep.SweepTable;

/**
 * Reads sweep.csv by its header names, so a sweep written by an older or newer version (columns
 * added or moved) still reads. Only the identifying and accuracy columns are required; a missing
 * cost column reads as NaN.
 */
public final class SweepCsv {
    /** The parsed table: its rows and the cost axis of its Pareto column (null when it has none). */
    public record Table(String paretoAxis, List<SweepRow> rows) {}

    static final List<String> REQUIRED = List.of("cell", "student", "method", "ratio", "input_size", "status",
            "best_top1_mean", "best_top1_std", "last_top1_mean", "last_top1_std");

    private SweepCsv() {}

    public static Table read(Path csv) {
        List<String> lines;
        try {
            lines = Files.readAllLines(csv);
        } catch (NoSuchFileException e) {
            throw new ConfigException("no sweep.csv: " + csv + " does not exist");
        } catch (IOException e) {
            throw new ConfigException("cannot read " + csv + ": " + e.getMessage());
        }
        lines = lines.stream().filter(l -> !l.isBlank()).toList();
        if (lines.isEmpty()) {
            throw new ConfigException(csv + " is empty (no header)");
        }
        List<String> header = split(lines.get(0));
        for (String name : REQUIRED) {
            if (!header.contains(name)) {
                throw new ConfigException(csv + ": missing column '" + name + "'");
            }
        }
        String paretoColumn = header.stream().filter(h -> h.startsWith("pareto_")).findFirst().orElse(null);
        List<SweepRow> rows = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            List<String> values = split(lines.get(i));
            if (values.size() != header.size()) {
                throw new ConfigException(csv + " line " + (i + 1) + ": " + values.size() + " fields, the header has "
                        + header.size());
            }
            Map<String, String> byName = new HashMap<>();
            for (int c = 0; c < header.size(); c++) {
                byName.put(header.get(c), values.get(c).strip());
            }
            rows.add(row(byName, paretoColumn, csv, i + 1));
        }
        return new Table(paretoColumn == null ? null : paretoColumn.substring("pareto_".length()), rows);
    }

    private static SweepRow row(Map<String, String> v, String paretoColumn, Path csv, int line) {
        try {
            Map<String, Double> costs = new HashMap<>();
            for (String column : SweepTable.COST_COLUMNS) {
                if (column.equals("encoding")) {
                    continue; // the one text column
                }
                Double value = number(v.get(column));
                if (value != null) {
                    costs.put(column, value);
                }
            }
            Double seeds = number(v.get("seeds"));
            return new SweepRow(v.get("cell"), v.get("student"), v.get("method"), Integer.parseInt(v.get("ratio")),
                    Integer.parseInt(v.get("input_size")), v.get("status"), seeds == null ? 0 : seeds.intValue(),
                    number(v.get("best_top1_mean")), number(v.get("best_top1_std")), number(v.get("last_top1_mean")),
                    number(v.get("last_top1_std")), costs, v.getOrDefault("encoding", ""),
                    paretoColumn != null && "true".equalsIgnoreCase(v.get(paretoColumn)), v.getOrDefault("run_folder", ""));
        } catch (NumberFormatException e) {
            throw new ConfigException(csv + " line " + line + ": not a number: " + e.getMessage());
        }
    }

    /** Empty (and absent) cells are no value; anything else must parse. */
    private static Double number(String text) {
        if (text == null || text.isBlank() || text.equalsIgnoreCase("nan")) {
            return null;
        }
        return Double.parseDouble(text);
    }

    /** One CSV line into fields; double quotes may enclose a field holding commas ("" is a quote). */
    static List<String> split(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        fields.add(field.toString());
        return fields;
    }
}
