package org.pixeldistill.ui.runs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.prefs.Preferences;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.pixeldistill.ui.common.TaskRunner;
import org.pixeldistill.ui.common.UiThread;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The runs table on screen: rows, sorting, Compare into the charts, Open, Delete after confirming, CSV. */
@ExtendWith(ApplicationExtension.class)
class RunsTableViewTest {
    @TempDir
    static Path tmp;
    Path root;
    Preferences prefs;
    RunsTableViewModel vm;
    RunsTableView view;

    @Start
    void start(Stage stage) {
        root = tmp.resolve("runs-" + UUID.randomUUID());
        RunsFixture.run(root.resolve("base-1"), RunsFixture.config("base", "resnet18", 7, "baseline"), "finished", 70, 0.5, 3);
        RunsFixture.run(root.resolve("isrd-1"), RunsFixture.config("isrd", "resnet18", 7, "isrd"), "finished", 80, 0.25, 3);
        RunsFixture.run(root.resolve("teachers/t-1"), RunsFixture.config("t", "resnet18", 28, "baseline"), "finished", 90, 0, 2);
        RunsFixture.write(root.resolve("broken/config.yaml"), "model: [\n");
        prefs = Preferences.userRoot().node("org/pixeldistill/workbench-test-" + UUID.randomUUID());
        vm = new RunsTableViewModel(new RunCatalog(root, RunsFixture.fakeCosts()), TaskRunner.DIRECT, UiThread.DIRECT,
                prefs);
        vm.refresh();
        view = new RunsTableView(vm);
        stage.setScene(new Scene((Parent) view.node(), 1100, 700));
        stage.show();
    }

    @AfterEach
    void dropPrefs() throws Exception {
        prefs.removeNode();
    }

    private TableView<RunEntry> table(FxRobot robot) {
        return robot.lookup("#runsTable").query();
    }

    private List<String> names(FxRobot robot) {
        return table(robot).getItems().stream().map(RunEntry::name).toList();
    }

    @Test
    void listsEveryRunWithAccuracyAndCosts(FxRobot robot) {
        assertEquals(List.of("base-1", "broken", "isrd-1", "t-1"), names(robot));
        assertTrue(robot.lookup("80.00 ± 0.25").tryQuery().isPresent(), "best top-1 as mean ± spread");
        assertTrue(robot.lookup("49.0 k").tryQuery().isPresent(), "MACs of a 7x7 input (fake costs)");
        assertTrue(robot.lookup("teacher").tryQuery().isPresent());
        assertTrue(robot.lookup(n -> n instanceof Labeled l && l.getText() != null
                && l.getText().startsWith("unreadable: config.yaml")).tryQuery().isPresent());
        assertEquals("4 runs, 1 unreadable", robot.lookup("#runsStatus").queryAs(Label.class).getText());
    }

    @Test
    void clickingAHeaderSortsByThatColumn(FxRobot robot) {
        robot.clickOn("#runsColBest"); // ascending; the unreadable row has no value and comes first
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of("broken", "base-1", "isrd-1", "t-1"), names(robot));
        robot.clickOn("#runsColKind");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("t-1", names(robot).get(3), "run, run, run, teacher");
    }

    @Test
    @SuppressWarnings("unchecked")
    void compareDrawsTheCurvesOfTheSelectedRuns(FxRobot robot) {
        robot.clickOn("base-1").press(KeyCode.CONTROL).clickOn("isrd-1").release(KeyCode.CONTROL);
        robot.clickOn("#runsCompare");
        WaitForAsyncUtils.waitForFxEvents();

        LineChart<Number, Number> top1 = robot.lookup("#runsCompareTop1").query();
        LineChart<Number, Number> loss = robot.lookup("#runsCompareLoss").query();
        assertEquals(List.of("base-1", "isrd-1"), top1.getData().stream().map(XYChart.Series::getName).toList());
        XYChart.Series<Number, Number> isrd = top1.getData().get(1);
        assertEquals(List.of(77.5, 78.5, 79.5), isrd.getData().stream().map(d -> d.getYValue().doubleValue()).toList());
        assertEquals(List.of(1.0, 2.0, 3.0), isrd.getData().stream().map(d -> d.getXValue().doubleValue()).toList());
        assertEquals(3, loss.getData().get(0).getData().size());
    }

    @Test
    void openShowsTheRunsConfigAndSummary(FxRobot robot) {
        robot.clickOn("isrd-1").clickOn("#runsOpen");
        WaitForAsyncUtils.waitForFxEvents();
        String text = robot.lookup("#runsDetails").queryAs(TextArea.class).getText();
        assertTrue(text.contains("# config.yaml") && text.contains("isrd:") && text.contains("\"best_score\" : 80.0"), text);
    }

    @Test
    void deleteAsksThenRemovesTheSelectedRun(FxRobot robot) {
        AtomicReference<String> asked = new AtomicReference<>();
        robot.interact(() -> view.setConfirmation(q -> {
            asked.set(q);
            return false;
        }));
        robot.clickOn("base-1").clickOn("#runsDelete");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(Files.isDirectory(root.resolve("base-1")), "declined: nothing deleted");
        assertTrue(asked.get().startsWith("Delete 1 run folder (base-1)"), asked.get());

        robot.interact(() -> view.setConfirmation(q -> true));
        robot.clickOn("base-1").clickOn("#runsDelete");
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(Files.exists(root.resolve("base-1")));
        assertEquals(List.of("broken", "isrd-1", "t-1"), names(robot));
    }

    @Test
    void exportWritesTheTableInItsShownOrder(FxRobot robot) throws Exception {
        Path file = tmp.resolve("export-" + UUID.randomUUID() + ".csv");
        robot.interact(() -> view.setExportTarget(dir -> file));
        robot.interact(() -> {
            var best = table(robot).getColumns().stream().filter(c -> "runsColBest".equals(c.getId())).findFirst().orElseThrow();
            best.setSortType(TableColumn.SortType.DESCENDING);
            table(robot).getSortOrder().setAll(List.of(best));
        });
        robot.clickOn("#runsExportCsv");
        WaitForAsyncUtils.waitForFxEvents();
        List<String> lines = Files.readAllLines(file);
        assertEquals(5, lines.size());
        assertTrue(lines.get(1).startsWith("t-1,teacher,finished,teacher,"), lines.get(1));
        assertTrue(lines.get(4).startsWith("broken,run,\"unreadable: config.yaml"), lines.get(4));
    }

    @Test
    void selectFromOutsideHighlightsTheRow(FxRobot robot) {
        robot.interact(() -> view.select(root.resolve("isrd-1").toAbsolutePath().normalize()));
        assertEquals("isrd-1", table(robot).getSelectionModel().getSelectedItem().name());
    }
}
