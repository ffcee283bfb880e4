package org.pixeldistill.ui.setup;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.UnaryOperator;
import javafx.beans.binding.Bindings;
import javafx.beans.property.StringProperty;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.stage.FileChooser;

/**
 * "Weights..." and "None" beside the chosen file's name: a network of the setup panel starts from
 * a pretrained weights file (its config's model.weights) or from random values.
 */
final class WeightsChooser {

    static final String TIP = "Start this network from pretrained weights: a .safetensors or .npz file under"
            + " torchvision's or timm's names (README, \"Pretrained weights\"). A head for another class count is"
            + " left new; anything else that does not fit stops the run with a list before it trains.";

    private WeightsChooser() {}

    /**
     * @param who "teacher" or "student", for the node ids ({@code who-weights-choose}, -none, -file)
     * @param ask asks for a file, given the folder to start in (null: anywhere); null when cancelled
     */
    static HBox of(String who, StringProperty file, UnaryOperator<Path> ask) {
        Button choose = new Button("Weights...");
        choose.setId(who + "-weights-choose");
        choose.setOnAction(e -> {
            String current = file.get();
            Path chosen = ask.apply(current.isBlank() ? null : Path.of(current).toAbsolutePath().getParent());
            if (chosen != null) {
                file.set(chosen.toAbsolutePath().toString());
            }
        });
        Button none = new Button("None");
        none.setId(who + "-weights-none");
        none.setOnAction(e -> file.set(""));
        none.disableProperty().bind(file.isEmpty());
        Label name = new Label();
        name.setId(who + "-weights-file");
        name.textProperty().bind(Bindings.createStringBinding(
                () -> file.get().isBlank() ? "random start" : Path.of(file.get()).getFileName().toString(), file));
        choose.setMinWidth(Region.USE_PREF_SIZE); // the file name wraps (a narrow panel), never the buttons
        name.setWrapText(true);
        none.setMinWidth(Region.USE_PREF_SIZE);
        HBox box = new HBox(6, choose, none, name);
        box.setAlignment(Pos.CENTER_LEFT);
        box.setId(who + "-weights");
        return box;
    }

    /** The open dialog for a weights file; null when the user cancels. */
    static Path askInDialog(Node owner, Path startIn) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Pretrained weights");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Weights (safetensors, npz)",
                "*.safetensors", "*.npz"));
        if (startIn != null && Files.isDirectory(startIn)) {
            chooser.setInitialDirectory(startIn.toFile());
        }
        File file = chooser.showOpenDialog(owner.getScene() == null ? null : owner.getScene().getWindow());
        return file == null ? null : file.toPath();
    }
}
