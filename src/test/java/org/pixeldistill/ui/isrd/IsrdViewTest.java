package org.pixeldistill.ui.isrd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelReader;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.pixeldistill.core.data.RawImage;
import org.pixeldistill.core.inspect.ImageInspection;
import org.pixeldistill.core.inspect.InspectionSnapshot;
import org.pixeldistill.ui.common.FxUiThread;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The panel fed with hand-made snapshots: image nodes, blocky small views, map switching, PNG export. */
@ExtendWith(ApplicationExtension.class)
class IsrdViewTest {
    private static final int IMAGES = 3;
    private IsrdViewModel vm;
    private IsrdView view;

    @Start
    void start(Stage stage) {
        vm = new IsrdViewModel(new FxUiThread(), IMAGES, null);
        view = new IsrdView(vm);
        stage.setScene(new Scene((Parent) view.node(), 1000, 700));
        stage.show();
    }

    @Test
    void everyImageGetsItsNodes(FxRobot robot) {
        feed(robot, true);
        for (int i = 0; i < IMAGES; i++) {
            for (String id : List.of("isrdLarge-", "isrdSmall-", "isrdReconstruction-", "isrdTeacherMap-", "isrdStudentMap-")) {
                ImageView node = robot.lookup("#" + id + i).queryAs(ImageView.class);
                assertNotNull(node.getImage(), id + i);
            }
            assertTrue(robot.lookup("#isrdRowCaption-" + i).queryAs(Label.class).getText()
                    .startsWith("class" + i + " · student class" + i + " ✓"));
        }
        assertEquals(112, robot.lookup("#isrdLarge-0").queryAs(ImageView.class).getImage().getWidth());
        String caption = robot.lookup("#isrdCaption").queryAs(Label.class).getText();
        assertTrue(caption.contains("after epoch 3") && caption.contains("attention"), caption);
    }

    @Test
    void theSmallViewIsEnlargedWithoutSmoothing(FxRobot robot) {
        feed(robot, true);
        ImageView small = robot.lookup("#isrdSmall-0").queryAs(ImageView.class);
        Image shown = snapshotOf(robot, small);
        PixelReader px = shown.getPixelReader();
        int block = 112 / 7;
        assertEquals(block * 7, (int) shown.getWidth());
        // neighbours inside one source pixel are equal; across the block edge the checkerboard flips
        assertEquals(px.getArgb(block + 3, 5), px.getArgb(block + 4, 5));
        assertEquals(px.getArgb(block + 7, 2), px.getArgb(block + 8, 13));
        assertNotEquals(px.getArgb(block - 1, 5), px.getArgb(block, 5));
        assertEquals(0xFFFFFFFF, px.getArgb(block + 5, 5));
        assertEquals(0xFF000000, px.getArgb(5, 5));
    }

    @Test
    void switchingToGradCamRendersTheOtherMaps(FxRobot robot) {
        feed(robot, true);
        int before = pixel(robot, "#isrdStudentMap-0", 2, 2);
        robot.clickOn("#isrdMapKind");
        robot.clickOn("Grad-CAM");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("gradcam", vm.mapKindProperty().get());
        int after = pixel(robot, "#isrdStudentMap-0", 2, 2);
        assertNotEquals(before, after);
        assertTrue(robot.lookup("#isrdCaption").queryAs(Label.class).getText().contains("gradcam"));
    }

    @Test
    void aRunWithoutIsrdSaysSo(FxRobot robot) {
        feed(robot, false);
        assertEquals("no ISRD in this run", robot.lookup("#isrdNoReconstruction-1").queryAs(Label.class).getText());
        assertTrue(robot.lookup("#isrdReconstruction-1").tryQuery().isEmpty());
    }

    @Test
    void thePanelExportsAsPng(FxRobot robot, @TempDir Path dir) throws IOException {
        feed(robot, true);
        Path file = dir.resolve("panel.png");
        robot.interact(() -> view.exportPng(file));
        BufferedImage png = ImageIO.read(file.toFile());
        assertTrue(png.getWidth() > 5 * 112 && png.getHeight() > IMAGES * 112,
                png.getWidth() + "x" + png.getHeight());
    }

    private void feed(FxRobot robot, boolean withReconstruction) {
        robot.interact(() -> vm.accept(List.of(snapshot("attention", withReconstruction, 0),
                snapshot("gradcam", withReconstruction, 3))));
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** 14x14 grey ramp, 7x7 checkerboard (black top-left), 2x2 maps hot in the corner given. */
    private static InspectionSnapshot snapshot(String kind, boolean withReconstruction, int hotCell) {
        List<ImageInspection> images = new ArrayList<>();
        for (int i = 0; i < IMAGES; i++) {
            float[] large = new float[14 * 14];
            for (int p = 0; p < large.length; p++) {
                large[p] = p / (float) large.length;
            }
            float[] small = new float[7 * 7];
            for (int p = 0; p < small.length; p++) {
                small[p] = ((p / 7) + (p % 7)) % 2;
            }
            float[] map = new float[4];
            map[hotCell] = 1f;
            RawImage big = new RawImage(large, 1, 14, 14);
            images.add(new ImageInspection(10 + i, i, big, new RawImage(small, 1, 7, 7), withReconstruction ? big : null,
                    map, 2, map.clone(), 2, kind, i, i));
        }
        return new InspectionSnapshot("student", 0, 2, images, List.of("class0", "class1", "class2"), kind, 4);
    }

    private static Image snapshotOf(FxRobot robot, ImageView node) {
        AtomicReference<Image> shot = new AtomicReference<>();
        robot.interact(() -> shot.set(node.snapshot(null, null)));
        return shot.get();
    }

    private static int pixel(FxRobot robot, String id, int x, int y) {
        return snapshotOf(robot, robot.lookup(id).queryAs(ImageView.class)).getPixelReader().getArgb(x, y);
    }
}
