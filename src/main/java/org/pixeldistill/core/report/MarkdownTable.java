package org.pixeldistill.core.report;

import java.util.ArrayList;
import java.util.List;

/** A Markdown (GitHub) table: a header, a column alignment, rows; "|" in a value is escaped. */
final class MarkdownTable {
    private final List<String> header;
    private final List<Boolean> rightAligned;
    private final List<List<String>> rows = new ArrayList<>();

    /** The first {@code textColumns} columns are left-aligned text, the others right-aligned numbers. */
    MarkdownTable(List<String> header, int textColumns) {
        this.header = List.copyOf(header);
        this.rightAligned = new ArrayList<>();
        for (int i = 0; i < header.size(); i++) {
            rightAligned.add(i >= textColumns);
        }
    }

    MarkdownTable add(List<String> row) {
        if (row.size() != header.size()) {
            throw new IllegalArgumentException(row.size() + " values for " + header.size() + " columns");
        }
        rows.add(List.copyOf(row));
        return this;
    }

    boolean isEmpty() {
        return rows.isEmpty();
    }

    String render() {
        StringBuilder sb = new StringBuilder();
        line(sb, header);
        sb.append('|');
        for (boolean right : rightAligned) {
            sb.append(right ? " ---: |" : " --- |");
        }
        sb.append('\n');
        rows.forEach(r -> line(sb, r));
        return sb.toString();
    }

    private static void line(StringBuilder sb, List<String> values) {
        sb.append('|');
        for (String v : values) {
            sb.append(' ').append(v.replace("|", "\\|")).append(" |");
        }
        sb.append('\n');
    }
}
