package org.signalbench.ui.models;

import java.lang.reflect.RecordComponent;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.signalbench.models.lstm.LstmConfig;

/**
 * What choosing an LSTM preset does to the LSTM's hyperparameters. When the LSTM takes the preset
 * itself as a hyperparameter ({@code preset}), that one is set; its other values are the preset's
 * sizes under the names {@link LstmConfig} gives them, for those names the LSTM offers for editing.
 */
final class LstmPresets {
    static final List<String> NAMES = List.of("laptop", "paper");
    static final String DEFAULT = "laptop";
    /** The LSTM's hyperparameter naming its preset, when it has one. */
    static final String PRESET = "preset";

    private LstmPresets() {
    }

    /** Hyperparameter name → value (text) that {@code preset} sets, among {@code editable} names. */
    static Map<String, String> values(String preset, Set<String> editable) {
        Map<String, String> values = new LinkedHashMap<>();
        if (editable.contains(PRESET)) {
            values.put(PRESET, preset);
        }
        LstmConfig config = LstmConfig.preset(preset);
        for (RecordComponent component : LstmConfig.class.getRecordComponents()) {
            if (!component.getName().equals(PRESET) && editable.contains(component.getName())) {
                try {
                    values.put(component.getName(), String.valueOf(component.getAccessor().invoke(config)));
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException("cannot read " + component.getName() + " of LstmConfig", e);
                }
            }
        }
        return values;
    }
}
