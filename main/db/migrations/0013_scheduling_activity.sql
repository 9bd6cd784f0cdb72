CREATE TABLE `scheduling_activity` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` text NOT NULL,
	`operation` text NOT NULL,
	`agent_id` text,
	`case_id` text,
	`client_id` text,
	`booking_uid` text,
	`previous_booking_uid` text,
	`start` text,
	`request` text NOT NULL,
	`answer` text NOT NULL,
	`outcome` text NOT NULL,
	`reason` text,
	`latency_ms` integer NOT NULL,
	`attempts` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `scheduling_activity_at` ON `scheduling_activity` (`at`);--> statement-breakpoint
CREATE INDEX `scheduling_activity_case` ON `scheduling_activity` (`case_id`);--> statement-breakpoint
CREATE INDEX `scheduling_activity_booking` ON `scheduling_activity` (`booking_uid`);--> statement-breakpoint
CREATE TABLE `scheduling_idempotency` (
	`key` text PRIMARY KEY NOT NULL,
	`request_hash` text NOT NULL,
	`agent_id` text NOT NULL,
	`state` text NOT NULL,
	`booking_uid` text,
	`response` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL
);
