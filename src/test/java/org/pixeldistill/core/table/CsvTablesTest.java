package org.pixeldistill.core.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

class CsvTablesTest {
    private static ColumnType typeOf(String column) {
        return column.startsWith("num") ? ColumnType.DOUBLE : ColumnType.STRING;
    }

    @Test
    void textWithCommasQuotesAndLineBreaksRoundTripsInCellsAndHeaderNames() {
        List<String> names = List.of("plain", "a, b", "say \"hi\"", "\"lead\" quote", "\"", "two\nlines", "cr\r\nlf", "", "NA", "NaN");
        StringColumn text = StringColumn.create("name, \"quoted\"\nheader", names);
        DoubleColumn n = CsvTables.numbers("num");
        names.forEach(x -> n.append(1.5));
        String csv = CsvTables.format(Table.create("t", text, n));
        assertTrue(csv.startsWith("\"name, \"\"quoted\"\"\nheader\",num\n"), csv);
        assertTrue(csv.contains("\n\"a, b\",1.50000\nsay \"hi\",1.50000\n\"\"\"lead\"\" quote\",1.50000\n"), csv);

        Table back = CsvTables.parse(csv, "t", CsvTablesTest::typeOf);
        assertEquals(List.of("name, \"quoted\"\nheader", "num"), back.columnNames());
        assertEquals(names, back.stringColumn(0).asList(), "\"NA\" and \"NaN\" stay text, only an empty cell is missing");
        assertEquals(1.5, back.doubleColumn("num").get(7), 0);
    }

    @Test
    void spaceAroundAnUnquotedCellIsDroppedOnReading() {
        Table t = Table.create("t", StringColumn.create("s", List.of(" padded ", "in between")));
        assertEquals("s\n padded \nin between\n", CsvTables.format(t), "written as it is");
        assertEquals(List.of("padded", "in between"), CsvTables.parse(CsvTables.format(t), "t", c -> ColumnType.STRING)
                .stringColumn("s").asList());
    }

    @Test
    void numbersKeepSixSignificantDigitsAndAMissingValueItsText() {
        DoubleColumn blank = CsvTables.numbers("num", "");
        DoubleColumn nan = CsvTables.numbers("num2", "NaN");
        for (double v : new double[] {85, 1e-5, Double.NaN}) {
            blank.append(v);
            nan.append(v);
        }
        assertEquals("num,num2\n85.0000,85.0000\n1.00000e-05,1.00000e-05\n,NaN\n",
                CsvTables.format(Table.create("t", blank, nan)));
        assertEquals("85.0000", CsvTables.number(85));
    }

    @Test
    void columnsEmptyInEveryRowAndHeaderOnlyFilesRead() {
        Table t = CsvTables.parse("s,num_empty,num_nan\nx,,NaN\ny,,\n", "t", CsvTablesTest::typeOf);
        assertEquals(2, t.rowCount());
        assertEquals(ColumnType.DOUBLE, t.column("num_empty").type());
        assertEquals(2, t.doubleColumn("num_empty").countMissing());
        assertEquals(2, t.doubleColumn("num_nan").countMissing());

        Table header = CsvTables.parse("s,num\n", "t", CsvTablesTest::typeOf);
        assertEquals(List.of("s", "num"), header.columnNames());
        assertEquals(0, header.rowCount());
        assertEquals(0, CsvTables.parse(" \n", "t", CsvTablesTest::typeOf).columnCount());
    }

    @Test
    void aCellOfTheWrongTypeOrAShortRowNamesItsLine() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CsvTables.parse("s,num\nx,1\ny,abc\n", "t", CsvTablesTest::typeOf));
        assertTrue(e.getMessage().startsWith("line 3 (column num)") && e.getMessage().contains("abc"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> CsvTables.parse("s,num,num2\nx,1\n", "t", CsvTablesTest::typeOf));
        assertTrue(e.getMessage().startsWith("line 2"), e.getMessage());
    }
}
