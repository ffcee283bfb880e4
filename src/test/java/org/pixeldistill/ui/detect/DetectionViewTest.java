package org.pixeldistill.ui.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Slider;
import javafx.scene.control.TableView;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelReader;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.Pane;
import javafx.scene.shape.Shape;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.pixeldistill.core.detect.DetectionInspection;
import org.pixeldistill.core.detect.TinyDetectorRuns;
import org.pixeldistill.ui.common.FxUiThread;
import org.pixeldistill.ui.common.TaskRunner;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The Detection view on a tiny real run, with background tasks as in the workbench. */
@ExtendWith(ApplicationExtension.class)
class DetectionViewTest {
    private DetectionViewModel vm;
    private DetectionView view;

    @TempDir
    Path dir;

    @BeforeAll
    static void train() {
        TinyDetectorRuns.student();
    }

    @AfterEach
    void closeTheRun() {
        vm.close();
    }

    @Start
    void start(Stage stage) {
        // floor 0: the tiny student's boxes score about 0.01; the workbench keeps RetinaNet's 0.05
        vm = new DetectionViewModel(TinyDetectorRuns.runsRoot(), TaskRunner.BACKGROUND, new FxUiThread(), null, 0f);
        view = new DetectionView(vm);
        stage.setScene(new Scene((Parent) view.node(), 1100, 800));
        stage.show();
    }

    @Test
    void theStudentsBoxesAppearAtThresholdZeroAndGoAtOne(FxRobot robot) throws Exception {
        openTheStudentRun(robot);
        // the keyboard moves a focused slider to its ends, as a user would
        robot.clickOn(robot.lookup("#detection-threshold").queryAs(Slider.class).lookup(".thumb")).type(KeyCode.HOME);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(0.0, robot.lookup("#detection-threshold").queryAs(Slider.class).getValue());
        int boxes = count(robot, "#detection-student-canvas", BoxPicture.BOX);
        assertEquals(100, boxes, "every box down to the floor");
        assertEquals(boxes, count(robot, "#detection-student-canvas", BoxPicture.LABEL));
        assertEquals(vm.shownProperty().get().teacher().size(), count(robot, "#detection-teacher-canvas", BoxPicture.BOX));

        robot.type(KeyCode.END);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1.0, robot.lookup("#detection-threshold").queryAs(Slider.class).getValue());
        assertEquals(0, count(robot, "#detection-student-canvas", BoxPicture.BOX));
        assertEquals(0, count(robot, "#detection-student-canvas", BoxPicture.LABEL));
        assertEquals(0, count(robot, "#detection-teacher-canvas", BoxPicture.BOX));
        assertEquals(10, robot.lookup("#detection-ap-table").queryAs(TableView.class).getItems().size());
    }

    @Test
    void theSmallViewIsEnlargedToTheLargeOnesSizeInSolidBlocks(FxRobot robot) {
        openTheStudentRun(robot);
        ImageView large = image(robot, "#detection-teacher-canvas");
        ImageView small = image(robot, "#detection-student-canvas");
        assertEquals(56 * 6, large.getImage().getWidth(), "56 enlarged 6 times, about 320 pixels");
        assertEquals(large.getImage().getWidth(), small.getImage().getWidth(), "both shown at the same size");
        DetectionInspection x = vm.shownProperty().get();
        PixelReader px = small.getImage().getPixelReader();
        int block = 336 / 14;
        for (int sy = 0; sy < 14; sy += 3) {
            for (int sx = 0; sx < 14; sx += 3) {
                int grey = Math.round(x.small().at(0, sy, sx) * 255f);
                int expected = 0xFF000000 | grey << 16 | grey << 8 | grey;
                assertEquals(expected, px.getArgb(sx * block, sy * block), "block " + sx + "," + sy);
                assertEquals(expected, px.getArgb(sx * block + block - 1, sy * block + block - 1), "no smoothing inside a block");
            }
        }
    }

    @Test
    void groundTruthIsDrawnDashedAndCanBeHidden(FxRobot robot) {
        openTheStudentRun(robot);
        int objects = vm.shownProperty().get().largeTruth().size();
        assertTrue(objects > 0);
        assertEquals(objects, count(robot, "#detection-student-canvas", BoxPicture.TRUTH));
        assertEquals(objects, count(robot, "#detection-teacher-canvas", BoxPicture.TRUTH));
        Node truth = robot.lookup("#detection-student-canvas").queryAs(Pane.class).getChildren().stream()
                .filter(n -> n.getStyleClass().contains(BoxPicture.TRUTH)).findFirst().orElseThrow();
        assertNotEquals(0, ((Shape) truth).getStrokeDashArray().size(), "dashed");
        robot.clickOn("#detection-truth");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(!robot.lookup("#detection-truth").queryAs(CheckBox.class).isSelected());
        assertEquals(0, count(robot, "#detection-student-canvas", BoxPicture.TRUTH));
    }

    @Test
    void nextShowsAnotherImageAndExportWritesBothPictures(FxRobot robot) throws Exception {
        openTheStudentRun(robot);
        robot.clickOn("#detection-next");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> vm.shownProperty().get().index() == 1);
        Path file = dir.resolve("pictures.png");
        robot.interact(() -> view.exportPng(file));
        BufferedImage png = ImageIO.read(file.toFile());
        assertTrue(png.getWidth() >= 2 * 336 && png.getHeight() >= 336, png.getWidth() + "x" + png.getHeight());
    }

    @Test
    void theCsvButtonWritesThePerClassTable(FxRobot robot) throws Exception {
        openTheStudentRun(robot);
        String[] suggested = new String[1];
        robot.interact(() -> view.setCsvTarget(name -> {
            suggested[0] = name;
            return dir.resolve(name);
        }));
        robot.clickOn("#detection-export-csv");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(suggested[0].startsWith("ap-det-student-") && suggested[0].endsWith("-seed0.csv"), suggested[0]);
        List<String> lines = Files.readAllLines(dir.resolve(suggested[0]));
        assertTrue(lines.get(0).startsWith("run,seed,test_image,threshold,class,ap50_test"), lines.get(0));
        assertTrue(lines.size() > 1, "one row per class");
    }

    /** Picks the student run in the chooser once the background refresh has listed it, then waits for its picture. */
    private void openTheStudentRun(FxRobot robot) {
        Path student = TinyDetectorRuns.student().dir();
        @SuppressWarnings("unchecked")
        ComboBox<Path> runs = robot.lookup("#detection-run").queryAs(ComboBox.class);
        try {
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> runs.getItems().contains(student));
            robot.interact(() -> runs.getSelectionModel().select(student));
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> vm.shownProperty().get() != null);
        } catch (TimeoutException e) {
            throw new AssertionError("the run did not open: " + vm.statusProperty().get(), e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static int count(FxRobot robot, String pane, String styleClass) {
        return (int) robot.lookup(pane).queryAs(Pane.class).getChildren().stream()
                .filter(n -> n.getStyleClass().contains(styleClass)).count();
    }

    private static ImageView image(FxRobot robot, String pane) {
        return (ImageView) robot.lookup(pane).queryAs(Pane.class).getChildren().get(0);
    }
}
