package org.pixeldistill.core.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pixeldistill.core.config.ConfigException;
import org.pixeldistill.core.config.ConfigLoader;
import org.pixeldistill.core.config.RunConfig;

/** detect.levels beyond the first 1x1 grid is an error naming the key and the most that helps. */
class DetectorLevelsCheckTest {
    private static RunConfig student(String... overrides) {
        return ConfigLoader.load(Path.of("sample-configs/demo-scenes-student.yaml"), List.of(overrides));
    }

    @Test
    void tenLevelsAtTwentyEightPixelsAreRefused() {
        ConfigException e = assertThrows(ConfigException.class, () -> DetectorSpecs.of(student("detect.levels=10"), 1, 10));
        assertTrue(e.getMessage().startsWith("detect.levels 10 (level_shift 0): at input 28"), e.getMessage());
        assertTrue(e.getMessage().contains("[14, 7, 4, 2, 1, 1, 1, 1, 1, 1]") && e.getMessage().contains("at most 5 here"), e.getMessage());
    }

    @Test
    void theSampleLevelsAndALevelShiftThatKeepsOneCellPass() {
        assertEquals(3, DetectorSpecs.of(student(), 1, 10).levels());
        // the teacher at 112 pixels, whose three levels are finer
        RunConfig teacher = ConfigLoader.load(Path.of("sample-configs/demo-scenes-teacher.yaml"));
        assertEquals(3, DetectorSpecs.of(teacher, 1, 10).levels());
    }
}
