package org.pixeldistill.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.chart.LineChart;
import javafx.scene.control.Labeled;
import javafx.scene.control.Tab;
import javafx.scene.control.TableCell;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.pixeldistill.ui.common.FxUiThread;
import org.pixeldistill.ui.common.TaskRunner;
import org.pixeldistill.ui.runs.RunsFixture;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The window at 1366x768, a laptop's or a projector's size: the ISRD pictures of the first three
 * images in view together, no control of any tab cut short, presentation mode on Ctrl+=.
 */
@ExtendWith(ApplicationExtension.class)
class WorkbenchLayoutFxTest {
    static final double WIDTH = 1366;
    static final double HEIGHT = 768;
    private static final List<String> PICTURES = List.of("isrdLarge-", "isrdSmall-", "isrdReconstruction-",
            "isrdTeacherMap-", "isrdStudentMap-");

    @TempDir
    Path runs;
    private final TestPrefs prefs = new TestPrefs();
    private WorkbenchModels models;
    private WorkbenchView view;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        // no engine for the cost readout: the layout does not need its figures
        TaskRunner noCosts = (name, work) -> {
            if (!name.equals("cost readout")) {
                TaskRunner.BACKGROUND.start(name, work);
            }
        };
        models = WorkbenchModels.create(runs, Tiny.DEMO, prefs.preferences(), noCosts, new FxUiThread());
        view = new WorkbenchView(models, prefs.preferences().node());
        stage.setScene(new Scene(view.node(), WIDTH, HEIGHT));
        stage.show();
    }

    @AfterEach
    void close() {
        models.training().shutdown(Duration.ofSeconds(10));
        prefs.close();
    }

    private void feed(FxRobot robot) {
        robot.interact(() -> {
            models.isrd().accept(List.of(LayoutFixture.isrdSnapshot("attention"), LayoutFixture.isrdSnapshot("gradcam")));
            LayoutFixture.isrdLossRows().forEach(models.lossChart()::add);
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void theFivePicturesOfTheFirstThreeImagesAreInViewTogether(FxRobot robot) {
        feed(robot);
        Node viewport = robot.lookup("#isrdScroll").queryAs(Node.class).lookup(".viewport");
        Bounds visible = viewport.localToScreen(viewport.getLayoutBounds());
        Bounds window = view.node().localToScreen(view.node().getLayoutBounds());
        for (int i = 0; i < 3; i++) {
            for (String id : PICTURES) {
                Node picture = robot.lookup("#" + id + i).query();
                Bounds b = picture.localToScreen(picture.getLayoutBounds());
                assertTrue(contains(visible, b) && contains(window, b), id + i + " at " + b + " outside " + visible);
            }
            Labeled caption = robot.lookup("#isrdRowCaption-" + i).queryAs(Labeled.class);
            assertEquals(null, LayoutFixture.cut(caption, WIDTH, HEIGHT));
            assertTrue(caption.getText().contains(" · student "), caption.getText());
        }
        assertEquals("T-shirt/top · student Shirt ✗ · teacher Trouser ✗",
                robot.lookup("#isrdRowCaption-0").queryAs(Labeled.class).getText());
        // the pictures are still large enough to see the student's 7x7 blocks
        assertTrue(view.isrdView().pictureSide() >= 56, "pictures of " + view.isrdView().pictureSide() + " px");
    }

    @Test
    void noControlOfAnyTabIsShownCut(FxRobot robot) {
        feed(robot);
        List<String> cut = new ArrayList<>();
        for (Tab tab : view.panels().getTabs()) {
            robot.interact(() -> view.panels().getSelectionModel().select(tab));
            WaitForAsyncUtils.waitForFxEvents();
            for (Labeled l : LayoutFixture.labeleds(view.node())) {
                String why = LayoutFixture.cut(l, WIDTH, HEIGHT);
                if (why != null) {
                    cut.add(tab.getText() + ": " + why);
                }
            }
        }
        assertEquals(List.of(), cut);
    }

    @Test
    void runNamesThatShareALongBeginningAreShownWhole(FxRobot robot) throws Exception {
        // as the setup panel names them: method, student, input size, then the time stamp that tells them apart
        List<String> names = List.of("isrd-resnet18-7-20261205-101500", "isrd-resnet18-7-20261205-113000",
                "kd-mobilenet_v2-14-20261205-120000-2");
        for (String name : names) {
            RunsFixture.run(runs.resolve(name), RunsFixture.config(name, "resnet18", 7, "kd"), "finished", 70, 1, 2);
        }
        robot.interact(() -> models.runs().refresh());
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> models.runs().rows().size() == names.size());
        robot.interact(() -> view.selectPanel("Runs"));
        WaitForAsyncUtils.waitForFxEvents();
        List<String> shown = new ArrayList<>();
        for (Node n : robot.lookup(".table-cell").queryAll()) {
            if (n instanceof TableCell<?, ?> cell && cell.getText() != null && names.contains(cell.getText())) {
                assertEquals(null, LayoutFixture.cut(cell, WIDTH, HEIGHT));
                shown.add(cell.getText());
            }
        }
        assertEquals(names.size(), shown.size(), "every name in a cell: " + shown);
        // the headers too: each as wide as its title (the table scrolls sideways for the last ones)
        Node table = robot.lookup("#runsTable").query();
        int headers = 0;
        for (Labeled header : robot.from(table).lookup(".column-header .label").queryAllAs(Labeled.class)) {
            if (header.getText() != null && !header.getText().isEmpty()) {
                assertEquals(null, LayoutFixture.ellipsis(header));
                headers++;
            }
        }
        assertEquals(11, headers, "every column's title");
    }

    @Test
    void theLossLegendStaysInView(FxRobot robot) {
        feed(robot);
        @SuppressWarnings("unchecked")
        LineChart<Number, Number> chart = robot.lookup("#loss-chart").queryAs(LineChart.class);
        Node legend = chart.lookup(".chart-legend");
        assertTrue(legend != null && LayoutFixture.shown(legend) && legend.getLayoutBounds().getHeight() > 0,
                "the legend is shown");
        List<String> items = new ArrayList<>();
        for (Node n : legend.lookupAll(".chart-legend-item")) {
            items.add(((Labeled) n).getText());
        }
        assertTrue(items.contains("student isrd") && items.contains("teacher ce"), items.toString());
    }

    @Test
    void ctrlEqualsEnlargesTextAndIsRemembered(FxRobot robot) {
        feed(robot);
        double before = fontSize(robot);
        robot.press(KeyCode.CONTROL, KeyCode.EQUALS).release(KeyCode.EQUALS, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        double after = fontSize(robot);
        assertEquals(before * Presentation.STEP, after, 0.2, "one step larger");
        assertEquals(1.15, view.presentation().scaleProperty().get(), 1e-9);

        // the next start reads the same scale
        assertEquals(1.15, new Presentation(prefs.preferences().node()).scaleProperty().get(), 1e-9);
        assertTrue(view.node().getStyle().contains("-fx-font-size"), view.node().getStyle());

        robot.press(KeyCode.CONTROL, KeyCode.DIGIT0).release(KeyCode.DIGIT0, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(before, fontSize(robot), 0.01);
        assertEquals(1.0, new Presentation(prefs.preferences().node()).scaleProperty().get(), 1e-9);
    }

    @Test
    void theSetupPanelCanBeHiddenToGiveThePicturesRoom(FxRobot robot) {
        feed(robot);
        int side = view.isrdView().pictureSide();
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.L).release(KeyCode.L, KeyCode.SHIFT, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(view.setupView().node().isVisible());
        assertTrue(view.isrdView().pictureSide() >= side, view.isrdView().pictureSide() + " < " + side);
        assertFalse(prefs.preferences().node().getBoolean("setup_panel_shown", true), "remembered");
    }

    private double fontSize(FxRobot robot) {
        return robot.lookup("#train-start").queryAs(Labeled.class).getFont().getSize();
    }

    private static boolean contains(Bounds outer, Bounds inner) {
        return inner.getMinX() >= outer.getMinX() - 0.5 && inner.getMaxX() <= outer.getMaxX() + 0.5
                && inner.getMinY() >= outer.getMinY() - 0.5 && inner.getMaxY() <= outer.getMaxY() + 0.5;
    }
}
