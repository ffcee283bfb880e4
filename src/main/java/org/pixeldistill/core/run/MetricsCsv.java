package org.pixeldistill.core.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * metrics.csv of a run: one row per epoch, stage and seed, every loss term in its own column
 * ({@code loss_<term>}). The test score's column names it: a classifier's file has
 * {@code train_top1,test_top1,test_top5} (as it always had), a detector's {@code test_map50} and no
 * top-1 columns. Files written before the score was named (a detector's mAP50 in
 * {@code score_map50}, beside a {@code test_top1} copy of it) read as the same rows. The whole file
 * is rewritten atomically on each append; it is small, and a crash then leaves the previous
 * complete version.
 */
public final class MetricsCsv {
    private static final List<String> HEAD = List.of("stage", "seed", "epoch", "lr");
    /** A classifier's score columns, in their place since the first version of the file. */
    private static final List<String> TOP1_COLUMNS = List.of("train_top1", "test_top1", "test_top5");
    private static final List<String> TAIL = List.of("wall_seconds", "images_per_second", "data_wait");
    /** Where files written before the score was named keep a detector's mAP50. */
    private static final String OLD_MAP50 = "map50";

    private final Path file;
    private final List<MetricsRow> rows = new ArrayList<>();

    public MetricsCsv(Path file) {
        this.file = file;
        if (Files.exists(file)) {
            rows.addAll(read(file));
        }
    }

    public synchronized List<MetricsRow> rows() {
        return List.copyOf(rows);
    }

    public synchronized void append(MetricsRow row) {
        rows.add(row);
        AtomicFiles.writeString(file, format(rows));
    }

    /** Drops rows of a stage and seed from the given epoch on (a resumed run redoes them). */
    public synchronized void truncate(Stage stage, int seed, int fromEpoch) {
        if (rows.removeIf(r -> r.stage().equals(stage) && r.seed() == seed && r.epoch() >= fromEpoch)) {
            AtomicFiles.writeString(file, format(rows));
        }
    }

    static String format(List<MetricsRow> rows) {
        Set<String> terms = new LinkedHashSet<>();
        rows.forEach(r -> terms.addAll(r.losses().keySet()));
        StringBuilder sb = new StringBuilder();
        List<String> header = new ArrayList<>(HEAD);
        terms.forEach(t -> header.add("loss_" + t));
        Set<Score> kinds = EnumSet.noneOf(Score.class);
        rows.forEach(r -> kinds.add(r.score()));
        for (Score kind : kinds) {
            header.addAll(kind == Score.TOP1 ? TOP1_COLUMNS : List.of(kind.testColumn()));
        }
        header.addAll(TAIL);
        Set<String> scores = new LinkedHashSet<>();
        rows.forEach(r -> scores.addAll(r.scores().keySet()));
        scores.forEach(t -> header.add("score_" + t));
        sb.append(String.join(",", header)).append('\n');
        for (MetricsRow r : rows) {
            List<String> cells = new ArrayList<>(List.of(r.stage().key(), Integer.toString(r.seed()),
                    Integer.toString(r.epoch()), num(r.lr())));
            for (String t : terms) {
                Double v = r.losses().get(t);
                cells.add(v == null ? "" : num(v));
            }
            for (Score kind : kinds) {
                boolean own = r.score() == kind;
                if (kind == Score.TOP1) {
                    cells.addAll(own ? List.of(num(r.trainTop1()), num(r.testScore()), num(r.testTop5()))
                            : List.of("", "", ""));
                } else {
                    cells.add(own ? num(r.testScore()) : "");
                }
            }
            cells.addAll(List.of(num(r.wallSeconds()), num(r.imagesPerSecond()), num(r.dataWait())));
            for (String t : scores) {
                Double v = r.scores().get(t);
                cells.add(v == null ? "" : num(v));
            }
            sb.append(String.join(",", cells)).append('\n');
        }
        return sb.toString();
    }

    static List<MetricsRow> read(Path file) {
        try {
            List<String> lines = Files.readAllLines(file);
            List<MetricsRow> out = new ArrayList<>();
            if (lines.isEmpty()) {
                return out;
            }
            List<String> header = Arrays.asList(lines.get(0).split(",", -1));
            for (String line : lines.subList(1, lines.size())) {
                if (line.isBlank()) continue;
                String[] c = line.split(",", -1);
                Map<String, String> cell = new LinkedHashMap<>();
                for (int i = 0; i < header.size() && i < c.length; i++) cell.put(header.get(i), c[i]);
                Map<String, Double> losses = new LinkedHashMap<>();
                Map<String, Double> scores = new LinkedHashMap<>();
                cell.forEach((k, v) -> {
                    if (k.startsWith("loss_") && !v.isEmpty()) losses.put(k.substring(5), Double.parseDouble(v));
                    if (k.startsWith("score_") && !v.isEmpty()) scores.put(k.substring(6), Double.parseDouble(v));
                });
                Score score = named(cell, scores);
                double test = score == Score.MAP50 && !has(cell, Score.MAP50.testColumn())
                        ? scores.remove(OLD_MAP50) : d(cell, score.testColumn());
                out.add(new MetricsRow(Stage.of(cell.get("stage")), Integer.parseInt(cell.get("seed")),
                        Integer.parseInt(cell.get("epoch")), d(cell, "lr"), losses, score, test,
                        d(cell, "train_top1"), d(cell, "test_top5"), d(cell, "wall_seconds"),
                        d(cell, "images_per_second"), d(cell, "data_wait"), scores));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        } catch (RuntimeException e) {
            throw new IllegalStateException(file + " is not a metrics file of this program: " + e.getMessage(), e);
        }
    }

    /** A row's score: the one whose test column it fills, or mAP50 where an older file kept it among the scores. */
    private static Score named(Map<String, String> cell, Map<String, Double> scores) {
        return has(cell, Score.MAP50.testColumn()) || scores.containsKey(OLD_MAP50) ? Score.MAP50 : Score.TOP1;
    }

    private static boolean has(Map<String, String> cell, String key) {
        String v = cell.get(key);
        return v != null && !v.isEmpty();
    }

    private static double d(Map<String, String> cell, String key) {
        String v = cell.get(key);
        return v == null || v.isEmpty() ? Double.NaN : Double.parseDouble(v);
    }

    private static String num(double v) {
        return String.format(Locale.ROOT, "%.6g", v);
    }
}
