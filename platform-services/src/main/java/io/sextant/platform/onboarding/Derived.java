package io.sextant.platform.onboarding;

/**
 * A derived item plus what the plan rules need to talk about it: its cause as a short noun phrase
 * ("health data", or "your choice") and how to drop that cause.
 */
record Derived<T>(DerivedItem<T> item, String topic, String remedy) {

    T value() {
        return item.value();
    }

    boolean overridden() {
        return item.overridden();
    }
}
