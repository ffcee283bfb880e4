package org.pixeldistill.core.inspect;

import java.util.Map;
import java.util.TreeMap;
import org.pixeldistill.core.data.BatchLoader;
import org.pixeldistill.core.loop.TrainingFailedException;

/** Temporary reproducer: tiny distillations with a thread forcing garbage collections throughout. */
public final class NanStress {
    public static void main(String[] args) throws Exception {
        int runs = Integer.parseInt(args[0]);
        boolean hammer = args.length > 1 && args[1].equals("gc");
        String backbone = args.length > 2 ? args[2] : "resnet18";
        String distill = args.length > 3 ? args[3] : "kd: {}\n  isrd: {}";
        Thread gc = new Thread(() -> {
            while (true) {
                System.gc();
                try {
                    Thread.sleep(1);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        gc.setDaemon(true);
        if (hammer) {
            gc.start();
        }
        int failed = 0;
        long t0 = System.nanoTime();
        for (int r = 0; r < runs; r++) {
            try (TinyDistillation t = new TinyDistillation(backbone, distill, 0)) {
                Map<String, Double> sums = new TreeMap<>();
                try (BatchLoader loader = new BatchLoader(t.data.train(), t.sampler, 32, true, r, 0, 1)) {
                    while (loader.hasNext()) {
                        t.step.run(loader.next(), 0, 0.05, sums);
                    }
                }
                System.out.println("run " + r + " ok " + sums);
            } catch (TrainingFailedException e) {
                failed++;
                System.out.println("run " + r + ": " + e.getMessage());
            }
        }
        System.out.printf("failed %d of %d in %.1fs%n", failed, runs, (System.nanoTime() - t0) / 1e9);
    }
}
