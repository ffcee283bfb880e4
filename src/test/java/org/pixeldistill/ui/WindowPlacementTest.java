package org.pixeldistill.ui;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.prefs.Preferences;
import javafx.scene.Scene;
import javafx.scene.layout.Pane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;

/** The window opens maximised the first time, then as it was left. */
@ExtendWith(ApplicationExtension.class)
class WindowPlacementTest {
    private final TestPrefs prefs = new TestPrefs();

    @AfterEach
    void close() {
        prefs.close();
    }

    @Test
    void firstStartIsMaximisedThenTheLastSizeAndStateComeBack(FxRobot robot) {
        Preferences node = prefs.preferences().node();
        robot.interact(() -> {
            WindowPlacement first = new WindowPlacement(node);
            assertArrayEquals(new double[] {1366, 768}, first.sceneSize(), "the default, on a screen that has room");
            Stage stage = new Stage();
            stage.setScene(new Scene(new Pane(), 1366, 768));
            first.restore(stage);
            assertTrue(stage.isMaximized(), "maximised the first time");
            stage.show();
            stage.setMaximized(false);
            stage.setX(40);
            stage.setY(30);
            stage.setWidth(1000);
            stage.setHeight(700);
            first.save(stage);
            stage.hide();

            WindowPlacement again = new WindowPlacement(node);
            double[] size = again.sceneSize();
            Stage next = new Stage();
            next.setScene(new Scene(new Pane(), size[0], size[1]));
            again.restore(next);
            assertFalse(next.isMaximized(), "as it was left");
            assertTrue(next.getX() == 40 && next.getY() == 30, next.getX() + "," + next.getY());
            assertTrue(next.getWidth() == 1000 && next.getHeight() == 700, next.getWidth() + "x" + next.getHeight());
        });
    }
}
