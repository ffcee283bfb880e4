package org.pixeldistill.ui.setup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The setup panel's weights row on screen: Weights... sets the file, None clears it, the label follows. */
@ExtendWith(ApplicationExtension.class)
class WeightsChooserTest {
    private final StringProperty file = new SimpleStringProperty("");
    private final List<Path> askedIn = new ArrayList<>();

    @Start
    void start(Stage stage) {
        stage.setScene(new Scene(WeightsChooser.of("student", file, start -> {
            askedIn.add(start);
            return Path.of("/w/resnet18.safetensors");
        }), 400, 60));
        stage.show();
    }

    @Test
    void chooseThenClear(FxRobot robot) {
        Label name = robot.lookup("#student-weights-file").query();
        Button none = robot.lookup("#student-weights-none").query();
        assertEquals("random start", name.getText());
        assertTrue(none.isDisabled(), "nothing to clear yet");

        robot.clickOn("#student-weights-choose");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(Path.of("/w/resnet18.safetensors").toAbsolutePath().toString(), file.get());
        assertEquals("resnet18.safetensors", name.getText());

        robot.clickOn("#student-weights-choose");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(Path.of("/w").toAbsolutePath(), askedIn.get(1), "the dialog starts in the last file's folder");

        robot.clickOn("#student-weights-none");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("", file.get());
        assertEquals("random start", name.getText());
    }
}
