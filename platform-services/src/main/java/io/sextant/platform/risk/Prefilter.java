package io.sextant.platform.risk;

/** Whether scoring may skip the expensive features when the bound proves the threshold out of reach. */
public enum Prefilter {
    ON, OFF
}
