package io.sextant.platform.onboarding;

import org.jspecify.annotations.Nullable;

/** Answer to {@link Question#RESIDENCY}; matched against a region's jurisdiction. */
public enum Residency implements Answer {
    EU("In the EU", "Data and its backups must stay on servers in the European Union.", "EU"),
    US("In the US", "Data and its backups must stay on servers in the United States.", "US"),
    ANYWHERE("Anywhere", "No law, contract or customer says where the data is kept.", null);

    private final String label;
    private final String help;
    private final @Nullable String jurisdiction;

    Residency(String label, String help, @Nullable String jurisdiction) {
        this.label = label;
        this.help = help;
        this.jurisdiction = jurisdiction;
    }

    @Override
    public String label() {
        return label;
    }

    @Override
    public String help() {
        return help;
    }

    /** The region jurisdiction code this answer requires ({@code EU}, {@code US}), or null for any. */
    public @Nullable String jurisdiction() {
        return jurisdiction;
    }
}
