package org.signalbench.domain;

import java.util.List;

/** The result of a media check: how many media a workbench's posts name, and which of their files are missing. */
public record MediaCheck(int media, List<MissingMedia> missing) {
    public MediaCheck {
        missing = List.copyOf(missing);
    }
}
