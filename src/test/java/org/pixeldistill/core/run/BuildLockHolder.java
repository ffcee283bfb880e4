package org.pixeldistill.core.run;

import java.nio.file.Path;

/** A child JVM for BuildLockTest: takes the lock of args[0], says "held", then waits to be killed. */
public final class BuildLockHolder {
    private BuildLockHolder() {}

    public static void main(String[] args) throws InterruptedException {
        BuildLock lock = BuildLock.acquire(Path.of(args[0]), m -> {}, () -> {});
        System.out.println("held");
        System.out.flush();
        Thread.sleep(120_000); // killed long before; never released by hand
        lock.close();
    }
}
