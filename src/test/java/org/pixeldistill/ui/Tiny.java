package org.pixeldistill.ui;

import java.nio.file.Path;
import org.pixeldistill.ui.setup.Method;
import org.pixeldistill.ui.setup.SetupChoices;

/** Setup choices that train in seconds: 300 training and 100 test images, width 0.125, 1-2 epochs. */
public final class Tiny {
    public static final Path DEMO = Path.of("assets/fashion-mnist");

    private Tiny() {}

    public static SetupChoices choices(Method method, int epochs) {
        SetupChoices d = SetupChoices.defaults();
        return new SetupChoices(true, "", d.layout(), "resnet18", 0.125, 28, "resnet18", 0.125, 4, method, d.eta(),
                d.temperature(), d.alpha(), epochs, 1, 1, 300, 300, 100, "cpu", d.bandwidthMbps());
    }
}
