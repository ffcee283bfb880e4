/**
 * The teacher-output cache (issue 11): a frozen teacher's logits recorded once for a fixed number
 * of augmented views per training image, so distilled students never run the teacher.
 *
 * <p>Using it, in the order a stage does:
 * <ol>
 *   <li>{@link org.pixeldistill.core.cache.CacheEligibility#decide} with {@code
 *       distill.teacher_cache} and the active distillers' names: on when each reads only the
 *       teacher's logits ({@code Distillers.TeacherReads}, declared beside its factory: KD, DKD,
 *       ISRD); its reason is the console line.
 *   <li>{@link org.pixeldistill.core.cache.CacheKey#of} from the teacher's identity ({@link
 *       org.pixeldistill.core.cache.CacheIdentity#teacher}: spec and weights file), the data
 *       ({@link org.pixeldistill.core.cache.CacheIdentity#dataSource}), the student's sampler,
 *       the view count and a cache seed shared by every student.
 *   <li>{@link org.pixeldistill.core.cache.TeacherCache#openOrBuild} in {@link
 *       org.pixeldistill.core.cache.TeacherCache#folderBeside} the teacher's run folder: reuses a
 *       whole cache, records a missing one, records a damaged or stale one again and says why,
 *       resumes a stopped build, waits while another run or process records the same file.
 *   <li>Per epoch, {@link org.pixeldistill.core.cache.TeacherCache#loader} instead of the live
 *       {@code BatchLoader}: same order and batches, recorded views, {@code Batch.teacherLogits}.
 *   <li>Per step, {@link org.pixeldistill.core.cache.CachedTeacherTaps#of} instead of the teacher's
 *       forward pass, and {@link org.pixeldistill.core.cache.CachedTeacherTaps#probe} for the
 *       distillers' shape probe.
 * </ol>
 *
 * <p>Classifier training does this in {@code core.train.StudentCache} (once per run, when the
 * teacher or TAS assistant is opened, before any seed) and so does {@code bench}. A detector
 * student does the same in {@code core.detect.DetectionCache} through its own {@link
 * org.pixeldistill.core.cache.CacheRecipe} (AFP's class logits, box offsets and, within a disk
 * budget, pyramid features per view), with {@link org.pixeldistill.core.cache.CacheEligibility#decideDetector}.
 *
 * <p>Depends on core/data, core/model, core/distill (names), core/run and core/config, never on
 * the training packages, which will depend on it; core/data does not know it exists.
 */
package org.pixeldistill.core.cache;
