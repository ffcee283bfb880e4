package org.pixeldistill.ui.pareto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.scene.Scene;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.pixeldistill.core.sweep.slurm.SlurmPlanFile;
import org.pixeldistill.core.sweep.slurm.SweepJobs;
import org.pixeldistill.core.sweep.slurm.SweepStatus;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The workbench's sweep status window shows what sweep --status lists, and re-reads the runs as it refreshes. */
@ExtendWith(ApplicationExtension.class)
class SweepStatusWindowTest {
    @TempDir
    Path dir;

    Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        stage.show();
    }

    @Test
    void showsEachCellsStateAndJobIdAndRefreshesTheChart(FxRobot robot) throws Exception {
        Path sweepDir = dir.resolve("sweeps/s");
        Path a = sweepDir.resolve("cells/a");
        Files.createDirectories(a);
        Files.writeString(a.resolve("summary.json"), "{\"name\":\"a\",\"status\":\"finished\",\"best_score\":70.25}");
        new SlurmPlanFile("s", sweepDir.toString(), dir.toString(), List.of(), List.of(),
                List.of(new SweepJobs.Cell(0, "a", a.toString(), List.of()),
                        new SweepJobs.Cell(1, "b", sweepDir.resolve("cells/b").toString(), List.of()))).write();
        new SlurmPlanFile.Jobs(Map.of(), Map.of(0, "77_0", 1, "77_1")).write(sweepDir);
        AtomicInteger refreshes = new AtomicInteger();

        SweepStatusWindow.Content content = WaitForAsyncUtils.asyncFx(() -> {
            SweepStatusWindow.Content c = SweepStatusWindow.content(sweepDir, refreshes::incrementAndGet);
            stage.setScene(new Scene(c.root(), 840, 360));
            return c;
        }).get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> refreshes.get() > 0);
        WaitForAsyncUtils.waitForFxEvents();
        TableView<SweepStatus.Line> table = robot.lookup("#sweepStatusTable").query();
        List<SweepStatus.Line> rows = table.getItems();
        assertEquals(2, rows.size(), rows.toString());
        assertEquals(SweepStatus.FINISHED, rows.get(0).state());
        assertEquals("77_0", rows.get(0).jobId());
        assertEquals(70.25, rows.get(0).score(), 1e-9);
        // b's job is gone from the queue without a record: it ended before training started
        assertEquals(SweepStatus.FAILED, rows.get(1).state());
        assertTrue(rows.get(1).detail().contains("before training started"), rows.get(1).detail());
        content.stop().run();
    }
}
