package org.pixeldistill.core.loop;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The libtorch build is read from the folder DJL unpacked it to. */
class EngineFactsTest {
    @Test
    void theFlavourComesFromTheLibraryFolder() {
        assertEquals("cpu", EngineFacts.flavourOf("/root/.djl.ai/pytorch/2.3.1-20240621-cpu-linux-x86_64"));
        assertEquals("cu121 (CUDA 12.1)", EngineFacts.flavourOf("/home/a/.djl.ai/pytorch/2.3.1-cu121-linux-x86_64"));
        assertEquals("cu118 (CUDA 11.8)",
                EngineFacts.flavourOf("C:\\Users\\a\\.djl.ai\\pytorch\\2.3.1-cu118-precxx11-win-x86_64"));
        assertEquals("unknown", EngineFacts.flavourOf("/opt/libtorch"));
    }
}
