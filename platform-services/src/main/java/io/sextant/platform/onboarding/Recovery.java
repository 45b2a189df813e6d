package io.sextant.platform.onboarding;

/** Answer to {@link Question#RECOVERY}. */
public enum Recovery implements Answer {
    BEST_EFFORT("Best effort", "Losing the last day of changes would be a nuisance, not a disaster."),
    DAILY_BACKUPS("Daily backups", "You must be able to go back to any of the last seven days; losing up to a day of changes is acceptable."),
    POINT_IN_TIME("Point-in-time recovery", "You must be able to restore to any moment of the last seven days, losing at most minutes.");

    private final String label;
    private final String help;

    Recovery(String label, String help) {
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
