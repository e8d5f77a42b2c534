package org.signalbench.ui.models;

import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** One editable row of the hyperparameter table: model.name = value, with the model's default beside it. */
public final class Hyperparameter {
    private final String model;
    private final String name;
    private final String defaultValue;
    private final StringProperty value;

    public Hyperparameter(String model, String name, String defaultValue) {
        this.model = model;
        this.name = name;
        this.defaultValue = defaultValue;
        this.value = new SimpleStringProperty(defaultValue);
    }

    public String model() {
        return model;
    }

    public String name() {
        return name;
    }

    /** The model's default, as text. */
    public String defaultValue() {
        return defaultValue;
    }

    public StringProperty valueProperty() {
        return value;
    }

    /** Whether the value differs from the default, so the run overrides it. */
    public boolean isChanged() {
        return !value.get().trim().equals(defaultValue);
    }
}
