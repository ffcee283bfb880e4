package org.pixeldistill.ui;

import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;
import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import javafx.stage.Stage;

/**
 * Where the window was: its last size and position and whether it was maximised, kept in the
 * workbench's preferences node. The first start opens maximised (a projector or a 1366x768 laptop
 * needs every pixel); a remembered place that is no longer on any screen (a projector unplugged)
 * is ignored.
 */
public final class WindowPlacement {
    /** The size a window has before it is maximised, and its size when nothing fits better. */
    public static final double DEFAULT_WIDTH = 1366;
    public static final double DEFAULT_HEIGHT = 768;

    private final Preferences node;
    /** The last bounds while not maximised: a maximised window's own bounds are the screen's. */
    private Rectangle2D normal;

    public WindowPlacement(Preferences node) {
        this.node = node;
    }

    /** The scene size to create: the default, never larger than the screen ({@link #restore} sets the rest). */
    public double[] sceneSize() {
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        return new double[] {Math.min(DEFAULT_WIDTH, screen.getWidth()), Math.min(DEFAULT_HEIGHT, screen.getHeight())};
    }

    /** Puts the stage where and as large as it was (call before show); maximised the first time. Then follows it. */
    public void restore(Stage stage) {
        double x = node.getDouble("window_x", Double.NaN);
        double y = node.getDouble("window_y", Double.NaN);
        double w = node.getDouble("window_width", Double.NaN);
        double h = node.getDouble("window_height", Double.NaN);
        if (!Double.isNaN(x) && !Double.isNaN(y) && w >= 320 && h >= 240
                && !Screen.getScreensForRectangle(x, y, w, h).isEmpty()) {
            stage.setX(x);
            stage.setY(y);
            stage.setWidth(w);
            stage.setHeight(h);
        }
        stage.setMaximized(node.getBoolean("window_maximized", true));
        follow(stage);
    }

    private void follow(Stage stage) {
        Runnable track = () -> {
            if (!stage.isMaximized() && !stage.isIconified() && stage.getWidth() > 0) {
                normal = new Rectangle2D(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight());
            }
        };
        stage.xProperty().addListener(o -> track.run());
        stage.yProperty().addListener(o -> track.run());
        stage.widthProperty().addListener(o -> track.run());
        stage.heightProperty().addListener(o -> track.run());
        stage.maximizedProperty().addListener(o -> track.run());
    }

    /** Writes the place down (on closing). */
    public void save(Stage stage) {
        node.putBoolean("window_maximized", stage.isMaximized());
        if (normal != null) {
            node.putDouble("window_x", normal.getMinX());
            node.putDouble("window_y", normal.getMinY());
            node.putDouble("window_width", normal.getWidth());
            node.putDouble("window_height", normal.getHeight());
        }
        try {
            node.flush();
        } catch (BackingStoreException e) {
            // a convenience only: a read-only home folder must not stop the window from closing
        }
    }
}
