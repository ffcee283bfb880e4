package org.pixeldistill.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pixeldistill.ui.DetectionTabFixture.STUDENT;
import static org.pixeldistill.ui.DetectionTabFixture.TEACHER;
import static org.pixeldistill.ui.DetectionTabFixture.side;

import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.pixeldistill.core.detect.TinyDetectorRuns;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The Detection tab at 1366x768 on a tiny real detector run: both pictures lie in view, at normal size and in presentation mode. */
@ExtendWith(ApplicationExtension.class)
class DetectionLayoutFxTest {
    private final TestPrefs prefs = new TestPrefs();
    private WorkbenchView view;

    @BeforeAll
    static void train() {
        TinyDetectorRuns.student();
    }

    @Start
    void start(Stage stage) {
        view = DetectionTabFixture.show(stage, prefs, WorkbenchLayoutFxTest.WIDTH, WorkbenchLayoutFxTest.HEIGHT);
    }

    @AfterEach
    void close() {
        DetectionTabFixture.close(view, prefs);
    }

    @Test
    void bothPicturesLieInViewAtNormalSizeAndLarger(FxRobot robot) {
        DetectionTabFixture.openTheStudentRun(robot, view);
        assertInView(robot);
        // still large enough to see the student's 14x14 blocks, and both the same size
        int side = side(robot, TEACHER);
        assertTrue(side >= 56 * 3, "pictures of " + side + " px");
        assertEquals(side, side(robot, STUDENT));

        // presentation mode: larger text, and the pictures do not grow out of view
        for (int i = 0; i < 3; i++) {
            robot.press(KeyCode.CONTROL, KeyCode.EQUALS).release(KeyCode.EQUALS, KeyCode.CONTROL);
            WaitForAsyncUtils.waitForFxEvents();
        }
        assertEquals(1.52, view.presentation().scaleProperty().get(), 1e-9);
        assertInView(robot);
    }

    private void assertInView(FxRobot robot) {
        Node viewport = robot.lookup("#detection-scroll").query().lookup(".viewport");
        Bounds visible = viewport.localToScreen(viewport.getLayoutBounds());
        Bounds window = view.node().localToScreen(view.node().getLayoutBounds());
        for (String id : new String[] {TEACHER, STUDENT}) {
            Node picture = robot.lookup(id).query();
            Bounds b = picture.localToScreen(picture.getLayoutBounds());
            assertTrue(DetectionTabFixture.contains(visible, b) && DetectionTabFixture.contains(window, b),
                    id + " at " + b + " outside " + visible);
        }
    }
}
