-- Human numbers (INC0001001...) come from one PostgreSQL sequence per prefix. The number_sequence row they came from
-- before was locked from numbering to commit, so all creates of a service queued on it: measured under 16 concurrent
-- creates, the numbering statement waited 50 ms on average and capped creates at ~100/s. A sequence never waits;
-- the price is a gap where a create rolls back (the number is unique and ascending, never reused).
create function next_number(p_prefix text) returns text language plpgsql as $$
declare
    sequence_name text := 'number_' || lower(p_prefix);
    value bigint;
begin
    if p_prefix !~ '^[A-Z]{2,8}$' then
        raise exception 'not a number prefix: %', p_prefix using errcode = '22023';
    end if;
    if to_regclass(sequence_name) is null then
        begin
            execute format('create sequence if not exists %I start with 1001', sequence_name);
        exception when unique_violation or duplicate_table then
            null; -- a concurrent first create of this prefix made it
        end;
    end if;
    value := nextval(sequence_name);
    return p_prefix || lpad(value::text, greatest(7, length(value::text)), '0');
end;
$$;

-- Numbering goes on from the last number handed out.
do $$
declare
    taken record;
begin
    for taken in select prefix, next_value from number_sequence loop
        execute format('create sequence %I start with %s', 'number_' || lower(taken.prefix), taken.next_value + 1);
    end loop;
end;
$$;
drop table number_sequence;

-- Only the numbering of pending events needed this index; each outbox write paid for it.
drop index outbox_event_pending_aggregate;
