package io.sextant.platform.changes;

/** No provider knows a target with that id. */
public class UnknownTargetException extends ChangeRefusedException {

    public UnknownTargetException(String targetId) {
        super("unknown-target", "No change target is known as '" + targetId + "'");
    }
}
