package org.pixeldistill.ui.pareto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.prefs.Preferences;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.pixeldistill.core.cost.CostModel;
import org.pixeldistill.core.model.BackboneSpec;
import org.pixeldistill.ui.common.TaskRunner;
import org.pixeldistill.ui.common.UiThread;
import org.pixeldistill.ui.runs.RunCatalog;
import org.pixeldistill.ui.runs.RunsFixture;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The chart on screen: a node per finished run, the front, axis switching, clicks, what-if, PNG. */
@ExtendWith(ApplicationExtension.class)
class ParetoViewTest {
    @TempDir
    static Path root;
    Preferences prefs;
    ParetoViewModel vm;
    ParetoView view;

    @Start
    void start(Stage stage) {
        Path runs = root.resolve("runs-" + UUID.randomUUID());
        // fake costs: JPEG bytes = pixels / 2, MACs = 1000 x pixels
        RunsFixture.run(runs.resolve("a7"), RunsFixture.config("a7", "resnet18", 7, "isrd"), "finished", 80, 0.5, 2);
        RunsFixture.run(runs.resolve("b14"), RunsFixture.config("b14", "resnet18", 14, "isrd"), "finished", 78, 0.5, 2);
        RunsFixture.run(runs.resolve("c28"), RunsFixture.config("c28", "resnet18", 28, "isrd"), "finished", 90, 0.5, 2);
        RunsFixture.run(runs.resolve("d28"), RunsFixture.config("d28", "resnet18", 28, "kd"), "running", 60, 0.5, 1);
        prefs = Preferences.userRoot().node("org/pixeldistill/workbench-test-" + UUID.randomUUID());
        vm = new ParetoViewModel(new RunCatalog(runs, RunsFixture.fakeCosts()), TaskRunner.DIRECT, UiThread.DIRECT, prefs);
        vm.refresh();
        view = new ParetoView(vm);
        stage.setScene(new Scene((Parent) view.node(), 900, 600));
        stage.show();
    }

    @AfterEach
    void dropPrefs() throws Exception {
        prefs.removeNode();
    }

    @SuppressWarnings("unchecked")
    private XYChart.Series<Number, Number> series(FxRobot robot, String name) {
        LineChart<Number, Number> chart = robot.lookup("#paretoChart").query();
        return chart.getData().stream().filter(s -> s.getName().equals(name)).findFirst().orElseThrow();
    }

    private Node pointOf(FxRobot robot, String run) {
        return robot.lookup("." + ParetoView.RUN_POINT)
                .match(n -> n.getUserData() != null && ((Path) n.getUserData()).getFileName().toString().equals(run))
                .query();
    }

    @Test
    void oneNodePerFinishedRunAndTheFrontAsASeries(FxRobot robot) {
        Set<Node> points = robot.lookup("." + ParetoView.RUN_POINT).queryAll();
        assertEquals(3, points.size(), "a7, b14, c28; d28 is still running");
        assertEquals(2, robot.lookup("." + ParetoView.FRONT_POINT).queryAll().size());
        XYChart.Series<Number, Number> front = series(robot, ParetoView.FRONT_SERIES);
        assertEquals(List.of(80.0, 90.0), front.getData().stream().map(d -> d.getYValue().doubleValue()).toList());
        Tooltip tip = (Tooltip) pointOf(robot, "b14").getParent().getProperties().get("javafx.scene.control.Tooltip");
        assertTrue(tip.getText().startsWith("b14\nresnet18 x0.125 at 14 px, ISRD+KD\ntop-1 78.00% ± 0.50"), tip.getText());
        assertEquals("3 runs, 2 on the front; 1 not finished", robot.lookup("#paretoStatus").queryAs(Label.class).getText());
    }

