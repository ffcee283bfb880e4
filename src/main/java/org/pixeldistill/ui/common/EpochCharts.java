package org.pixeldistill.ui.common;

import javafx.collections.ListChangeListener;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.util.StringConverter;

/**
 * The line charts over epochs the workbench draws (loss curves, the runs' comparison): epochs
 * labelled as whole numbers only, and a percentage axis that reads 0-100 while the chart is empty
 * (JavaFX's own empty axis showed 0-130 %, which no accuracy reaches).
 */
public final class EpochCharts {
    private EpochCharts() {}

    /**
     * A chart with an epoch axis and a value axis labelled {@code yLabel}; {@code percent} pins the
     * empty chart's value axis to 0-100.
     */
    public static LineChart<Number, Number> create(String id, String yLabel, boolean percent) {
        NumberAxis x = new NumberAxis();
        x.setLabel("epoch");
        x.setForceZeroInRange(false);
        x.setMinorTickVisible(false);
        x.setTickLabelFormatter(WHOLE_NUMBERS);
        NumberAxis y = new NumberAxis();
        y.setLabel(yLabel);
        y.setForceZeroInRange(false);
        LineChart<Number, Number> chart = new LineChart<>(x, y);
        chart.setId(id);
        // Animations would replay on every redraw of a live chart.
        chart.setAnimated(false);
        chart.setMinHeight(160);
        if (percent) {
            fitPercentWhenEmpty(chart, y);
        }
        return chart;
    }

    /** Labels whole numbers and leaves the ticks between them blank (a half epoch means nothing). */
    static final StringConverter<Number> WHOLE_NUMBERS = new StringConverter<>() {
        @Override
        public String toString(Number n) {
            double v = n.doubleValue();
            return Math.abs(v - Math.rint(v)) < 1e-9 ? Long.toString(Math.round(v)) : "";
        }

        @Override
        public Number fromString(String s) {
            return Double.valueOf(s);
        }
    };

    private static void fitPercentWhenEmpty(LineChart<Number, Number> chart, NumberAxis y) {
        Runnable fit = () -> {
            boolean empty = chart.getData().stream().allMatch(s -> s.getData().isEmpty());
            y.setAutoRanging(!empty);
            if (empty) {
                y.setLowerBound(0);
                y.setUpperBound(100);
                y.setTickUnit(20);
            }
        };
        chart.getData().addListener((ListChangeListener<XYChart.Series<Number, Number>>) change -> fit.run());
        fit.run();
    }
}
