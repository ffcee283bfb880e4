package org.pixeldistill.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.pixeldistill.core.config.Check;
import org.pixeldistill.core.data.DemoSlice;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Makes the class-balanced demo slice of Fashion-MNIST that is committed under assets/. */
@Command(name = "slice", mixinStandardHelpOptions = true,
        description = "Write a class-balanced slice of Fashion-MNIST (the committed demo data is made with this).")
final class SliceCommand implements Callable<Integer> {
    @Option(names = "--from", required = true, description = "folder with the four Fashion-MNIST IDX files")
    Path from;

    @Option(names = "--out", required = true, description = "folder to write the slice to")
    Path out;

    @Option(names = "--train", description = "training images (default: ${DEFAULT-VALUE})")
    int train = 10000;

    @Option(names = "--test", description = "test images (default: ${DEFAULT-VALUE})")
    int test = 2000;

    @Override
    public Integer call() {
        Check.atLeast("--train", train, 1);
        Check.atLeast("--test", test, 1);
        DemoSlice.write(from, out, train, test);
        System.out.println("wrote " + train + " training and " + test + " test images to " + out);
        return 0;
    }
}
