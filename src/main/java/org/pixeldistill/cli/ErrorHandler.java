package org.pixeldistill.cli;

import org.pixeldistill.core.config.ConfigException;
import org.pixeldistill.core.loop.RunCancelledException;
import org.pixeldistill.core.loop.TrainingFailedException;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine;

/** Bad input and failed runs end with one line on stderr and exit code 2 (3 when cancelled). */
final class ErrorHandler implements IExecutionExceptionHandler {
    @Override
    public int handleExecutionException(Exception e, CommandLine cmd, ParseResult parsed) {
        if (e instanceof ConfigException || e instanceof TrainingFailedException) {
            cmd.getErr().println("error: " + e.getMessage());
            return 2;
        }
        if (e instanceof RunCancelledException) {
            cmd.getErr().println("stopped: " + e.getMessage());
            return 3;
        }
        cmd.getErr().println("error: " + e);
        e.printStackTrace(cmd.getErr());
        return 1;
    }
}
