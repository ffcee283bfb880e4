package org.pixeldistill.core.distill;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.ParameterStore;
import java.util.List;

/**
 * A distiller that compares the teacher's last stage with the student's after a learnt bias-free
 * 1x1 convolution maps the student's channels to the teacher's (FitNet, ICKD): the two networks
 * may differ in width, so their channels only meet through a projection trained with the student.
 */
abstract class ProjectedStudentDistiller implements Distiller {
    private Conv2d projection;

    /** Creates the student-to-teacher channel projection (replacing any earlier one). */
    @Override
    public void prepare(NDManager manager, DistillContext first) {
        long teacherChannels = first.teacher().lastStage().getShape().get(1);
        projection = TrainableBlocks.initialise(TrainableBlocks.projection(teacherChannels), manager,
                TrainableBlocks.oneSample(first.student().lastStage().getShape()));
    }

    @Override
    public List<Block> trainableBlocks() {
        return projection == null ? List.of() : List.of(projection);
    }

    /** The 1x1 projection, or null before {@link #prepare}. */
    public Conv2d projection() {
        return projection;
    }

    /** The student's last stage with the teacher's channel count. */
    protected NDArray projectedStudent(ParameterStore ps, DistillContext ctx) {
        if (projection == null) {
            throw new IllegalStateException(name() + ": prepare() must run before losses()");
        }
        return projection.forward(ps, new NDList(ctx.student().lastStage()), ctx.training()).singletonOrThrow();
    }
}
