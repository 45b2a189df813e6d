package io.sextant.platform.onboarding;

/** One finite answer to an onboarding {@link Question}, in words a user reads. */
public interface Answer {

    /** Short user-facing name; reasons quote it so a user sees which answer led where. */
    String label();

    /** One or two sentences that help a user choose this answer. */
    String help();
}
