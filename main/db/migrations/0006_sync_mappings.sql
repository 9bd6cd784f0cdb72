CREATE TABLE `sync_field_mappings` (
	`crm` text NOT NULL,
	`scope` text NOT NULL,
	`kayse_field` text NOT NULL,
	`crm_field_id` text NOT NULL,
	`crm_field_name` text NOT NULL,
	`direction` text NOT NULL,
	`position` integer NOT NULL,
	`saved_at` text NOT NULL,
	PRIMARY KEY(`crm`, `scope`, `kayse_field`, `crm_field_id`),
	CONSTRAINT "sync_field_mappings_direction" CHECK(direction in ('both', 'to_crm', 'from_crm'))
);
--> statement-breakpoint
CREATE TABLE `sync_settings` (
	`crm` text PRIMARY KEY NOT NULL,
	`direction` text NOT NULL,
	`frequency` text NOT NULL,
	`daily_at` text,
	`conflict_rule` text NOT NULL,
	`empty_overwrites_filled` integer DEFAULT false NOT NULL,
	`record_kinds` text NOT NULL,
	`case_type_ids` text NOT NULL,
	`status_ids` text NOT NULL,
	`updated_at` text NOT NULL,
	CONSTRAINT "sync_settings_direction" CHECK(direction in ('kayse_to_crm', 'crm_to_kayse', 'both')),
	CONSTRAINT "sync_settings_frequency" CHECK(frequency in ('real_time', 'hourly', 'daily') and (frequency <> 'daily' or daily_at is not null)),
	CONSTRAINT "sync_settings_conflict_rule" CHECK(conflict_rule in ('kayse_wins', 'crm_wins', 'most_recent'))
);
--> statement-breakpoint
CREATE TABLE `sync_status_mappings` (
	`crm` text NOT NULL,
	`kayse_case_type_id` text NOT NULL,
	`kayse_status_id` text NOT NULL,
	`crm_status_id` text NOT NULL,
	`crm_status_name` text NOT NULL,
	`substatus_type_id` text,
	`substatus_type_name` text,
	`substatus_id` text,
	`substatus_name` text,
	`reverse_choice` integer DEFAULT false NOT NULL,
	`position` integer NOT NULL,
	`saved_at` text NOT NULL,
	PRIMARY KEY(`crm`, `kayse_case_type_id`, `kayse_status_id`)
);
