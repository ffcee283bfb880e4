package org.pixeldistill.ui.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class ApCsvTest {
    @Test
    void classNamesWithCommasOrLineBreaksAreQuotedAndNoApIsAnEmptyCell() {
        RunFacts facts = new RunFacts("det-1", "student", "teacher-1", "teacher", 64, 32, 10,
                List.of("cat, big", "say \"hi\"", "two\nlines"), true, 1, List.of(0, 1), List.of("teacher"));
        String csv = ApCsv.format(facts, 3, 0.125, List.of(new ApRow(0, "cat, big", 0.5, 2, 2, 1),
                new ApRow(1, "say \"hi\"", Double.NaN, 0, 0, 0), new ApRow(2, "two\nlines", 1, 1, 1, 1)));
        assertEquals(String.join(",", ApCsv.HEADER) + "\n"
                + "det-1,1,3,0.13,\"cat, big\",0.500000,2,2,1\n"
                + "det-1,1,3,0.13,say \"hi\",,0,0,0\n"
                + "det-1,1,3,0.13,\"two\nlines\",1.00000,1,1,1\n", csv);
    }
}
