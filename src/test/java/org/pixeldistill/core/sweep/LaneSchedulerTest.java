package org.pixeldistill.core.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.pixeldistill.core.loop.Cancellation;
import org.pixeldistill.core.sweep.LaneScheduler.Job;
import org.pixeldistill.core.sweep.LaneScheduler.Outcome;
import org.pixeldistill.core.sweep.LaneScheduler.State;

class LaneSchedulerTest {
    private static Job prerequisite(String name, String... after) {
        return new Job(name, name, null, List.of(after), 0);
    }

    private static Job cell(int index, double work, String... needs) {
        return new Job("cell " + index, null, index, List.of(needs), work);
    }

    /** Records start and end order and the most jobs running at once; each job takes {@code millis}. */
    private static final class Recorder implements LaneScheduler.Listener {
        final List<String> started = Collections.synchronizedList(new ArrayList<>());
        final List<String> ended = Collections.synchronizedList(new ArrayList<>());
        final AtomicInteger now = new AtomicInteger();
        final AtomicInteger most = new AtomicInteger();

        @Override
        public void started(Job job, int lane) {
            started.add(job.name());
            most.accumulateAndGet(now.incrementAndGet(), Math::max);
        }

        @Override
        public void ended(Job job, int lane, Outcome outcome) {
            now.decrementAndGet();
            ended.add(job.name());
        }
    }

    private static LaneScheduler.JobRunner sleeping(long millis, String failing) {
        return (job, lane) -> {
            Thread.sleep(millis);
            return job.name().equals(failing) ? 2 : 0;
        };
    }

    @Test
    void jobsWaitForWhatTheyNeedAndNoMoreThanTheLanesRunAtOnce() throws Exception {
        List<Job> jobs = List.of(prerequisite("teacher-1"), prerequisite("assistant-1", "teacher-1"),
                prerequisite("cache-1", "teacher-1"), cell(0, 1), cell(1, 5, "teacher-1", "cache-1"),
                cell(2, 3, "teacher-1", "assistant-1"), cell(3, 2));
        Recorder rec = new Recorder();
        Map<String, Outcome> out = new LaneScheduler(jobs, 2, new Cancellation()).run(sleeping(40, null), rec);

        assertTrue(out.values().stream().allMatch(o -> o.state() == State.FINISHED), out.toString());
        assertEquals(7, rec.started.size(), "every job runs once: " + rec.started);
        assertEquals(2, rec.most.get(), "two lanes run two jobs at once, never more");
        for (Job j : jobs) {
            for (String need : j.needs()) {
                assertTrue(rec.ended.indexOf(need) < rec.started.indexOf(j.name()),
                        j.name() + " started before " + need + " ended: " + rec.started + " / " + rec.ended);
            }
        }
    }

    @Test
    void readyPrerequisitesGoFirstThenTheCellWithTheMostWork() throws Exception {
        List<Job> jobs = List.of(cell(0, 1), cell(1, 9), prerequisite("teacher-1"), cell(2, 4, "teacher-1"), cell(3, 4));
        Recorder rec = new Recorder();
        new LaneScheduler(jobs, 1, new Cancellation()).run(sleeping(1, null), rec);
        // cells 2 and 3 weigh the same: the plan's order breaks the tie
        assertEquals(List.of("teacher-1", "cell 1", "cell 2", "cell 3", "cell 0"), rec.started);
    }

    @Test
    void aFailedPrerequisiteStopsOnlyTheCellsThatNeedIt() throws Exception {
        List<Job> jobs = List.of(prerequisite("teacher-1"), prerequisite("cache-1", "teacher-1"),
                cell(0, 1), cell(1, 1, "teacher-1", "cache-1"), cell(2, 1));
        Recorder rec = new Recorder();
        Map<String, Outcome> out = new LaneScheduler(jobs, 2, new Cancellation()).run(sleeping(5, "teacher-1"), rec);

        assertEquals(State.FAILED, out.get("teacher-1").state());
        assertEquals("exit code 2", out.get("teacher-1").why());
        assertEquals(State.NOT_RUN, out.get("cache-1").state());
        assertEquals(State.NOT_RUN, out.get("cell 1").state());
        assertEquals("teacher-1 did not finish", out.get("cell 1").why());
        assertEquals(State.FINISHED, out.get("cell 0").state());
        assertEquals(State.FINISHED, out.get("cell 2").state());
        assertTrue(!rec.started.contains("cell 1") && !rec.started.contains("cache-1"), rec.started.toString());
    }

    @Test
    void aNeedBuiltBeforeThePlanIsMet() throws Exception {
        // a teacher finished on disk has no job, so a cell's need of it is already met
        Map<String, Outcome> out = new LaneScheduler(List.of(cell(0, 1, "teacher-9")), 1, new Cancellation())
                .run(sleeping(1, null), new Recorder());
        assertEquals(State.FINISHED, out.get("cell 0").state());
    }

    @Test
    void cancellingStartsNothingMoreAndWaitsForTheRunningJobs() throws Exception {
        Cancellation cancel = new Cancellation();
        List<Job> jobs = List.of(cell(0, 3), cell(1, 2), cell(2, 1));
        Recorder rec = new Recorder();
        Map<String, Outcome> out = new LaneScheduler(jobs, 1, cancel).run((job, lane) -> {
            cancel.cancel(); // the first job is told to stop, and stops with its epoch saved
            return 3;
        }, rec);
        assertEquals(List.of("cell 0"), rec.started);
        assertEquals(State.FAILED, out.get("cell 0").state());
        assertEquals(new Outcome(State.NOT_RUN, -1, "cancelled"), out.get("cell 1"));
        assertEquals(new Outcome(State.NOT_RUN, -1, "cancelled"), out.get("cell 2"));
    }
}
