package org.pixeldistill.ui.setup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.pixeldistill.core.config.IsrdConfig;
import org.pixeldistill.core.sweep.SweepPlan;
import org.pixeldistill.ui.Tiny;

/** Setup fields judged by the core's config checks; the sweep's grid made from the setup's choices. */
class FieldChecksTest {
    @Test
    void valuesTheCoreRefusesGetItsOneLineNamingTheKey() {
        assertEquals(Optional.of("train.epochs must be between 1 and 100000, got 0"),
                FieldChecks.problem(FieldChecks.Field.EPOCHS, "0"));
        assertTrue(FieldChecks.problem(FieldChecks.Field.ALPHA, "1.5").orElseThrow().startsWith("distill.kd.alpha"),
                FieldChecks.problem(FieldChecks.Field.ALPHA, "1.5").toString());
        assertTrue(FieldChecks.problem(FieldChecks.Field.TEST_LIMIT, "-1").orElseThrow().startsWith("data.test_limit"));
        assertTrue(FieldChecks.problem(FieldChecks.Field.BANDWIDTH, "0").orElseThrow().startsWith("bandwidth_mbps"));
        assertTrue(FieldChecks.problem(FieldChecks.Field.SEEDS, "0").isPresent());
        assertEquals(Optional.of("not a number: 'six'"), FieldChecks.problem(FieldChecks.Field.EPOCHS, "six"));
        assertEquals(Optional.of("a whole number is needed here, got 2.5"),
                FieldChecks.problem(FieldChecks.Field.EPOCHS, "2.5"));
        assertEquals(Optional.empty(), FieldChecks.problem(FieldChecks.Field.EPOCHS, "3.0"), "a whole number written so");
    }

    @Test
    void valuesTheCoreAcceptsPass() {
        assertEquals(Optional.empty(), FieldChecks.problem(FieldChecks.Field.EPOCHS, "6"));
        assertEquals(Optional.empty(), FieldChecks.problem(FieldChecks.Field.ALPHA, "0.9"));
        assertEquals(Optional.empty(), FieldChecks.problem(FieldChecks.Field.TEST_LIMIT, "0"));
        assertEquals(Optional.empty(), FieldChecks.problem(FieldChecks.Field.BANDWIDTH, "2.5"));
    }

    @Test
    void theSweepCoversEverySizeOfTheSliderWithTheTickedMethodsAndTheRuleForEta() {
        SetupChoices c = Tiny.choices(Method.BASELINE, 1);
        SweepPlan.Options o = SizeSweeps.options(c, Resolution.ratios(28), List.of(Method.BASELINE, Method.ISRD));
        assertEquals(List.of(4, 2, 1), o.ratios());
        assertEquals(List.of("baseline", "isrd"), o.methods(), "in the panel's order");
        assertEquals(0.0, o.eta(), "eta left on the paper's value follows the rule per size");
        SetupChoices ownEta = new SetupChoices(c.useDemo(), c.folder(), c.layout(), c.teacherBackbone(),
                c.teacherWidth(), c.teacherSize(), c.studentBackbone(), c.studentWidth(), c.ratio(), c.method(),
                IsrdConfig.etaAt(c.ratio()) + 5, c.temperature(), c.alpha(), c.epochs(), c.teacherEpochs(), c.seeds(),
                c.trainLimit(), c.teacherTrainLimit(), c.testLimit(), c.device(), c.bandwidthMbps());
        assertEquals(IsrdConfig.etaAt(c.ratio()) + 5, SizeSweeps.options(ownEta, List.of(4), List.of(Method.ISRD)).eta());
        assertEquals("sweep-resnet18-x0.125-fashion-mnist-28", SizeSweeps.name(c));
        assertEquals("7, 14, 28 px x baseline, ISRD + KD: 6 cells",
                SizeSweeps.describe(Resolution.ratios(28), 28, List.of(Method.ISRD, Method.BASELINE)));
    }
}
