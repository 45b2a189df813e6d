package io.sextant.platform.changes;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;

/** Every known target, from every {@link ChangeTargetProvider} bean. */
@Service
public class ChangeTargets {

    private final List<ChangeTargetProvider> providers;

    public ChangeTargets(List<ChangeTargetProvider> providers) {
        this.providers = List.copyOf(providers);
    }

    public Optional<ChangeTarget> find(String targetId) {
        return providers.stream().map(p -> p.find(targetId)).flatMap(Optional::stream).findFirst();
    }

    /** @throws UnknownTargetException if no provider knows it */
    public ChangeTarget require(String targetId) {
        return find(targetId).orElseThrow(() -> new UnknownTargetException(targetId));
    }

    public List<ChangeTarget> list() {
        List<ChangeTarget> all = new ArrayList<>();
        providers.forEach(p -> all.addAll(p.list()));
        return all;
    }
}
