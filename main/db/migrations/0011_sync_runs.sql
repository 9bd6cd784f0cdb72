CREATE TABLE `sync_notes` (
	`crm` text NOT NULL,
	`event_id` text NOT NULL,
	`case_id` text NOT NULL,
	`crm_record_id` text NOT NULL,
	`state` text NOT NULL,
	`attempts` integer NOT NULL,
	`message` text,
	`next_try_at` text,
	`updated_at` text NOT NULL,
	PRIMARY KEY(`crm`, `event_id`)
);
--> statement-breakpoint
CREATE INDEX `sync_notes_state` ON `sync_notes` (`crm`,`state`);--> statement-breakpoint
CREATE TABLE `sync_pauses` (
	`crm` text PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`reason` text NOT NULL,
	`fix` text NOT NULL,
	`since` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `sync_runs` (
	`id` text PRIMARY KEY NOT NULL,
	`crm` text NOT NULL,
	`trigger` text NOT NULL,
	`direction` text NOT NULL,
	`started_at` text NOT NULL,
	`finished_at` text NOT NULL,
	`read` integer DEFAULT 0 NOT NULL,
	`pushed` integer DEFAULT 0 NOT NULL,
	`pulled` integer DEFAULT 0 NOT NULL,
	`created` integer DEFAULT 0 NOT NULL,
	`updated` integer DEFAULT 0 NOT NULL,
	`unchanged` integer DEFAULT 0 NOT NULL,
	`skipped` integer DEFAULT 0 NOT NULL,
	`conflicts` integer DEFAULT 0 NOT NULL,
	`errors` integer DEFAULT 0 NOT NULL,
	`outcome` text NOT NULL,
	`error_summary` text
);
--> statement-breakpoint
CREATE INDEX `sync_runs_crm_started` ON `sync_runs` (`crm`,`started_at`);