    @Test
    void switchingTheAxisChangesTheXValues(FxRobot robot) {
        List<Double> before = xs(robot);
        assertEquals(List.of(0.0245, 0.098, 0.392), before, "KB JPEG: pixels / 2 / 1000");

        robot.clickOn("#paretoAxis").clickOn(CostAxis.MACS.label());
        WaitForAsyncUtils.waitForFxEvents();

        assertEquals(List.of(49_000.0, 196_000.0, 784_000.0), xs(robot));
        assertEquals(CostAxis.MACS, vm.axisProperty().get());

        robot.clickOn("#paretoLog");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(Math.log10(196_000), xs(robot).get(1), 1e-12);
    }

    private List<Double> xs(FxRobot robot) {
        return series(robot, ParetoView.RUNS_SERIES).getData().stream().map(d -> d.getXValue().doubleValue()).toList();
    }

    @Test
    void clickingAPointSelectsItsRun(FxRobot robot) {
        Node b14 = pointOf(robot, "b14");
        robot.clickOn(b14);
        WaitForAsyncUtils.waitForFxEvents();
        assertNotNull(vm.selectedRunProperty().get());
        assertEquals("b14", vm.selectedRunProperty().get().getFileName().toString());
    }

    @Test
    void theWhatIfPointIsDrawnWithItsPrediction(FxRobot robot) {
        String key = CostModel.datasetKey(RunsFixture.config("x", "resnet18", 7, "isrd").data());
        robot.interact(() -> vm.setWhatIf(new BackboneSpec("resnet18", 10, 1, 10, 0.125, "small", 0), key, () -> null));

        Label point = robot.lookup("." + ParetoView.WHAT_IF_POINT).queryAs(Label.class);
        // between 7 (80 %) and 14 (78 %); 100 pixels make 50 bytes
        assertEquals("predicted 79.1% at 0.05 KB", point.getText());
        assertEquals("predicted 79.1% at 0.05 KB", robot.lookup("#paretoWhatIfLabel").queryAs(Label.class).getText());
        XYChart.Data<Number, Number> d = series(robot, ParetoView.WHAT_IF_SERIES).getData().get(0);
        assertEquals(80 - 2.0 * 3 / 7, d.getYValue().doubleValue(), 1e-12);
        assertEquals(0.05, d.getXValue().doubleValue(), 1e-12);

        robot.interact(() -> vm.whatIfMethodProperty().set("kd"));
        assertTrue(series(robot, ParetoView.WHAT_IF_SERIES).getData().isEmpty(), "no finished kd runs");
        assertTrue(robot.lookup("#paretoWhatIfLabel").queryAs(Label.class).getText()
                .startsWith("no runs to interpolate from"));
    }

    @Test
    void theWhatIfMethodStaysShownWhenTheRunsAreReadAgain(FxRobot robot) {
        @SuppressWarnings("unchecked")
        ComboBox<String> box = robot.lookup("#paretoWhatIfMethod").queryAs(ComboBox.class);
        assertEquals("isrd", box.getValue());
        // the runs table empties its rows while it reads the folder again, then fills them
        robot.interact(() -> {
            vm.setEntries(List.of());
            vm.refresh();
        });
        assertEquals(List.of("isrd"), box.getItems());
        assertEquals("isrd", box.getValue(), "not an empty box");
        assertEquals("isrd", box.getSelectionModel().getSelectedItem());
        assertEquals("isrd", vm.whatIfMethodProperty().get());
    }

    @Test
    void exportWritesTheChartAsPng(FxRobot robot) throws Exception {
        Path file = root.resolve("chart-" + UUID.randomUUID() + ".png");
        robot.interact(() -> view.setExportTarget(dir -> file));
        robot.clickOn("#paretoExportPng");
        WaitForAsyncUtils.waitForFxEvents();

        BufferedImage png = ImageIO.read(file.toFile());
        assertNotNull(png);
        assertTrue(png.getWidth() > 400 && png.getHeight() > 300, png.getWidth() + "x" + png.getHeight());
        assertEquals(file.getParent(), vm.exportDirectory());
        assertNotEquals(png.getRGB(0, 0), png.getRGB(png.getWidth() / 2, png.getHeight() / 2) + 1); // read back
        assertTrue(Files.size(file) > 1000);
    }
}
