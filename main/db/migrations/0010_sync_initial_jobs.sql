CREATE TABLE `sync_initial_jobs` (
	`id` text PRIMARY KEY NOT NULL,
	`crm` text NOT NULL,
	`state` text NOT NULL,
	`phase` text NOT NULL,
	`crm_cursor` text,
	`kayse_after` text,
	`pages` integer NOT NULL,
	`counts` text NOT NULL,
	`ambiguous` text NOT NULL,
	`held_case_ids` text NOT NULL,
	`started_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`finished_at` text,
	`error` text
);
--> statement-breakpoint
CREATE INDEX `sync_initial_jobs_crm` ON `sync_initial_jobs` (`crm`,`started_at`);