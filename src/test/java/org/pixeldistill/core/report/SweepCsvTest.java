package org.pixeldistill.core.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pixeldistill.core.config.ConfigException;
import org.pixeldistill.core.config.ConfigLoader;
import org.pixeldistill.core.config.RunConfig;
import org.pixeldistill.core.run.RunSummary;
import org.pixeldistill.core.run.Score;
import org.pixeldistill.core.run.Stage;
import org.pixeldistill.core.sweep.SweepCell;
import org.pixeldistill.core.sweep.SweepRunner;
import org.pixeldistill.core.sweep.SweepTable;

/** sweep.csv is read by its header names, whatever the order of its columns, through Tablesaw. */
class SweepCsvTest {
    @TempDir
    Path dir;

    @Test
    void columnsAreFoundByNameInAnyOrderAndExtraColumnsAreIgnored() throws Exception {
        Path csv = dir.resolve("sweep.csv");
        Files.writeString(csv, String.join("\n",
                "status,macs,pareto_bytes_jpeg,cell,best_top1_std,note,student,ratio,method,input_size,best_top1_mean,"
                        + "last_top1_mean,last_top1_std,seeds,encoding,bytes_jpeg,run_folder",
                "finished,1.00000e+06,true,r4-kd,0.25,\"a, b\",resnet18,4,kd,7,71.5000,70.0000,0.5,2,jpeg,300.5,/x/r4-kd-1",
                "not started,4.00000e+06,false,r2-kd,,,resnet18,2,kd,14,,,,0,png,,"));
        SweepCsv.Table table = SweepCsv.read(csv);
        assertEquals("bytes_jpeg", table.paretoAxis());
        SweepRow first = table.rows().get(0);
        assertEquals("r4-kd", first.cell());
        assertEquals(4, first.ratio());
        assertEquals(7, first.inputSize());
        assertEquals(71.5, first.bestMean());
        assertEquals(0.25, first.bestStd());
        assertEquals(2, first.seeds());
        assertEquals(1e6, first.cost("macs"));
        assertEquals(300.5, first.bytesSent(), 1e-12);
        assertTrue(first.pareto() && first.finished());
        SweepRow second = table.rows().get(1);
        assertNull(second.bestMean());
        assertFalse(second.finished() || second.pareto());
        assertTrue(Double.isNaN(second.cost("params")));
        assertTrue(Double.isNaN(second.bytesSent()), "png is sent but bytes_png is not in the file");
    }

    @Test
    void aMissingColumnOrAShortLineIsAnErrorNamingTheFile() throws Exception {
        Path csv = dir.resolve("sweep.csv");
        Files.writeString(csv, "cell,student,method,ratio,input_size,status\nx,resnet18,kd,2,14,finished\n");
        ConfigException e = assertThrows(ConfigException.class, () -> SweepCsv.read(csv));
        assertTrue(e.getMessage().contains(csv.toString()) && e.getMessage().contains("'best_top1_mean'"), e.getMessage());
        Files.writeString(csv, String.join(",", SweepCsv.REQUIRED) + "\nx,resnet18,kd,2\n");
        e = assertThrows(ConfigException.class, () -> SweepCsv.read(csv));
        assertTrue(e.getMessage().contains("line 2"), e.getMessage());
    }

    @Test
    void namesWithCommasQuotesAndLineBreaksRoundTripThroughTheSweepWriter() {
        String student = "net, \"wide\"\nv2";
        RunConfig cfg = ConfigLoader.parse("name: odd\nmodel: {backbone: resnet18, input_size: 14}\n", "odd");
        SweepCell cell = new SweepCell("odd, \"one\"", student, 2, "kd", 14, cfg);
        RunSummary summary = new RunSummary("odd", "finished", "", List.of(Stage.STUDENT), Score.TOP1, 80.0, 0.5, 79.0, 0.25, List.of(), null);
        Path runDir = dir.resolve("cells/odd, \"one\"-1");
        Path csv = dir.resolve("sweep.csv");
        SweepTable.write(csv, List.of(new SweepTable.Row(new SweepRunner.Result(cell, runDir, summary),
                SweepFixture.cost(14))), "macs");
        SweepRow back = SweepCsv.read(csv).rows().get(0);
        assertEquals("odd, \"one\"", back.cell());
        assertEquals(student, back.student());
        assertEquals("cells/odd, \"one\"-1", back.runFolder(), "relative to the sweep's folder");
        assertEquals(80.0, back.bestMean());
        assertEquals(SweepFixture.cost(14).macs(), back.cost("macs"), 1e-6 * back.cost("macs"));
    }

    @Test
    void anOlderSweepWithAbsoluteRunFoldersStillFindsItsCells() throws Exception {
        Path sweep = SweepFixture.write(dir.resolve("sweeps/demo"), SweepFixture.twoRatiosThreeMethods());
        Path csv = sweep.resolve("sweep.csv");
        String cells = "cells/resnet18-r2-kd-0123abcd";
        String text = Files.readString(csv);
        assertTrue(text.contains("," + cells + "\n"), text);
        Files.writeString(csv, text.replace("," + cells, "," + sweep.toAbsolutePath().resolve(cells)));
        assertEquals(sweep.resolve(cells), SweepFolder.read(sweep).cellDirs().get("resnet18-r2-kd"));
    }

    @Test
    void machineFactsAreReadFromProcFormats() {
        assertEquals("Intel(R) Xeon(R) Processor",
                MachineInfo.cpuModel("processor\t: 0\nvendor_id\t: GenuineIntel\nmodel name\t: Intel(R) Xeon(R) Processor\n"));
        assertNull(MachineInfo.cpuModel("processor\t: 0\nBogoMIPS\t: 50.00\n"));
        assertEquals(24684084L * 1024, MachineInfo.memTotal("MemTotal:       24684084 kB\nMemFree: 1 kB\n"));
        assertNull(MachineInfo.memTotal(""));
    }
}
