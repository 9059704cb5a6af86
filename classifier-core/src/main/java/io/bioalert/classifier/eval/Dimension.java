package io.bioalert.classifier.eval;

/** What the accuracy evaluation scores, in the order and with the names score.py prints. */
public enum Dimension {
    TARGETS("targets"),
    MODALITIES("modalities"),
    EVENTS_PRIMARY("events.primary"),
    EVENTS_ALL("events.all"),
    DRUGS("drugs");

    public final String label;

    Dimension(String label) {
        this.label = label;
    }
}
