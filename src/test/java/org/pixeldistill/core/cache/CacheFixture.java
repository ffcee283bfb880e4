package org.pixeldistill.core.cache;

import ai.djl.Device;
import java.nio.file.Path;
import org.pixeldistill.core.config.DataConfig;
import org.pixeldistill.core.data.DataSets;
import org.pixeldistill.core.data.ImageDataset;
import org.pixeldistill.core.data.Normalization;
import org.pixeldistill.core.data.TwoViewSampler;
import org.pixeldistill.core.model.BackboneSpec;
import org.pixeldistill.core.train.Network;

/**
 * A tiny real setting for cache tests: a slice of the committed Fashion-MNIST images, the demo's
 * pad-and-flip views, a ResNet-18 x0.25 (small stem) teacher at 28 with random weights and a
 * student of the same kind at 7.
 */
final class CacheFixture implements AutoCloseable {
    static final String DATA = Path.of("assets/fashion-mnist").toAbsolutePath().toString();

    final DataConfig data;
    final ImageDataset train;
    final TwoViewSampler sampler;
    final Network teacher;

    CacheFixture(int trainLimit) {
        this(trainLimit, 20);
    }

    CacheFixture(int trainLimit, int testLimit) {
        data = new DataConfig("fashion-mnist", DATA, trainLimit, testLimit, null, null, null, "pad", null, 2, true, "area",
                null, 1);
        train = DataSets.open(data, Path.of("")).train();
        Normalization norm = Normalization.of(data, 1);
        sampler = new TwoViewSampler(data, 28, 7, norm.mean(), norm.std());
        teacher = Network.create(new BackboneSpec("resnet18", 28, 1, 10, 0.25, "small", 0), Device.cpu(), 0, false);
    }

    static Network student() {
        return Network.create(new BackboneSpec("resnet18", 7, 1, 10, 0.25, "small", 0), Device.cpu(), 1, true);
    }

    CacheTeacher cacheTeacher() {
        return new CacheTeacher(teacher.spec(), teacher.manager(), x -> teacher.forward(x, false).logits());
    }

    CacheKey key(int views, long seed) {
        return CacheKey.of("test teacher (random weights, seed 0)", "fashion-mnist slice " + train.size(), train, sampler,
                views, seed);
    }

    CacheBuild build(int views) {
        return CacheBuild.of(cacheTeacher(), train, sampler, key(views, 0)).withBatchSize(24).withWorkers(1)
                .withChunkImages(16);
    }

    @Override
    public void close() {
        teacher.close();
    }
}
