package org.pixeldistill.core.distill;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import java.util.List;
import java.util.Map;
import org.pixeldistill.core.config.IsrdConfig;
import org.pixeldistill.core.model.IsrdDecoder;
import org.pixeldistill.core.model.Scalars;

/**
 * Input spatial representation distillation: a decoder rebuilds the teacher's large view from the
 * student's input-module feature f0, loss = eta * mean |D(f0) - x_L| (L1 against the normalised
 * large view). It needs nothing from the teacher's network, so teacher and student may have any
 * architectures. The decoder is trained with the student and dropped at inference.
 */
public class IsrdDistiller implements Distiller {
    public static final String NAME = IsrdConfig.KIND.name();

    private final IsrdConfig config;
    private IsrdDecoder decoder;

    public IsrdDistiller(IsrdConfig config) {
        this.config = config;
    }

    @Override
    public String name() {
        return NAME;
    }

    /** Builds the decoder from f0's channels and grid and the large view's channels and size. */
    @Override
    public void prepare(NDManager manager, DistillContext first) {
        Shape f0 = first.student().f0().getShape();
        Shape image = requireLargeImage(first).getShape();
        if (f0.dimension() != 4 || f0.get(2) != f0.get(3)) {
            throw new IllegalArgumentException("isrd needs a square f0 (batch x C x g x g), got " + f0);
        }
        if (image.dimension() != 4 || image.get(2) != image.get(3)) {
            throw new IllegalArgumentException("isrd needs a square large view (batch x C x S x S), got " + image);
        }
        decoder = new IsrdDecoder(Math.toIntExact(f0.get(1)), Math.toIntExact(image.get(1)),
                Math.toIntExact(f0.get(2)), Math.toIntExact(image.get(2)));
        TrainableBlocks.initialise(decoder, manager, TrainableBlocks.oneSample(f0));
    }

    @Override
    public List<Block> trainableBlocks() {
        return decoder == null ? List.of() : List.of(decoder);
    }

    /** The decoder, or null before {@link #prepare}. */
    public IsrdDecoder decoder() {
        return decoder;
    }

    @Override
    public Map<String, NDArray> losses(ParameterStore ps, DistillContext ctx) {
        NDArray target = requireLargeImage(ctx);
        NDArray reconstruction = decode(ps, ctx.student().f0(), ctx.training());
        return Map.of(NAME, Scalars.mul(reconstruction.sub(target).abs().mean(), config.eta()));
    }

    /** The decoder's image for f0 (batch x C x S x S, normalised like the large view), in inference mode. */
    public NDArray reconstruct(ParameterStore ps, NDArray f0) {
        return decode(ps, f0, false);
    }

    private NDArray decode(ParameterStore ps, NDArray f0, boolean training) {
        if (decoder == null) {
            throw new IllegalStateException("isrd: prepare() must run before the decoder is used");
        }
        return decoder.forward(ps, new NDList(f0), training).singletonOrThrow();
    }

    private static NDArray requireLargeImage(DistillContext ctx) {
        if (ctx.largeImage() == null) {
            throw new IllegalStateException("isrd needs the large view (DistillContext.largeImage)");
        }
        return ctx.largeImage();
    }
}
