package org.pixeldistill.ui.pareto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.prefs.Preferences;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.pixeldistill.ui.common.TaskRunner;
import org.pixeldistill.ui.common.UiThread;
import org.pixeldistill.ui.runs.RunCatalog;
import org.pixeldistill.ui.runs.RunsFixture;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The tester's case on a 1366-pixel window: a baseline and an ISRD+KD student at the same size
 * (so the same cost) must both be seen, inside the plot, with their seeds' spread in the tooltip.
 */
@ExtendWith(ApplicationExtension.class)
class ParetoReadabilityFxTest {
    @TempDir
    static Path root;
    Preferences prefs;
    ParetoViewModel vm;
    Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        Path runs = root.resolve("runs-" + UUID.randomUUID());
        // every fixture run: two seeds, best ± 0.5
        RunsFixture.run(runs.resolve("base7"), RunsFixture.config("base7", "resnet18", 7, "baseline"), "finished", 62, 0.5, 2);
        RunsFixture.run(runs.resolve("base14"), RunsFixture.config("base14", "resnet18", 14, "baseline"), "finished", 80, 0.5, 2);
        RunsFixture.run(runs.resolve("isrd14"), RunsFixture.config("isrd14", "resnet18", 14, "isrd"), "finished", 80.5, 0.5, 2);
        RunsFixture.run(runs.resolve("isrd28"), RunsFixture.config("isrd28", "resnet18", 28, "isrd"), "finished", 88, 0.5, 2);
        prefs = Preferences.userRoot().node("org/pixeldistill/workbench-test-" + UUID.randomUUID());
        vm = new ParetoViewModel(new RunCatalog(runs, RunsFixture.fakeCosts()), TaskRunner.DIRECT, UiThread.DIRECT, prefs);
        vm.setBudget("0.1", "100"); // 125 bytes per image: the 14x14 runs (98 bytes JPEG) fit, the 28x28 does not
        vm.refresh();
        stage.setScene(new Scene((Parent) new ParetoView(vm).node(), 1366, 700));
        stage.show();
    }

    @AfterEach
    void dropPrefs() throws Exception {
        prefs.removeNode();
    }

    private Node marker(FxRobot robot, String run) {
        return robot.lookup("." + ParetoView.RUN_POINT)
                .match(n -> ((Path) n.getUserData()).getFileName().toString().equals(run)).query();
    }

    @Test
    void twoRunsAtTheSameCostAreBothVisibleInsideThePlot(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        assertBothVisible(robot);
    }

    @Test
    void onANarrowChartTheyStayApartToo(FxRobot robot) {
        robot.interact(() -> { // the chart as one of three panels side by side; the window keeps its size for later tests
            Region view = (Region) stage.getScene().getRoot();
            stage.getScene().setRoot(new HBox());
            view.setPrefWidth(560);
            view.setMaxWidth(560);
            stage.getScene().setRoot(new HBox(view));
        });
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.waitForFxEvents();
        Node plot = robot.lookup(".chart-plot-background").query();
        assertTrue(plot.getBoundsInLocal().getWidth() < 500, "narrow: " + plot.getBoundsInLocal());
        assertBothVisible(robot);
    }

    private void assertBothVisible(FxRobot robot) {
        Bounds base = marker(robot, "base14").localToScene(marker(robot, "base14").getBoundsInLocal());
        Bounds isrd = marker(robot, "isrd14").localToScene(marker(robot, "isrd14").getBoundsInLocal());
        assertFalse(base.intersects(isrd), "the markers must not overlap: " + base + " / " + isrd);
        assertTrue(Math.abs(base.getCenterX() - isrd.getCenterX()) >= 12, base + " / " + isrd);
        assertTrue(base.getWidth() >= 10 && isrd.getWidth() >= 10, "drawn at full size");

        Node plot = robot.lookup(".chart-plot-background").query();
        Bounds area = plot.localToScene(plot.getBoundsInLocal());
        for (String run : List.of("base7", "base14", "isrd14", "isrd28")) {
            Bounds b = marker(robot, run).localToScene(marker(robot, run).getBoundsInLocal());
            assertTrue(area.contains(b), run + " " + b + " must lie inside the plot " + area);
        }
        // no other marker covers the baseline's centre
        List<String> atBase = robot.lookup("." + ParetoView.RUN_POINT).queryAll().stream()
                .filter(n -> n.localToScene(n.getBoundsInLocal()).contains(base.getCenterX(), base.getCenterY()))
                .map(n -> ((Path) n.getUserData()).getFileName().toString()).toList();
        assertEquals(List.of("base14"), atBase);
    }

    @Test
    void hoveringAPointShowsItsMeanAndSpread(FxRobot robot) {
        Node base = marker(robot, "base14");
        Tooltip installed = (Tooltip) base.getParent().getProperties().get("javafx.scene.control.Tooltip");
        assertTrue(installed.getText().contains("top-1 80.00% ± 0.50 (mean ± std over 2 seeds)"), installed.getText());

        robot.moveTo(base);
        WaitForAsyncUtils.sleep(900, java.util.concurrent.TimeUnit.MILLISECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(installed.isShowing(), "the tooltip opens on hover");
    }

    @Test
    void seedsAreErrorBarsAndTheBudgetIsALineWithTheBestWithinNamed(FxRobot robot) {
        @SuppressWarnings("unchecked")
        LineChart<Number, Number> chart = robot.lookup("#paretoChart").query();
        List<XYChart.Series<Number, Number>> bars = chart.getData().stream()
                .filter(s -> s.getName().startsWith(ParetoView.ERROR_BAR_SERIES)).toList();
        assertEquals(4, bars.size(), "every configuration has two seeds");
        XYChart.Series<Number, Number> bar = bars.stream()
                .filter(s -> s.getName().endsWith("base14")).findFirst().orElseThrow();
        List<Double> ys = bar.getData().stream().map(d -> d.getYValue().doubleValue()).distinct().toList();
        assertEquals(List.of(79.5, 80.5), ys, "from mean - std to mean + std");

        XYChart.Series<Number, Number> budget = chart.getData().stream()
                .filter(s -> s.getName().equals(ParetoView.BUDGET_SERIES)).findFirst().orElseThrow();
        assertEquals(0.125, budget.getData().get(0).getXValue().doubleValue(), 1e-12, "KB JPEG per image");
        assertEquals("within 0.1 Mbit/s at 100 images/s: ISRD+KD at 14x14, 80.5 % ± 0.5 over 2 seeds"
                + " (isrd14; 0.125 KB JPEG per image)", robot.lookup("#paretoBudgetLabel").queryAs(Label.class).getText());
    }

    @Test
    void aBadBudgetInputIsMarkedAndExplained(FxRobot robot) {
        TextField rate = robot.lookup("#paretoBudgetRate").queryAs(TextField.class);
        robot.interact(() -> rate.setText("many"));
        robot.clickOn(rate).type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("images per second must be a positive number, not 'many'",
                robot.lookup("#paretoBudgetError").queryAs(Label.class).getText());
        assertTrue(rate.getStyle().contains("-fx-border-color"), "marked red");
        assertEquals(new BandwidthBudget(0.1, 100), vm.budgetProperty().get(), "the last good budget stays");

        robot.interact(() -> rate.setText("50"));
        robot.clickOn(rate).type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(new BandwidthBudget(0.1, 50), vm.budgetProperty().get());
        assertEquals("", rate.getStyle());
        assertTrue(robot.lookup("#paretoBudgetLabel").queryAs(Label.class).getText().startsWith("within 0.1 Mbit/s at 50"));
    }
}
