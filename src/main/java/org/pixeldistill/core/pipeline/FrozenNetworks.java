package org.pixeldistill.core.pipeline;

import ai.djl.Device;
import java.nio.file.Path;
import java.util.Optional;
import org.pixeldistill.core.cache.CacheEligibility;
import org.pixeldistill.core.config.ConfigHash;
import org.pixeldistill.core.config.RunConfig;
import org.pixeldistill.core.loop.Cancellation;
import org.pixeldistill.core.loop.Devices;
import org.pixeldistill.core.loop.GradMode;
import org.pixeldistill.core.loop.RunTask;
import org.pixeldistill.core.loop.TeacherConfigs;
import org.pixeldistill.core.loop.Trained;
import org.pixeldistill.core.loop.TrainingListener;
import org.pixeldistill.core.run.RunFolder;

/**
 * What a distilled run needs before its student trains, taken apart so that each piece can be
 * built on its own (one Slurm job each) before the cells that share it: the teacher, the TAS
 * assistant and the teacher cache. Each lands exactly where the run would put it itself, so a
 * cell that finds it there reuses it, and a cell that does not simply builds it first.
 */
public final class FrozenNetworks {
    private final Path runsRoot;
    private final TrainingListener listener;
    private final Cancellation cancel;

    public FrozenNetworks(Path runsRoot, TrainingListener listener, Cancellation cancel) {
        this.runsRoot = runsRoot;
        this.listener = listener;
        this.cancel = cancel;
    }

    /** The folder of the teacher this config trains first; empty when it names a finished run or has none. */
    public static Optional<Path> teacherDir(Path runsRoot, RunConfig student) {
        if (!student.isDistillation() || student.teacher().run() != null) {
            return Optional.empty();
        }
        RunConfig cfg = TeacherConfigs.teacherConfig(student);
        return Optional.of(cachedDir(runsRoot, "teachers", cfg));
    }

    /** The folder of this TAS config's assistant; empty without a tas section. */
    public static Optional<Path> assistantDir(Path runsRoot, RunConfig student) {
        if (!student.isDistillation() || !student.hasTas()) {
            return Optional.empty();
        }
        RunConfig cfg = TeacherResolver.assistantConfig(student, teacherOnPaper(runsRoot, student));
        return Optional.of(cachedDir(runsRoot, "assistants", cfg));
    }

    /**
     * Whether a run of this config reads a teacher cache (a classifier whose distillers and
     * {@code distill.teacher_cache} allow one), so that a sweep records it in a job of its own. A
     * detector's cache depends on its size against a disk budget, known only once its teacher is
     * open: the first cell that needs it records it (the others wait on its lock, then reuse it).
     */
    public static boolean usesTeacherCache(RunConfig student) {
        return student.isDistillation() && !student.isDetection()
                && CacheEligibility.decide(student.distill().teacherCache(), student.distill().active()).useCache();
    }

    /** Trains the teacher of {@code student} unless it is on disk; {@code log} is a folder for its epochs. */
    public void teacher(RunConfig student, Path log) {
        GradMode.offOnThisThread();
        resolver().teacher(student, RunFolder.at(log));
    }

    /** Trains the teacher (if needed) and then the assistant of a TAS config. */
    public void assistant(RunConfig student, Path log) {
        GradMode.offOnThisThread();
        RunFolder asking = RunFolder.at(log);
        TeacherResolver resolver = resolver();
        resolver.assistant(student, resolver.teacher(student, asking), asking);
    }

    /**
     * Records (or checks) the teacher cache a run of {@code student} reads, the way the run opens
     * it before its first seed: the frozen network is its teacher, or its assistant for TAS.
     */
    public void teacherCache(RunConfig student, Path log) {
        GradMode.offOnThisThread();
        RunFolder asking = RunFolder.at(log);
        TeacherResolver resolver = resolver();
        Device device = Devices.choose(student.device());
        try (RunTask task = RunPipeline.task(student).open(student, device)) {
            Trained frozen = resolver.teacher(student, asking);
            if (student.hasTas()) {
                frozen = resolver.assistant(student, frozen, asking);
            }
            task.openTeacher(frozen, listener, cancel);
        }
    }

    private TeacherResolver resolver() {
        return new TeacherResolver(runsRoot, listener, cancel);
    }

    /** The teacher as the assistant's config names it (its folder and config), without training it. */
    private static Trained teacherOnPaper(Path runsRoot, RunConfig student) {
        if (student.teacher().run() != null) {
            Path dir = Path.of(student.teacher().run());
            return new Trained(RunFolder.open(dir), RunFolder.open(dir).readConfig(), null);
        }
        RunConfig cfg = TeacherConfigs.teacherConfig(student);
        return new Trained(RunFolder.at(cachedDir(runsRoot, "teachers", cfg)), cfg, null);
    }

    /** Where {@link TeacherResolver} keeps a shared network: {@code <runs>/<kind>/<name>-<hash>}. */
    static Path cachedDir(Path runsRoot, String kind, RunConfig cfg) {
        return runsRoot.resolve(kind).resolve(cfg.name() + "-" + ConfigHash.of(cfg).substring(0, 12));
    }
}
