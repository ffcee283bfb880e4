package org.pixeldistill.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NativeEnvironmentTest {

    @Test
    void fillsWhatIsMissingAndKeepsWhatTheUserSet() {
        Map<String, String> env = new HashMap<>(Map.of("OMP_WAIT_POLICY", "ACTIVE"));
        assertFalse(NativeEnvironment.isComplete(env));
        NativeEnvironment.fill(env);
        assertTrue(NativeEnvironment.isComplete(env));
        assertEquals("true", env.get("OPT_OUT_TRACKING"));
        assertEquals("ACTIVE", env.get("OMP_WAIT_POLICY"), "a user's own choice is kept");
    }

    @Test
    void theTestJvmHasTheEnvironmentTrainingNeeds() {
        // surefire's environmentVariables must carry every variable, or tests train without them
        assertTrue(NativeEnvironment.isComplete(System.getenv()), "missing from surefire: " + NativeEnvironment.required());
    }
}
