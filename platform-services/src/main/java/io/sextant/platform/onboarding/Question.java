package io.sextant.platform.onboarding;

/** The six onboarding questions, in the order they are asked. */
public enum Question {
    BUILDING("What are you building?",
            "The kind of product decides how much isolation and history it usually needs."),
    END_USERS("Who are the end users?",
            "Whose data and access you are looking after."),
    DATA("Which sensitive data will it hold?",
            "Tick every kind that applies, or none. Each kind brings its own protection."),
    RESIDENCY("Where must the data stay?",
            "Only if a law, contract or customer says so; otherwise choose Anywhere."),
    SCALE("How big will it get in the first year?",
            "A rough size is enough; you can change plan later."),
    RECOVERY("What do you need after a mistake or failure?",
            "How far back you must be able to restore, and how precisely.");

    private final String label;
    private final String help;

    Question(String label, String help) {
        this.label = label;
        this.help = help;
    }

    public String label() {
        return label;
    }

    public String help() {
        return help;
    }
}
