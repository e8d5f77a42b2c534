package org.signalbench.models.lstm;

import org.nd4j.linalg.env.EnvironmentalAction;
import org.nd4j.nativeblas.NativeOpsHolder;

/**
 * Applies the app's thread count ({@link NativeThreads}) to ND4J's OpenMP and OpenBLAS once ND4J has
 * started (ND4J's Java side sets OpenMP to the number of cores unless OMP_NUM_THREADS is in the JVM's
 * view of the environment): ND4J runs each registered {@link EnvironmentalAction} (service file in
 * META-INF/services) whose variable is set, and {@code PATH} always is.
 */
public final class Nd4jThreadsAction implements EnvironmentalAction {
    @Override
    public String targetVariable() {
        return "PATH";
    }

    @Override
    public void process(String pathValue) {
        NativeThreads.forThisProcess().ifPresent(n -> {
            LstmBenchmark.useThreads(n);
            NativeOpsHolder.getInstance().getDeviceNativeOps().setOmpNumThreads(n);
        });
    }
}
