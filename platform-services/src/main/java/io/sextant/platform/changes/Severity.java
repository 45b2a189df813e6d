package io.sextant.platform.changes;

/** How bad a finding is: ERROR blocks a change unless explicitly accepted, WARNING needs a look, INFO is advice. */
public enum Severity { ERROR, WARNING, INFO }
