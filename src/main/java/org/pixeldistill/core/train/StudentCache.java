package org.pixeldistill.core.train;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import org.pixeldistill.core.cache.CacheBuild;
import org.pixeldistill.core.cache.CacheEligibility;
import org.pixeldistill.core.cache.CacheIdentity;
import org.pixeldistill.core.cache.CacheKey;
import org.pixeldistill.core.cache.CacheListener;
import org.pixeldistill.core.cache.CacheMessages;
import org.pixeldistill.core.cache.CacheTeacher;
import org.pixeldistill.core.cache.TeacherCache;
import org.pixeldistill.core.config.RunConfig;
import org.pixeldistill.core.data.ImageDataset;
import org.pixeldistill.core.data.TwoViewSampler;
import org.pixeldistill.core.loop.EngineThreads;
import org.pixeldistill.core.loop.RunCancelledException;
import org.pixeldistill.core.loop.TrainingListener;

/**
 * The teacher cache a classifier's students read, when {@code distill.teacher_cache} and the
 * active distillers allow one: decided, then opened or recorded once per run, before any seed
 * trains, so every seed (and every other run with the same teacher and views) shares it.
 */
final class StudentCache {
    /**
     * Seed of the recorded draws: fixed, not a student's, so that every seed, method and ratio
     * asks for the same file.
     */
    static final long CACHE_SEED = 0;

    private StudentCache() {}

    /**
     * The cache for the students of {@code config} distilled from {@code teacher}, or null when the
     * teacher runs live; the decision and its reason, the build's progress and the cache's size go
     * to {@code listener} as messages.
     *
     * @param teacherId the teacher's identity ({@link CacheIdentity#teacher} for a trained one)
     * @param folder where its caches are kept ({@link TeacherCache#folderBeside} its run folder)
     * @param sampler the students' sampler: the teacher's input size is its large view
     */
    static TeacherCache openIfEligible(RunConfig config, Network teacher, String teacherId, Path folder,
            ImageDataset train, TwoViewSampler sampler, TrainingListener listener, BooleanSupplier cancelled) {
        CacheEligibility.Decision decision = CacheEligibility.decide(config.distill().teacherCache(),
                config.distill().active());
        listener.onMessage(decision.reason());
        if (!decision.useCache()) {
            return null;
        }
        CacheKey key = CacheKey.of(teacherId, CacheIdentity.dataSource(config.data(), Path.of("")), train, sampler,
                config.distill().cacheViews(), CACHE_SEED);
        CacheTeacher frozen = new CacheTeacher(teacher.spec(), teacher.manager(), x -> teacher.forward(x, false).logits());
        CacheBuild build = CacheBuild.of(frozen, train, sampler, key).withBatchSize(Math.max(64, config.train().batchSize()))
                .withWorkers(Math.max(1, config.data().workers()));
        try {
            // recording runs the teacher on large batches: the engine's own thread count, whatever
            // the last training step used
            EngineThreads.useOnThisThread(EngineThreads.forLargeWork(config.train().threads()));
            return TeacherCache.openOrBuild(folder, build, messages(listener), cancelled);
        } catch (CancellationException e) {
            throw new RunCancelledException();
        }
    }

    /**
     * A network with no weights file (the benchmark's random teacher): its spec and a hash of its
     * parameter values, so a cache recorded for other weights is never used for it.
     */
    static String identityOfWeights(Network net) {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
        net.block().getParameters().forEach(p -> {
            sha.update(p.getKey().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            float[] values = p.getValue().getArray().toFloatArray();
            ByteBuffer bytes = ByteBuffer.allocate(4 * values.length);
            bytes.asFloatBuffer().put(values);
            sha.update(bytes.array());
        });
        return net.spec() + "; weights in memory sha256 " + HexFormat.of().formatHex(sha.digest());
    }

    /** Forwards a cache's messages, and its progress every few seconds, as training messages. */
    private static CacheListener messages(TrainingListener listener) {
        return CacheMessages.to(listener::onMessage);
    }
}
