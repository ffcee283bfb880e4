package org.pixeldistill.core.util;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class RelativePathsTest {
    private static final Path DOCS = Path.of("/work/main/docs");

    @Test
    void aPathBesideOrBelowTheBaseIsWrittenRelativeToIt() {
        assertEquals("../../results-runs/sweeps/results-fmnist",
                RelativePaths.of(DOCS, Path.of("/work/results-runs/sweeps/results-fmnist")));
        assertEquals("../assets/fashion-mnist", RelativePaths.of(DOCS, Path.of("/work/main/sample-configs/../assets/fashion-mnist")));
        assertEquals("cells/r2-kd-0123abcd", RelativePaths.of(Path.of("/runs/sweeps/demo"),
                Path.of("/runs/sweeps/demo/cells/r2-kd-0123abcd")));
        assertEquals(".", RelativePaths.of(DOCS, DOCS));
    }

    @Test
    void aPathThatMeetsTheBaseOnlyAtTheRootStaysAsGiven() {
        assertEquals("/usr/share/datasets/fashion-mnist", RelativePaths.of(DOCS, Path.of("/usr/share/datasets/fashion-mnist")));
    }

    @Test
    void aRelativePathIsTakenFromTheWorkingDirectory() {
        Path here = Path.of("").toAbsolutePath();
        assertEquals("docs/RESULTS.md", RelativePaths.of(here, Path.of("docs/RESULTS.md")));
        assertEquals("../x", RelativePaths.of(here.resolve("docs"), Path.of("x")));
    }

    @Test
    void absolutePathsInACommandLineAreRewrittenAndTheRestIsLeftAlone() {
        Path main = Path.of("/work/main");
        assertEquals("pdw sweep --config sample-configs/a.yaml --out ../results-runs --set data.path=../data"
                        + " --set 'x=/usr/share/datasets/f'; pdw report --sweep ../detsweep3/sweeps/d --out docs/RESULTS.md",
                RelativePaths.inText(main, "pdw sweep --config sample-configs/a.yaml --out /work/results-runs"
                        + " --set data.path=/work/data --set 'x=/usr/share/datasets/f'; pdw report"
                        + " --sweep /work/detsweep3/sweeps/d --out docs/RESULTS.md"));
        assertEquals("make report", RelativePaths.inText(main, "make report"));
    }
}
