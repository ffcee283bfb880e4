package org.pixeldistill.core.sweep;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;
import org.pixeldistill.core.loop.Cancellation;
import org.pixeldistill.core.sweep.slurm.SweepJobs;

/**
 * Runs a sweep's jobs (its shared teachers, assistants and caches, then its cells) in a few lanes
 * at once on this machine, each job started only when everything it waits for has finished. Why:
 * the small students of a sweep train fastest on one libtorch thread ({@code EngineThreads}), so
 * one cell at a time leaves the other cores idle; a lane per core keeps them busy.
 *
 * <p>Order: a ready prerequisite before any cell (the cells wait for them), then the ready cell
 * with the most work, so that the longest cells do not start last and leave a lane idle at the
 * end. A job whose prerequisite failed is not run (as Slurm's afterok would not); the others are.
 * Cancelling starts no further job and tells the running ones to stop (they keep their last
 * completed epoch, and running the sweep again continues them).
 */
public final class LaneScheduler {
    /** Runs one job to its end (blocking) and gives its exit code: 0 when it finished. */
    public interface JobRunner {
        int run(Job job, int lane) throws Exception;
    }

    /** Told when jobs start and end, from the lanes' threads. */
    public interface Listener {
        void started(Job job, int lane);

        void ended(Job job, int lane, Outcome outcome);
    }

    /**
     * A prerequisite ({@code prepare} is its name) or a cell ({@code cell} is its index).
     *
     * @param work the estimate the order of ready cells follows (larger first)
     */
    public record Job(String name, String prepare, Integer cell, List<String> needs, double work) {
        public boolean isCell() {
            return cell != null;
        }
    }

    /** How a job ended; {@code NOT_RUN} when something it waits for did not finish. */
    public enum State { FINISHED, FAILED, NOT_RUN }

    public record Outcome(State state, int exitCode, String why) {}

    private final List<Job> jobs;
    private final int lanes;
    private final Cancellation cancel;
    private final Map<String, Outcome> outcomes = new LinkedHashMap<>();
    private final List<String> running = new ArrayList<>();

    public LaneScheduler(List<Job> jobs, int lanes, Cancellation cancel) {
        if (lanes < 1) {
            throw new IllegalArgumentException("lanes must be at least 1, got " + lanes);
        }
        this.jobs = List.copyOf(jobs);
        this.lanes = lanes;
        this.cancel = cancel;
    }

    /** The plan's jobs: its prerequisites by name, its cells by index with {@code work} each. */
    public static List<Job> jobsOf(SweepJobs.Plan plan, ToDoubleFunction<SweepJobs.Cell> work) {
        List<Job> out = new ArrayList<>();
        for (SweepJobs.Prerequisite p : plan.prerequisites()) {
            out.add(new Job(p.name(), p.name(), null, p.after(), 0));
        }
        for (SweepJobs.Cell c : plan.cells()) {
            out.add(new Job("cell " + c.index() + " " + c.id(), null, c.index(), c.needs(), work.applyAsDouble(c)));
        }
        return out;
    }

    /** Runs every job; returns how each ended, by job name, in the jobs' order. */
    public Map<String, Outcome> run(JobRunner runner, Listener listener) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(lanes, r -> {
            Thread t = new Thread(r, "sweep-lane");
            t.setDaemon(true);
            return t;
        });
        try {
            for (int lane = 1; lane <= lanes; lane++) {
                int mine = lane;
                pool.execute(() -> lane(mine, runner, listener));
            }
            pool.shutdown();
            while (!pool.awaitTermination(1, TimeUnit.SECONDS)) {
                // the lanes end when no job is left to start
            }
        } finally {
            pool.shutdownNow();
        }
        Map<String, Outcome> ordered = new LinkedHashMap<>();
        synchronized (this) {
            for (Job j : jobs) {
                ordered.put(j.name(), outcomes.getOrDefault(j.name(), new Outcome(State.NOT_RUN, -1, "cancelled")));
            }
        }
        return ordered;
    }

    private void lane(int lane, JobRunner runner, Listener listener) {
        while (true) {
            Job job;
            synchronized (this) {
                while ((job = next()) == null && !allDecided()) {
                    try {
                        wait(1000); // also wakes to see a cancellation
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
                if (job == null) {
                    notifyAll();
                    return;
                }
                running.add(job.name());
            }
            listener.started(job, lane);
            Outcome outcome;
            try {
                int code = runner.run(job, lane);
                outcome = new Outcome(code == 0 ? State.FINISHED : State.FAILED, code, code == 0 ? "" : "exit code " + code);
            } catch (Exception e) {
                outcome = new Outcome(State.FAILED, -1, String.valueOf(e.getMessage()));
            }
            listener.ended(job, lane, outcome);
            synchronized (this) {
                running.remove(job.name());
                outcomes.put(job.name(), outcome);
                notifyAll();
            }
        }
    }

    /** The job to start now, or null; marks jobs that can no longer run (held by this's lock). */
    private Job next() {
        boolean cancelled = cancel != null && cancel.isCancelled();
        for (Job j : jobs) {
            if (outcomes.containsKey(j.name()) || running.contains(j.name())) {
                continue;
            }
            if (cancelled) {
                outcomes.put(j.name(), new Outcome(State.NOT_RUN, -1, "cancelled"));
                continue;
            }
            for (String need : j.needs()) {
                Outcome o = outcomes.get(need);
                if (o != null && o.state() != State.FINISHED) {
                    outcomes.put(j.name(), new Outcome(State.NOT_RUN, -1, need + " did not finish"));
                    break;
                }
            }
        }
        return jobs.stream()
                .filter(j -> !outcomes.containsKey(j.name()) && !running.contains(j.name()))
                .filter(j -> j.needs().stream().allMatch(n -> outcomes.containsKey(n) || !isJob(n)))
                .min(Comparator.comparing(Job::isCell).thenComparing(Comparator.comparingDouble(Job::work).reversed()))
                .orElse(null);
    }

    /** A need that is not a job of this plan (built before it was made) is met. */
    private boolean isJob(String name) {
        return jobs.stream().anyMatch(j -> j.name().equals(name));
    }

    private boolean allDecided() {
        return running.isEmpty() && jobs.stream().allMatch(j -> outcomes.containsKey(j.name()));
    }
}
