-- Hot rows: every create updates the one sequence row of its prefix, and every publish updates an outbox row. Left to
-- the default autovacuum thresholds their dead versions pile up between runs and every statement wades through them
-- (measured: 4 000 dead versions of one sequence row, 5-6 ms per numbering statement).
alter table number_sequence set (fillfactor = 10, autovacuum_vacuum_threshold = 50,
                                 autovacuum_vacuum_scale_factor = 0, autovacuum_vacuum_cost_delay = 0);
alter table outbox_event set (autovacuum_vacuum_threshold = 500, autovacuum_vacuum_scale_factor = 0.01,
                              autovacuum_vacuum_cost_delay = 0);
