package org.pixeldistill.core.distill;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.pixeldistill.core.config.DistillConfig;

class DistillersTest {

    @Test
    void createsOnlyTheActiveOnesInConfigOrder() {
        DistillConfig cfg = new DistillConfig(new DistillConfig.Kd(null, null), null, null, null, null,
                new DistillConfig.Fitnet(null), new DistillConfig.Isrd(null), null);
        List<Distiller> list = Distillers.create(cfg);
        assertEquals(List.of("kd", "fitnet", "isrd"), list.stream().map(Distiller::name).toList());
        assertInstanceOf(KdDistiller.class, list.get(0));
        assertInstanceOf(FitnetDistiller.class, list.get(1));
        assertInstanceOf(IsrdDistiller.class, list.get(2));
    }

    @Test
    void everyNameMatchesTheConfigNames() {
        DistillConfig all = new DistillConfig(new DistillConfig.Kd(null, null), new DistillConfig.At(null, null),
                new DistillConfig.Sp(null), new DistillConfig.Ickd(null),
                new DistillConfig.Dkd(null, null, null, null), new DistillConfig.Fitnet(null),
                new DistillConfig.Isrd(null), new DistillConfig.Feature(null));
        assertEquals(all.active(), Distillers.create(all).stream().map(Distiller::name).toList());
        assertEquals(List.of(), Distillers.create(DistillConfig.none()));
    }

    @Test
    void ceScaleIsTheSmallestAndOneWithoutDistillers() {
        // KD alpha 0.9 -> CE keeps 1 - 0.9 = 0.1; ISRD leaves CE at 1; the minimum wins
        List<Distiller> kdIsrd = Distillers.create(new DistillConfig(new DistillConfig.Kd(0.9, 4.0), null, null,
                null, null, null, new DistillConfig.Isrd(50.0), null));
        assertEquals(0.1, Distillers.ceScale(kdIsrd), 1e-12);
        assertEquals(1.0, Distillers.ceScale(Distillers.create(new DistillConfig(null, null,
                new DistillConfig.Sp(null), null, null, null, null, null))));
        assertEquals(1.0, Distillers.ceScale(List.of()));
    }
}
