-- The fulfilment task list across requests (GET /tasks) filters by state, group and assignee.
create index fulfilment_task_state on fulfilment_task (state, created_at);
create index fulfilment_task_group on fulfilment_task (assignment_group);
create index fulfilment_task_assignee on fulfilment_task (assignee);
