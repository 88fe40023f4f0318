-- Quartz.NET's ADO job store for the embedded node (Quartz 4.7 schema, table prefix qrtz_), in a
-- database file of its own next to the store of record: Quartz's own transactions (trigger
-- acquisition, misfire handling) then never queue behind, or hold up, the actor store's single
-- writer. Quartz validates this schema at start-up and never creates it.
-- The delete triggers cascade for connections that leave foreign keys off.

CREATE TABLE qrtz_job_details (
  sched_name TEXT NOT NULL,
  job_name TEXT NOT NULL,
  job_group TEXT NOT NULL,
  description TEXT NULL,
  job_class_name TEXT NOT NULL,
  is_durable INTEGER NOT NULL,
  is_nonconcurrent INTEGER NOT NULL,
  is_update_data INTEGER NOT NULL,
  requests_recovery INTEGER NOT NULL,
  job_data BLOB NULL,
  CONSTRAINT pk_qrtz_job_details PRIMARY KEY (sched_name,job_name,job_group)
);

CREATE TABLE qrtz_triggers (
  sched_name TEXT NOT NULL,
  trigger_name TEXT NOT NULL,
  trigger_group TEXT NOT NULL,
  job_name TEXT NOT NULL,
  job_group TEXT NOT NULL,
  description TEXT NULL,
  next_fire_time INTEGER NULL,
  prev_fire_time INTEGER NULL,
  priority INTEGER NULL,
  trigger_state TEXT NOT NULL,
  trigger_type TEXT NOT NULL,
  start_time INTEGER NOT NULL,
  end_time INTEGER NULL,
  calendar_name TEXT NULL,
  misfire_instr INTEGER NULL,
  misfire_orig_fire_time INTEGER NULL,
  execution_group TEXT NULL,
  preferred_node TEXT NULL,
  preferred_node_auto INTEGER NOT NULL DEFAULT 0,
  retry_policy TEXT NULL,
  retry_attempt INTEGER NULL,
  continues_trigger_name TEXT NULL,
  continues_trigger_group TEXT NULL,
  continuation_condition INTEGER NULL,
  overlap_policy INTEGER NULL,
  pause_reason TEXT NULL,
  paused_by TEXT NULL,
  paused_at INTEGER NULL,
  misfire_threshold INTEGER NULL,
  fixed_delay INTEGER NULL,
  job_data BLOB NULL,
  CONSTRAINT pk_qrtz_triggers PRIMARY KEY (sched_name,trigger_name,trigger_group),
  CONSTRAINT fk_qrtz_triggers_job_details FOREIGN KEY (sched_name,job_name,job_group) REFERENCES qrtz_job_details (sched_name,job_name,job_group)
);

CREATE TABLE qrtz_simple_triggers (
  sched_name TEXT NOT NULL,
  trigger_name TEXT NOT NULL,
  trigger_group TEXT NOT NULL,
  repeat_count INTEGER NOT NULL,
  repeat_interval INTEGER NOT NULL,
  times_triggered INTEGER NOT NULL,
  CONSTRAINT pk_qrtz_simple_triggers PRIMARY KEY (sched_name,trigger_name,trigger_group),
  CONSTRAINT fk_qrtz_simple_triggers_triggers FOREIGN KEY (sched_name,trigger_name,trigger_group) REFERENCES qrtz_triggers (sched_name,trigger_name,trigger_group) ON DELETE CASCADE
);

CREATE TABLE qrtz_cron_triggers (
  sched_name TEXT NOT NULL,
  trigger_name TEXT NOT NULL,
  trigger_group TEXT NOT NULL,
  cron_expression TEXT NOT NULL,
  time_zone_id TEXT,
  CONSTRAINT pk_qrtz_cron_triggers PRIMARY KEY (sched_name,trigger_name,trigger_group),
  CONSTRAINT fk_qrtz_cron_triggers_triggers FOREIGN KEY (sched_name,trigger_name,trigger_group) REFERENCES qrtz_triggers (sched_name,trigger_name,trigger_group) ON DELETE CASCADE
);

CREATE TABLE qrtz_simprop_triggers (
  sched_name TEXT NOT NULL,
  trigger_name TEXT NOT NULL,
  trigger_group TEXT NOT NULL,
  str_prop_1 TEXT NULL,
  str_prop_2 TEXT NULL,
  str_prop_3 TEXT NULL,
  int_prop_1 INTEGER NULL,
  int_prop_2 INTEGER NULL,
  long_prop_1 INTEGER NULL,
  long_prop_2 INTEGER NULL,
  dec_prop_1 NUMERIC NULL,
  dec_prop_2 NUMERIC NULL,
  bool_prop_1 INTEGER NULL,
  bool_prop_2 INTEGER NULL,
  time_zone_id TEXT NULL,
  CONSTRAINT pk_qrtz_simprop_triggers PRIMARY KEY (sched_name,trigger_name,trigger_group),
  CONSTRAINT fk_qrtz_simprop_triggers_triggers FOREIGN KEY (sched_name,trigger_name,trigger_group) REFERENCES qrtz_triggers (sched_name,trigger_name,trigger_group) ON DELETE CASCADE
);

