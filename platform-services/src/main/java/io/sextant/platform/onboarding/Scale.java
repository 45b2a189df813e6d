package io.sextant.platform.onboarding;

/**
 * Answer to {@link Question#SCALE}. The figures are compared with a plan's row and request limits,
 * so they match the Free, Pro and Team plans' limits on purpose.
 */
public enum Scale implements Answer {
    SMALL("Small", "Up to about 50,000 rows and 10,000 requests a day: a prototype, pilot or small team.",
            50_000L, 10_000L),
    MEDIUM("Medium", "Up to about 1 million rows and 500,000 requests a day: a product with real customers.",
            1_000_000L, 500_000L),
    LARGE("Large", "Up to about 50 million rows and 5 million requests a day: a busy, established product.",
            50_000_000L, 5_000_000L);

    private final String label;
    private final String help;
    private final long rows;
    private final long requestsPerDay;

    Scale(String label, String help, long rows, long requestsPerDay) {
        this.label = label;
        this.help = help;
        this.rows = rows;
        this.requestsPerDay = requestsPerDay;
    }

    @Override
    public String label() {
        return label;
    }

    @Override
    public String help() {
        return help;
    }

    public long rows() {
        return rows;
    }

    public long requestsPerDay() {
        return requestsPerDay;
    }
}
