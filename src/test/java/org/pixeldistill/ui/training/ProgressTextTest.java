package org.pixeldistill.ui.training;

import org.pixeldistill.core.run.Stage;
import org.pixeldistill.core.util.Texts;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.pixeldistill.core.loop.TrainingListener.BatchProgress;

class ProgressTextTest {
    @Test
    void durationsReadAsPeopleSayThem() {
        assertEquals("59 s", Texts.duration(59.4));
        assertEquals("1 min 05 s", Texts.duration(65));
        assertEquals("1 h 01 min", Texts.duration(3700));
        assertEquals("?", Texts.duration(Double.NaN));
    }

    @Test
    void stageLabelsCountTheRunsStagesAndNameTheSeedOnlyWhenThereAreSeveral() {
        List<Stage> tas = List.of(Stage.TEACHER, Stage.ASSISTANT, Stage.STUDENT);
        assertEquals("stage 2/3 assistant", ProgressText.stageLabel(tas, 3, Stage.ASSISTANT, 0));
        assertEquals("stage 3/3 student seed 2", ProgressText.stageLabel(tas, 3, Stage.STUDENT, 2));
        assertEquals("stage 1/1 model", ProgressText.stageLabel(List.of(Stage.MODEL), 1, Stage.MODEL, 0));
        assertEquals("teacher", ProgressText.stageLabel(List.of(), 1, Stage.TEACHER, 0));
    }

    @Test
    void aBatchLineAndTheShareOfTheStageDone() {
        BatchProgress p = new BatchProgress(Stage.STUDENT, 0, 2, 6, 45, 100, 0.8123, 300, 65);
        assertEquals("stage 2/2 student · epoch 3/6 · batch 45/100 · loss 0.812 · 1 min 05 s left",
                ProgressText.batch("stage 2/2 student", p));
        assertEquals((2 + 0.45) / 6, ProgressText.fraction(p), 1e-12);
    }

    @Test
    void theTimeLeftCoversTheSeedsToComeAndNamesTheStagesAfter() {
        BatchProgress p = new BatchProgress(Stage.STUDENT, 0, 2, 6, 45, 100, 0.8123, 300, 65);
        assertEquals("stage 3/3 student seed 0 · epoch 3/6 · batch 45/100 · loss 0.812 · 3 min 05 s left (3 seeds)",
                ProgressText.batch("stage 3/3 student seed 0", p, 2, 60, List.of()));
        BatchProgress teacher = new BatchProgress(Stage.TEACHER, 0, 5, 6, 90, 100, 0.3, 300, 10);
        assertEquals("stage 1/3 teacher · epoch 6/6 · batch 90/100 · loss 0.300 · 10 s left, then assistant and student",
                ProgressText.batch("stage 1/3 teacher", teacher, 0, 200, List.of(Stage.ASSISTANT, Stage.STUDENT)));
    }

    @Test
    void exceptionsBecomeOneLine() {
        assertEquals("first", Texts.oneLine(new IllegalStateException("first\n\tat somewhere")));
        assertEquals("NullPointerException", Texts.oneLine(new NullPointerException()));
        assertEquals("cannot write metrics.csv: No space left on device", Texts.oneLine(
                new IllegalStateException("cannot write metrics.csv", new java.io.IOException("No space left on device\nmore"))));
        assertEquals("cannot write x: disk full", Texts.oneLine(
                new IllegalStateException("cannot write x: disk full", new java.io.IOException("disk full"))), "no echo of the cause");
        assertEquals(200, Texts.oneLine(new IllegalStateException("y".repeat(500))).length());
    }
}
