package dev.enclave.residency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.util.Utils;
import dev.enclave.EnclaveException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DjlNetworkSettingsTest {
    @Test
    void enforceTurnsOnDjlsOwnOfflineAndOptOutChecks() {
        DjlNetworkSettings.enforce();
        // The same checks Ec2Utils.callHome and the model zoo make before opening a connection.
        assertTrue(Utils.isOfflineMode());
        assertEquals("true", Utils.getEnvOrSystemProperty("OPT_OUT_TRACKING"));
        // And the engine starts with them in force (no network exists on CI either).
        assertEquals("PyTorch", Engine.getInstance().getEngineName());
        assertTrue(Utils.isOfflineMode());
    }

    @Test
    void environmentThatTurnsThemOffIsRefused() {
        EnclaveException e = assertThrows(EnclaveException.class,
                () -> DjlNetworkSettings.enforce(Map.of("DJL_OFFLINE", "false")));
        assertTrue(e.getMessage().contains("DJL_OFFLINE=false"));
        assertThrows(EnclaveException.class, () -> DjlNetworkSettings.enforce(Map.of("OPT_OUT_TRACKING", "0")));
        DjlNetworkSettings.enforce(Map.of("DJL_OFFLINE", "true"));
    }
}
