CREATE TABLE `sync_create_intents` (
	`crm` text NOT NULL,
	`case_id` text NOT NULL,
	`marker` text NOT NULL,
	`crm_case_type_id` text NOT NULL,
	`created_at` text NOT NULL,
	PRIMARY KEY(`crm`, `case_id`)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `sync_create_intents_marker` ON `sync_create_intents` (`marker`);--> statement-breakpoint
CREATE TABLE `sync_links` (
	`crm` text NOT NULL,
	`case_id` text NOT NULL,
	`crm_record_id` text NOT NULL,
	`crm_case_type_id` text NOT NULL,
	`linked_at` text NOT NULL,
	PRIMARY KEY(`crm`, `case_id`)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `sync_links_crm_record` ON `sync_links` (`crm`,`crm_record_id`);--> statement-breakpoint
CREATE TABLE `sync_outbound_cursors` (
	`crm` text PRIMARY KEY NOT NULL,
	`seq` integer NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `sync_record_errors` (
	`crm` text NOT NULL,
	`case_id` text NOT NULL,
	`direction` text NOT NULL,
	`kind` text NOT NULL,
	`message` text NOT NULL,
	`crm_message` text,
	`http_status` integer,
	`field` text,
	`attempts` integer NOT NULL,
	`first_at` text NOT NULL,
	`last_at` text NOT NULL,
	`next_try_at` text,
	PRIMARY KEY(`crm`, `case_id`, `direction`)
);
--> statement-breakpoint
CREATE TABLE `sync_snapshots` (
	`crm` text NOT NULL,
	`case_id` text NOT NULL,
	`kayse_values` text NOT NULL,
	`crm_values` text NOT NULL,
	`synced_at` text NOT NULL,
	PRIMARY KEY(`crm`, `case_id`)
);
