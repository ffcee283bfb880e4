package org.pixeldistill.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pixeldistill.ui.common.TaskRunner;

class DeferredRunnerTest {
    @Test
    void holdsTasksUntilReleasedThenPassesThrough() {
        List<String> ran = new ArrayList<>();
        DeferredRunner runner = new DeferredRunner(TaskRunner.DIRECT);
        runner.start("a", () -> ran.add("a"));
        runner.start("b", () -> ran.add("b"));
        assertEquals(List.of(), ran);
        runner.release();
        assertEquals(List.of("a", "b"), ran);
        runner.start("c", () -> ran.add("c"));
        assertEquals(List.of("a", "b", "c"), ran);
        runner.release();
        assertEquals(3, ran.size());
    }
}
