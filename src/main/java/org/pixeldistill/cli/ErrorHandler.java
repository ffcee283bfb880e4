package org.pixeldistill.cli;

import org.pixeldistill.core.loop.FailureLine;
import org.pixeldistill.core.loop.RunCancelledException;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine;

/**
 * Every failure ends with one line on stderr and exit code 2 (3 when stopped): bad input names its
 * key or file, an I/O error its file and root cause, running out of memory what to make smaller.
 * A run's failure is the same line as its summary.json's message.
 */
final class ErrorHandler implements IExecutionExceptionHandler {
    static final int FAILED = 2;

    @Override
    public int handleExecutionException(Exception e, CommandLine cmd, ParseResult parsed) {
        if (e instanceof RunCancelledException) {
            cmd.getErr().println("stopped: " + e.getMessage());
            return CancelOnShutdown.STOPPED;
        }
        cmd.getErr().println("error: " + FailureLine.of(e));
        return FAILED;
    }

    /** An Error escapes picocli's handler (out of memory outside a run, say): the same one line. */
    static int handleError(Error e) {
        System.err.println("error: " + FailureLine.of(e));
        return FAILED;
    }
}
