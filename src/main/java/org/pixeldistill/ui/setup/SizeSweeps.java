package org.pixeldistill.ui.setup;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import org.pixeldistill.core.config.IsrdConfig;
import org.pixeldistill.core.config.RunConfig;
import org.pixeldistill.core.sweep.SweepPlan;

/**
 * What "Sweep sizes" hands to the core's {@link SweepPlan}: the setup's choices as a base config
 * and every size of the resolution slider as a ratio. The base always has a teacher (the plan
 * needs one; its baseline cells drop it), and its name leaves out the size, so every size lands in
 * the same sweep folder and a sweep started again finds its finished cells.
 */
final class SizeSweeps {
    private SizeSweeps() {}

    /** "7, 14, 28 px x ISRD + KD, baseline: 6 cells". */
    static String describe(List<Integer> ratios, Integer teacherSize, Collection<Method> methods) {
        int s = teacherSize == null ? 0 : teacherSize;
        List<String> sizes = ratios.stream().map(r -> Integer.toString(s / r)).toList();
        List<String> names = java.util.Arrays.stream(Method.values()).filter(methods::contains).map(Method::label).toList();
        if (names.isEmpty()) {
            return "tick at least one method";
        }
        int n = sizes.size() * names.size();
        return String.join(", ", sizes) + " px x " + String.join(", ", names) + ": " + n + (n == 1 ? " cell" : " cells");
    }

    /** The chosen method and the baseline, once each. */
    static List<Method> defaultMethods(Method chosen) {
        List<Method> out = new ArrayList<>();
        out.add(chosen == null ? Method.ISRD : chosen);
        if (!out.contains(Method.BASELINE)) {
            out.add(Method.BASELINE);
        }
        return out;
    }

    /**
     * The base config: the choices built with a distilling method (TAS when it is swept, for its
     * tas section; else ISRD + KD, whose KD weights the KD cells take), named for the sweep.
     */
    static RunConfig base(RunConfigBuilder builder, SetupChoices c) {
        Method carrier = c.method() == Method.TAS ? Method.TAS : Method.ISRD;
        RunConfig built = builder.build(c.withMethod(carrier));
        RunConfig named = built.withName(name(c));
        named.validate();
        return named;
    }

    /** "sweep-resnet18-x0.25-fashion-mnist-28": student, width, data and the teacher's size. */
    static String name(SetupChoices c) {
        String data = c.effectiveLayout().replaceAll("[^A-Za-z0-9._-]", "-");
        return String.format(Locale.ROOT, "sweep-%s-x%s-%s-%d", c.studentBackbone(),
                BigDecimal.valueOf(c.studentWidth()).stripTrailingZeros().toPlainString(), data, c.teacherSize());
    }

    /**
     * Every ratio of the slider times the ticked methods, with the setup's seeds. An eta left on the
     * paper's value for the slider's ratio becomes the rule per size (0); one the user changed is kept.
     */
    static SweepPlan.Options options(SetupChoices c, List<Integer> ratios, Collection<Method> methods) {
        List<String> names = new ArrayList<>();
        for (Method m : Method.values()) {
            if (methods.contains(m)) {
                names.add(m.name().toLowerCase(Locale.ROOT));
            }
        }
        double eta = c.eta() == IsrdConfig.etaAt(c.ratio()) ? 0 : c.eta();
        return new SweepPlan.Options(List.copyOf(ratios), List.of(c.studentBackbone()), names, Math.max(1, c.seeds()),
                "none", eta);
    }
}
