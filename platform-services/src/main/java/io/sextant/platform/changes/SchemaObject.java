package io.sextant.platform.changes;

/**
 * One object of a schema snapshot, as DDL that recreates it.
 *
 * @param key   stable identity across snapshots, e.g. {@code table:app.orders} or
 *              {@code constraint:app.orders.orders_pkey}
 * @param kind  schema, extension, type, sequence, function, table, constraint, index, foreign-key,
 *              view, trigger, rls, policy, grant, sequence-owner
 * @param phase creation order when a shadow is rebuilt (lower first; data is loaded after phase 3)
 * @param ddl   the statement that creates the object as it is, built from {@code pg_get_*def}
 */
public record SchemaObject(String key, String kind, int phase, String ddl) {
}
