package org.pixeldistill.ui.setup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.controlsfx.control.decoration.Decorator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.pixeldistill.ui.TestPrefs;
import org.pixeldistill.ui.Tiny;
import org.pixeldistill.ui.common.TaskRunner;
import org.pixeldistill.ui.common.UiThread;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A number typed into a setup field and committed (Enter, or leaving the field): one the core
 * refuses stays in the field, marked with the core's one line, and the value a run would use stays
 * the last accepted one; one the core accepts is used as typed, even past the arrows' range.
 */
@ExtendWith(ApplicationExtension.class)
class SetupFieldsFxTest {
    @TempDir
    static Path runs;
    private final TestPrefs prefs = new TestPrefs();
    private SetupViewModel vm;
    private SetupView view;

    @Start
    void start(Stage stage) {
        // no engine: the cost readout is not wanted here
        vm = new SetupViewModel(Tiny.DEMO, runs, prefs.preferences(), (name, work) -> {}, UiThread.DIRECT);
        view = new SetupView(vm);
        stage.setScene(new Scene(view.node(), 420, 760));
        stage.show();
    }

    @AfterEach
    void close() {
        prefs.close();
    }

    @Test
    void aRefusedValueStaysInTheFieldMarkedAndIsNotUsed(FxRobot robot) throws Exception {
        Spinner<Integer> epochs = spinner(robot, "#epochs");
        int before = vm.epochsProperty().get();
        typeInto(robot, epochs, "0");
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("0", epochs.getEditor().getText(), "kept for mending, not snapped to 1");
        assertEquals(before, vm.epochsProperty().get(), "the last accepted value is the one used");
        assertEquals(before, epochs.getValue());
        assertTrue(vm.invalidProperty().get(), "Start waits");
        String message = view.validation().getHighestMessage(epochs.getEditor()).map(m -> m.getText()).orElse("");
        assertTrue(message.startsWith("train.epochs must be between 1 and"), message);
        waitUntil(() -> !Decorator.getDecorations(epochs.getEditor()).isEmpty());
        // the mark on the field: an icon whose tooltip is the core's line
        assertTrue(robot.lookup((Node n) -> n instanceof Label l && l.isVisible() && l.getTooltip() != null
                && l.getTooltip().getText().equals(message)).tryQuery().isPresent(), "a visible mark says " + message);

        // leaving the field commits too: the text still stays
        robot.interact(() -> spinner(robot, "#seeds").getEditor().requestFocus());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("0", epochs.getEditor().getText());
        assertEquals(before, vm.epochsProperty().get());

        // mended: used, and the mark goes
        typeInto(robot, epochs, "3");
        robot.type(KeyCode.ENTER);
        waitUntil(() -> !vm.invalidProperty().get());
        assertEquals(3, vm.epochsProperty().get());
        assertEquals("3", epochs.getEditor().getText());
        assertTrue(view.validation().getHighestMessage(epochs.getEditor()).isEmpty());
    }

    @Test
    void anAcceptedValuePastTheArrowsRangeIsUsedAsTyped(FxRobot robot) {
        // the arrows stop at 1000 epochs; the core takes up to 100000
        Spinner<Integer> epochs = spinner(robot, "#epochs");
        typeInto(robot, epochs, "5000");
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(5000, vm.epochsProperty().get());
        assertEquals("5000", epochs.getEditor().getText());
        assertFalse(vm.invalidProperty().get());
        // an arrow steps from it instead of jumping back into the range
        robot.interact(() -> epochs.decrement());
        assertEquals(4999, vm.epochsProperty().get());
        robot.interact(() -> epochs.increment(5));
        assertEquals(4999, vm.epochsProperty().get(), "and never further away from the range");

        // a fraction in a whole-number field is refused, not rounded behind the user's back
        typeInto(robot, epochs, "2.5");
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("2.5", epochs.getEditor().getText());
        assertEquals(4999, vm.epochsProperty().get());
        assertTrue(vm.invalidProperty().get());

        // a small bandwidth is shown as typed, not rounded to two decimals
        Spinner<Double> bandwidth = spinner(robot, "#bandwidth");
        typeInto(robot, bandwidth, "0.005");
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(0.005, vm.bandwidthProperty().get(), 1e-12);
        assertEquals("0.005", bandwidth.getEditor().getText());
    }

    private static void typeInto(FxRobot robot, Spinner<?> spinner, String text) {
        robot.interact(() -> spinner.getEditor().requestFocus());
        robot.interact(() -> {
            spinner.getEditor().selectAll();
            spinner.getEditor().replaceSelection("");
        });
        robot.write(text);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @SuppressWarnings("unchecked")
    private static <T> Spinner<T> spinner(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Spinner.class);
    }

    private static void waitUntil(BooleanSupplier condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, condition::getAsBoolean);
    }
}
