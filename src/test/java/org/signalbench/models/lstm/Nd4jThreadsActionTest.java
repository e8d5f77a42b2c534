package org.signalbench.models.lstm;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.env.EnvironmentalAction;

class Nd4jThreadsActionTest {
    @Test
    void nd4jFindsTheActionAsAService() {
        boolean registered = ServiceLoader.load(EnvironmentalAction.class).stream()
                .anyMatch(p -> p.type() == Nd4jThreadsAction.class);
        assertTrue(registered, "META-INF/services/org.nd4j.linalg.env.EnvironmentalAction lists Nd4jThreadsAction");
    }
}
