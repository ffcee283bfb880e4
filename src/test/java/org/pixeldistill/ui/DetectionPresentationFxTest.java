package org.pixeldistill.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pixeldistill.ui.DetectionTabFixture.STUDENT;
import static org.pixeldistill.ui.DetectionTabFixture.TEACHER;
import static org.pixeldistill.ui.DetectionTabFixture.labelFontSize;
import static org.pixeldistill.ui.DetectionTabFixture.side;

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

/** Presentation mode on a projector's 1920x1200: the Detection tab's pictures and their boxes' labels grow with it. */
@ExtendWith(ApplicationExtension.class)
class DetectionPresentationFxTest {
    private final TestPrefs prefs = new TestPrefs();
    private WorkbenchView view;

    @BeforeAll
    static void train() {
        TinyDetectorRuns.student();
    }

    @Start
    void start(Stage stage) {
        view = DetectionTabFixture.show(stage, prefs, 1920, 1200);
    }

    @AfterEach
    void close() {
        DetectionTabFixture.close(view, prefs);
    }

    @Test
    void ctrlEqualsEnlargesThePicturesAndTheirLabels(FxRobot robot) {
        DetectionTabFixture.openTheStudentRun(robot, view);
        int before = side(robot, TEACHER);
        assertEquals(56 * 6, before, "normal size: the 56-pixel scene 6 times, about 320 px");
        double labelBefore = labelFontSize(robot, TEACHER);
        for (int i = 0; i < 2; i++) {
            robot.press(KeyCode.CONTROL, KeyCode.EQUALS).release(KeyCode.EQUALS, KeyCode.CONTROL);
            WaitForAsyncUtils.waitForFxEvents();
        }
        int after = side(robot, TEACHER);
        assertTrue(after > before, "pictures of " + before + " px, then " + after + " px at scale "
                + view.presentation().scaleProperty().get());
        assertEquals(after, side(robot, STUDENT), "the small view grows with the large one");
        assertTrue(labelFontSize(robot, TEACHER) > labelBefore, "the boxes' labels grow too");

        robot.press(KeyCode.CONTROL, KeyCode.DIGIT0).release(KeyCode.DIGIT0, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(before, side(robot, TEACHER), "normal size again");
    }
}
