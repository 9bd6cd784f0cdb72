CREATE TABLE `scheduling_connection` (
	`provider` text PRIMARY KEY NOT NULL,
	`base_url` text NOT NULL,
	`account_id` integer NOT NULL,
	`account_email` text NOT NULL,
	`account_username` text,
	`account_time_zone` text NOT NULL,
	`key_account` text,
	`is_demo` integer DEFAULT false NOT NULL,
	`connected_at` text NOT NULL,
	`error_kind` text,
	`error_message` text,
	`error_since` text,
	CONSTRAINT "scheduling_connection_provider" CHECK("scheduling_connection"."provider" = 'calcom')
);
--> statement-breakpoint
CREATE TABLE `scheduling_event_types` (
	`id` integer PRIMARY KEY NOT NULL,
	`title` text NOT NULL,
	`slug` text NOT NULL,
	`length_minutes` integer NOT NULL,
	`looked_up_at` text NOT NULL
);
