CREATE TABLE `sync_conflicts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`crm` text NOT NULL,
	`case_id` text NOT NULL,
	`crm_record_id` text NOT NULL,
	`kayse_field` text NOT NULL,
	`crm_field_id` text NOT NULL,
	`kayse_value` text,
	`crm_value` text,
	`rule` text NOT NULL,
	`winner` text NOT NULL,
	`outcome` text NOT NULL,
	`kayse_changed_at` text,
	`crm_changed_at` text,
	`decided_at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `sync_conflicts_crm_decided` ON `sync_conflicts` (`crm`,`decided_at`);--> statement-breakpoint
CREATE INDEX `sync_conflicts_case` ON `sync_conflicts` (`crm`,`case_id`);--> statement-breakpoint
CREATE TABLE `sync_inbound_cursors` (
	`crm` text PRIMARY KEY NOT NULL,
	`modified_at` text NOT NULL,
	`record_id` text NOT NULL,
	`updated_at` text NOT NULL
);
