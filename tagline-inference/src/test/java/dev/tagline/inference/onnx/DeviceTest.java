package dev.tagline.inference.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tagline.core.TaglineException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DeviceTest {
    @Test
    void parsesCpuAndCudaWithAndWithoutIndex() {
        assertEquals(Device.CPU, Device.parse("cpu"));
        assertEquals(Device.cuda(0), Device.parse("cuda"));
        assertEquals(Device.cuda(0), Device.parse(" CUDA:0 "));
        assertEquals(Device.cuda(3), Device.parse("cuda:3"));
        assertEquals("cuda:3", Device.parse("cuda:3").toString());
        assertEquals("cpu", Device.CPU.toString());
        assertTrue(Device.parse("cuda:1").isGpu());
    }

    @ParameterizedTest
    @ValueSource(strings = {"gpu", "", "cuda:", "cuda:x", "cuda:-1", "cpu:0", "cuda0", "mps"})
    void badTextSaysWhatIsAccepted(String text) {
        TaglineException e = assertThrows(TaglineException.class, () -> Device.parse(text));
        assertEquals("Unknown device '" + text + "'. Use cpu, cuda (the first GPU) or cuda:N (GPU number N as "
                + "nvidia-smi lists it, e.g. cuda:1).", e.oneLine());
    }

    @Test
    void defaultConfigIsCpuWithSensibleThreads() {
        SessionConfig config = SessionConfig.defaults();
        assertEquals(Device.CPU, config.device());
        int cores = Runtime.getRuntime().availableProcessors();
        assertEquals(Math.min(cores, SessionConfig.MAX_DEFAULT_THREADS), config.intraOpThreads());
        assertEquals(1, config.interOpThreads());
        assertEquals(SessionConfig.Optimization.ALL, config.optimization());
    }

    @Test
    void zeroThreadsIsAnErrorNamingTheOption() {
        TaglineException e = assertThrows(TaglineException.class,
                () -> SessionConfig.defaults().withIntraOpThreads(0));
        assertTrue(e.oneLine().startsWith("Invalid thread count 0. Use --threads N with N from 1 to 1024"),
                e.oneLine());
    }
}
