package org.pixeldistill.core.loop;

/** The run folders of the networks a run distilled from (null where there is none). */
record Sources(String teacherRun, String assistantRun) {
    static final Sources NONE = new Sources(null, null);
}
