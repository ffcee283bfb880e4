package org.pixeldistill.cli;

/** Engine settings that must be fixed before libtorch loads. */
final class EngineSettings {
    private EngineSettings() {}

    /** Intra-op threads of PyTorch; read once when the engine starts. */
    static void threads(Integer threads) {
        if (threads != null && threads > 0) {
            System.setProperty("ai.djl.pytorch.num_threads", Integer.toString(threads));
            System.setProperty("ai.djl.pytorch.num_interop_threads", "1");
        }
    }
}
