package org.signalbench.topics;

import java.util.List;

/** The topic-model families SignalBench fits, by id: "btm", "lda", "nmf", "kernel-kmeans". */
public final class TopicModels {
    private TopicModels() {
    }

    public static List<String> ids() {
        return List.of(BtmTrainer.ID, LdaTrainer.ID, NmfTrainer.ID, KernelKMeansTrainer.ID);
    }

    /** The trainer of {@code id}; fails naming the known ids when there is none. */
    public static TopicModelTrainer trainer(String id) {
        return switch (id) {
            case BtmTrainer.ID -> new BtmTrainer();
            case LdaTrainer.ID -> new LdaTrainer();
            case NmfTrainer.ID -> new NmfTrainer();
            case KernelKMeansTrainer.ID -> new KernelKMeansTrainer();
            default -> throw new IllegalArgumentException("no topic model '" + id + "' (known: " + String.join(", ", ids()) + ")");
        };
    }
}
