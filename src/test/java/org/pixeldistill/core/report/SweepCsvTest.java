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

/** sweep.csv is read by its header names, whatever the order of its columns. */
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
    void quotedFieldsMayHoldCommasAndQuotes() {
        assertEquals(List.of("a", "b, c", "say \"hi\"", ""), SweepCsv.split("a,\"b, c\",\"say \"\"hi\"\"\","));
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