CREATE TABLE qrtz_blob_triggers (
  sched_name TEXT NOT NULL,
  trigger_name TEXT NOT NULL,
  trigger_group TEXT NOT NULL,
  blob_data BLOB NULL,
  CONSTRAINT pk_qrtz_blob_triggers PRIMARY KEY (sched_name,trigger_name,trigger_group),
  CONSTRAINT fk_qrtz_blob_triggers_triggers FOREIGN KEY (sched_name,trigger_name,trigger_group) REFERENCES qrtz_triggers (sched_name,trigger_name,trigger_group) ON DELETE CASCADE
);

CREATE TABLE qrtz_calendars (
  sched_name TEXT NOT NULL,
  calendar_name TEXT NOT NULL,
  calendar BLOB NOT NULL,
  CONSTRAINT pk_qrtz_calendars PRIMARY KEY (sched_name,calendar_name)
);

CREATE TABLE qrtz_paused_trigger_grps (
  sched_name TEXT NOT NULL,
  trigger_group TEXT NOT NULL,
  pause_reason TEXT NULL,
  paused_by TEXT NULL,
  paused_at INTEGER NULL,
  CONSTRAINT pk_qrtz_paused_trigger_grps PRIMARY KEY (sched_name,trigger_group)
);

CREATE TABLE qrtz_paused_job_grps (
  sched_name TEXT NOT NULL,
  job_group TEXT NOT NULL,
  pause_reason TEXT NULL,
  paused_by TEXT NULL,
  paused_at INTEGER NULL,
  CONSTRAINT pk_qrtz_paused_job_grps PRIMARY KEY (sched_name,job_group)
);

CREATE TABLE qrtz_fired_triggers (
  sched_name TEXT NOT NULL,
  entry_id TEXT NOT NULL,
  trigger_name TEXT NOT NULL,
  trigger_group TEXT NOT NULL,
  instance_name TEXT NOT NULL,
  fired_time INTEGER NOT NULL,
  sched_time INTEGER NOT NULL,
  priority INTEGER NOT NULL,
  state TEXT NOT NULL,
  job_name TEXT NULL,
  job_group TEXT NULL,
  is_nonconcurrent INTEGER NULL,
  requests_recovery INTEGER NULL,
  execution_group TEXT NULL,
  progress INTEGER NULL,
  progress_message TEXT NULL,
  interrupt_requested_time INTEGER NULL,
  CONSTRAINT pk_qrtz_fired_triggers PRIMARY KEY (sched_name,entry_id)
);

CREATE TABLE qrtz_scheduler_state (
  sched_name TEXT NOT NULL,
  instance_name TEXT NOT NULL,
  last_checkin_time INTEGER NOT NULL,
  checkin_interval INTEGER NOT NULL,
  quartz_version TEXT NULL,
  CONSTRAINT pk_qrtz_scheduler_state PRIMARY KEY (sched_name,instance_name)
);

CREATE TABLE qrtz_locks (
  sched_name TEXT NOT NULL,
  lock_name TEXT NOT NULL,
  CONSTRAINT pk_qrtz_locks PRIMARY KEY (sched_name,lock_name)
);

CREATE TABLE qrtz_execution_history (
  sched_name TEXT NOT NULL,
  entry_id TEXT NOT NULL,
  instance_name TEXT NOT NULL,
  job_name TEXT NOT NULL,
  job_group TEXT NOT NULL,
  trigger_name TEXT NOT NULL,
  trigger_group TEXT NOT NULL,
  fired_time INTEGER NOT NULL,
  run_time INTEGER NOT NULL,
  succeeded INTEGER NOT NULL,
  error_message TEXT NULL,
  retry_attempt INTEGER NOT NULL DEFAULT 0,
  retry_scheduled INTEGER NOT NULL DEFAULT 0,
  execution_log TEXT NULL,
  result INTEGER NULL,
  summary TEXT NULL,
  metrics TEXT NULL,
  manual INTEGER NULL,
  fire_instance_id TEXT NULL,
  job_input TEXT NULL,
  job_input_too_large INTEGER NULL,
  CONSTRAINT pk_qrtz_execution_history PRIMARY KEY (sched_name,entry_id)
);

