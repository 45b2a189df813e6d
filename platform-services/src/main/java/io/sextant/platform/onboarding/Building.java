package io.sextant.platform.onboarding;

/** Answer to {@link Question#BUILDING}. */
public enum Building implements Answer {
    CONSUMER_APP("Consumer app", "An app or website that members of the public sign up to and use."),
    B2B_SAAS("B2B SaaS", "Software you offer to other organisations, each with its own users and data."),
    INTERNAL_TOOL("Internal tool", "Something your own organisation uses: back office, admin screens, workflows."),
    ANALYTICS("Analytics", "Reporting over collected data: bulk loads, large reads and dashboards.");

    private final String label;
    private final String help;

    Building(String label, String help) {
        this.label = label;
        this.help = help;
    }

    @Override
    public String label() {
        return label;
    }

    @Override
    public String help() {
        return help;
    }
}
