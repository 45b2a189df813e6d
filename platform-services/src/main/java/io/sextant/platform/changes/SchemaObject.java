package io.sextant.platform.changes;

/**
 * One object of a schema snapshot, as DDL that recreates it.
 *
 * @param key   stable identity across snapshots, e.g. {@code table:app.orders} or
 *              {@code constraint:app.orders.orders_pkey}
 * @param kind  schema, extension, collation, type (enum or composite), domain, sequence, function, table,
 *              identity, constraint, index, foreign-key, view, trigger, rls, policy, grant (table,
 *              sequence, column and schema grants), sequence-owner, comment
 * @param phase creation order when a shadow is rebuilt (lower first; data is loaded after phase 3)
 * @param ddl   the statement that creates the object as it is, built from {@code pg_get_*def}
 */
public record SchemaObject(String key, String kind, int phase, String ddl) {
}
