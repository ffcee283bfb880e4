package org.pixeldistill.ui.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pixeldistill.core.run.Stage.STUDENT;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.Map;
import javafx.scene.Scene;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Slider;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.pixeldistill.core.run.MetricsRow;
import org.pixeldistill.ui.common.UiThread;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The loss chart view draws the view-model's curves, follows the smoothing slider and exports a PNG. */
@ExtendWith(ApplicationExtension.class)
class LossChartViewFxTest {
    @TempDir
    Path dir;
    private LossChartViewModel vm;
    private LossChartView view;

    @Start
    void start(Stage stage) {
        vm = new LossChartViewModel(UiThread.DIRECT);
        view = new LossChartView(vm);
        stage.setScene(new Scene(view.node(), 800, 600));
        stage.show();
    }

    private static MetricsRow row(int epoch, double ce) {
        return new MetricsRow(STUDENT, 0, epoch, 0.01, Map.of("ce", ce, "total", ce), 50, 40 + epoch, 90, 1, 100, 0);
    }

    private static double lastY(LineChart<Number, Number> chart, String name) {
        XYChart.Series<Number, Number> s = chart.getData().stream().filter(x -> x.getName().equals(name)).findFirst()
                .orElseThrow();
        return s.getData().get(s.getData().size() - 1).getYValue().doubleValue();
    }

    @Test
    void smoothingSliderChangesTheDrawnCurveAndExportWritesThePng(FxRobot robot) throws Exception {
        robot.interact(() -> {
            vm.add(row(0, 1.0));
            vm.add(row(1, 0.0));
        });
        @SuppressWarnings("unchecked")
        LineChart<Number, Number> chart = robot.lookup("#loss-chart").queryAs(LineChart.class);
        assertEquals(0.0, lastY(chart, "student ce"));

        Slider smoothing = robot.lookup("#loss-smoothing").queryAs(Slider.class);
        robot.drag(smoothing.lookup(".thumb")).moveBy(smoothing.getWidth(), 0).drop();
        WaitForAsyncUtils.waitForFxEvents();
        double a = vm.smoothingProperty().get();
        assertEquals(Smoothing.MAX, a, 1e-9, "dragged to the end");
        // s1 = a * 1.0 + (1 - a) * 0.0
        assertEquals(a, lastY(chart, "student ce"), 1e-9);

        Path png = dir.resolve("chart.png");
        robot.interact(() -> view.exportPng(png));
        BufferedImage image = ImageIO.read(png.toFile());
        assertTrue(image.getWidth() > 300 && image.getHeight() > 300, image.getWidth() + "x" + image.getHeight());
    }

    @Test
    void anEmptyAccuracyChartReadsZeroToHundredAndEpochsAreLabelledWhole(FxRobot robot) {
        @SuppressWarnings("unchecked")
        LineChart<Number, Number> accuracy = robot.lookup("#accuracy-chart").queryAs(LineChart.class);
        NumberAxis y = (NumberAxis) accuracy.getYAxis();
        assertFalse(y.isAutoRanging(), "empty: pinned");
        assertEquals(100.0, y.getUpperBound());
        assertEquals(0.0, y.getLowerBound());
        robot.interact(() -> {
            vm.add(row(0, 1.0));
            vm.add(row(1, 0.5));
        });
        assertTrue(y.isAutoRanging(), "with data the axis fits it");
        NumberAxis x = (NumberAxis) accuracy.getXAxis();
        assertEquals("2", x.getTickLabelFormatter().toString(2.0));
        assertEquals("", x.getTickLabelFormatter().toString(1.5), "no label between two epochs");
    }
}
