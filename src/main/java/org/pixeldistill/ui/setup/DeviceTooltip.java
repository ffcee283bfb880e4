package org.pixeldistill.ui.setup;

import javafx.scene.control.Tooltip;
import org.pixeldistill.core.loop.EngineFacts;

/**
 * The Device control's tooltip also names the libtorch build (CPU or CUDA package) and the device
 * auto picks. Read when the tooltip first shows, not when the window opens: that would load the
 * engine before the first frame, which the workbench defers on purpose.
 */
final class DeviceTooltip {
    private DeviceTooltip() {}

    static void addEngineFacts(Tooltip tooltip) {
        String base = tooltip.getText();
        tooltip.setOnShowing(e -> {
            if (tooltip.getText().equals(base)) {
                tooltip.setText(base + "\nIn use: libtorch " + EngineFacts.libtorchFlavour() + "; auto -> "
                        + EngineFacts.autoDevice() + ".");
            }
        });
    }
}