CREATE TABLE qrtz_misfire_history (
  sched_name TEXT NOT NULL,
  entry_id TEXT NOT NULL,
  instance_name TEXT NOT NULL,
  trigger_name TEXT NOT NULL,
  trigger_group TEXT NOT NULL,
  job_name TEXT NULL,
  job_group TEXT NULL,
  misfire_time INTEGER NOT NULL,
  sched_time INTEGER NULL,
  reason INTEGER NULL,
  CONSTRAINT pk_qrtz_misfire_history PRIMARY KEY (sched_name,entry_id)
);

CREATE TABLE qrtz_job_status (
  sched_name TEXT NOT NULL,
  job_group TEXT NOT NULL,
  job_name TEXT NOT NULL,
  first_fired_time INTEGER NOT NULL,
  last_fired_time INTEGER NOT NULL,
  last_result INTEGER NOT NULL,
  last_run_time INTEGER NOT NULL,
  last_instance_name TEXT NOT NULL,
  last_entry_id TEXT NULL,
  last_summary TEXT NULL,
  last_success_time INTEGER NULL,
  last_failure_time INTEGER NULL,
  last_failure_message TEXT NULL,
  consecutive_failures INTEGER NOT NULL DEFAULT 0,
  run_count INTEGER NOT NULL DEFAULT 0,
  failure_count INTEGER NOT NULL DEFAULT 0,
  CONSTRAINT pk_qrtz_job_status PRIMARY KEY (sched_name,job_group,job_name)
);

CREATE TRIGGER qrtz_delete_simple_trigger DELETE ON qrtz_triggers
BEGIN
  DELETE FROM qrtz_simple_triggers WHERE sched_name=OLD.sched_name AND trigger_name=OLD.trigger_name AND trigger_group=OLD.trigger_group;
END;

CREATE TRIGGER qrtz_delete_simprop_trigger DELETE ON qrtz_triggers
BEGIN
  DELETE FROM qrtz_simprop_triggers WHERE sched_name=OLD.sched_name AND trigger_name=OLD.trigger_name AND trigger_group=OLD.trigger_group;
END;

CREATE TRIGGER qrtz_delete_cron_trigger DELETE ON qrtz_triggers
BEGIN
  DELETE FROM qrtz_cron_triggers WHERE sched_name=OLD.sched_name AND trigger_name=OLD.trigger_name AND trigger_group=OLD.trigger_group;
END;

CREATE TRIGGER qrtz_delete_blob_trigger DELETE ON qrtz_triggers
BEGIN
  DELETE FROM qrtz_blob_triggers WHERE sched_name=OLD.sched_name AND trigger_name=OLD.trigger_name AND trigger_group=OLD.trigger_group;
END;

CREATE INDEX ix_qrtz_j_g_n ON qrtz_job_details(sched_name,job_group,job_name);

CREATE INDEX ix_qrtz_t_j ON qrtz_triggers(sched_name,job_name,job_group);

CREATE INDEX ix_qrtz_t_g_n ON qrtz_triggers(sched_name,trigger_group,trigger_name);

CREATE INDEX ix_qrtz_t_c ON qrtz_triggers(sched_name,calendar_name);

CREATE INDEX ix_qrtz_t_nft_st ON qrtz_triggers(sched_name,trigger_state,next_fire_time ASC,priority DESC,misfire_instr);

CREATE INDEX ix_qrtz_ft_inst_job_req_rcvry ON qrtz_fired_triggers(sched_name,instance_name,requests_recovery);

CREATE INDEX ix_qrtz_ft_j_g ON qrtz_fired_triggers(sched_name,job_name,job_group);

CREATE INDEX ix_qrtz_ft_t_g ON qrtz_fired_triggers(sched_name,trigger_name,trigger_group);

CREATE INDEX ix_qrtz_eh_fired_time ON qrtz_execution_history(sched_name,fired_time);

CREATE INDEX ix_qrtz_eh_inst ON qrtz_execution_history(sched_name,instance_name);

CREATE INDEX ix_qrtz_mh_misfire_time ON qrtz_misfire_history(sched_name,misfire_time);

CREATE INDEX ix_qrtz_mh_inst ON qrtz_misfire_history(sched_name,instance_name);

CREATE INDEX ix_qrtz_eh_job_time ON qrtz_execution_history(sched_name,job_group,job_name,fired_time);

CREATE INDEX ix_qrtz_eh_fire_inst ON qrtz_execution_history(sched_name,fire_instance_id);

CREATE INDEX ix_qrtz_eh_trig_time ON qrtz_execution_history(sched_name,trigger_group,trigger_name,fired_time);