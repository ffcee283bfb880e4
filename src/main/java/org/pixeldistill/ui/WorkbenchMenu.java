package org.pixeldistill.ui;

import javafx.beans.property.BooleanProperty;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;

/**
 * The window's menu bar. View: show or hide the setup panel (more room for the pictures) and
 * presentation mode (larger or smaller text and pictures, Ctrl+= / Ctrl+- / Ctrl+0).
 */
final class WorkbenchMenu {
    static final KeyCombination LARGER = new KeyCodeCombination(KeyCode.EQUALS, KeyCombination.SHORTCUT_DOWN);
    static final KeyCombination SMALLER = new KeyCodeCombination(KeyCode.MINUS, KeyCombination.SHORTCUT_DOWN);
    static final KeyCombination NORMAL = new KeyCodeCombination(KeyCode.DIGIT0, KeyCombination.SHORTCUT_DOWN);
    static final KeyCombination SETUP = new KeyCodeCombination(KeyCode.L, KeyCombination.SHORTCUT_DOWN,
            KeyCombination.SHIFT_DOWN);

    private WorkbenchMenu() {}

    /** The View menu: the setup panel and the presentation scale, with their shortcuts. */
    static Menu create(Presentation presentation, BooleanProperty setupShown) {
        CheckMenuItem setup = new CheckMenuItem("Setup panel");
        setup.setId("menu-setup-panel");
        setup.selectedProperty().bindBidirectional(setupShown);
        setup.setAccelerator(SETUP);

        MenuItem larger = item("Larger text and pictures", "menu-larger", LARGER);
        larger.setOnAction(e -> presentation.larger());
        MenuItem smaller = item("Smaller text and pictures", "menu-smaller", SMALLER);
        smaller.setOnAction(e -> presentation.smaller());
        MenuItem normal = item("Normal size", "menu-normal-size", NORMAL);
        normal.setOnAction(e -> presentation.reset());

        Menu view = new Menu("View", null, setup, new SeparatorMenuItem(), larger, smaller, normal);
        view.setId("menu-view");
        return view;
    }

    private static MenuItem item(String text, String id, KeyCombination key) {
        MenuItem item = new MenuItem(text);
        item.setId(id);
        item.setAccelerator(key);
        return item;
    }
}
