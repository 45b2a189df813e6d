package io.sextant.platform.onboarding;

/** Answer to {@link Question#END_USERS}. */
public enum EndUsers implements Answer {
    PUBLIC_CONSUMERS("Members of the public", "Anyone can sign up; each person sees their own data."),
    BUSINESS_CUSTOMERS("Business customers", "People working for the organisations you serve, who will ask who saw their data."),
    EMPLOYEES("Employees", "People in your own organisation.");

    private final String label;
    private final String help;

    EndUsers(String label, String help) {
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
