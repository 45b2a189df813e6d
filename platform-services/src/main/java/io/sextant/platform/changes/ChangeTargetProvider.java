package io.sextant.platform.changes;

import java.util.List;
import java.util.Optional;

/**
 * A source of change targets (a Spring bean). The changes capability provides the platform's
 * own database; tenancy contributes tenant databases and regions' shared tenant tables.
 */
public interface ChangeTargetProvider {

    Optional<ChangeTarget> find(String targetId);

    List<ChangeTarget> list();
}
