CREATE TABLE `agents` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`campaign_id` text,
	`appointment_booking` integer DEFAULT false NOT NULL,
	`event_type_id` integer,
	`created_at` text NOT NULL,
	`is_demo` integer DEFAULT false NOT NULL,
	FOREIGN KEY (`campaign_id`) REFERENCES `campaigns`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE TABLE `campaigns` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`case_type_id` text,
	`active` integer DEFAULT true NOT NULL,
	`created_at` text NOT NULL,
	`is_demo` integer DEFAULT false NOT NULL,
	FOREIGN KEY (`case_type_id`) REFERENCES `case_types`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `campaigns_name_unique` ON `campaigns` (`name`);--> statement-breakpoint
CREATE TABLE `case_clients` (
	`case_id` text NOT NULL,
	`client_id` text NOT NULL,
	`is_primary` integer DEFAULT false NOT NULL,
	PRIMARY KEY(`case_id`, `client_id`),
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`client_id`) REFERENCES `clients`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `case_clients_client` ON `case_clients` (`client_id`);--> statement-breakpoint
CREATE TABLE `case_statuses` (
	`id` text PRIMARY KEY NOT NULL,
	`case_type_id` text NOT NULL,
	`name` text NOT NULL,
	`position` integer NOT NULL,
	FOREIGN KEY (`case_type_id`) REFERENCES `case_types`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `case_statuses_type_name` ON `case_statuses` (`case_type_id`,`name`);--> statement-breakpoint
CREATE TABLE `case_types` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`created_at` text NOT NULL,
	`is_demo` integer DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `case_types_name_unique` ON `case_types` (`name`);--> statement-breakpoint
CREATE TABLE `cases` (
	`id` text PRIMARY KEY NOT NULL,
	`case_number` text NOT NULL,
	`name` text NOT NULL,
	`case_type_id` text NOT NULL,
	`status_id` text NOT NULL,
	`campaign_id` text,
	`custom_values` text DEFAULT '{}' NOT NULL,
	`external_source` text,
	`external_id` text,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`is_demo` integer DEFAULT false NOT NULL,
	FOREIGN KEY (`case_type_id`) REFERENCES `case_types`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`status_id`) REFERENCES `case_statuses`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`campaign_id`) REFERENCES `campaigns`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "cases_version_positive" CHECK("cases"."version" >= 1)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `cases_case_number_unique` ON `cases` (`case_number`);--> statement-breakpoint
CREATE UNIQUE INDEX `cases_external` ON `cases` (`external_source`,`external_id`);--> statement-breakpoint
CREATE INDEX `cases_type_status` ON `cases` (`case_type_id`,`status_id`,`updated_at`);--> statement-breakpoint
CREATE INDEX `cases_campaign` ON `cases` (`campaign_id`,`updated_at`);--> statement-breakpoint
CREATE INDEX `cases_updated` ON `cases` (`updated_at`);--> statement-breakpoint
CREATE INDEX `cases_name` ON `cases` (`name`);--> statement-breakpoint
CREATE INDEX `cases_demo` ON `cases` (`is_demo`) WHERE "cases"."is_demo" = 1;--> statement-breakpoint
CREATE TABLE `clients` (
	`id` text PRIMARY KEY NOT NULL,
	`first_name` text NOT NULL,
	`last_name` text NOT NULL,
	`phones` text DEFAULT '[]' NOT NULL,
	`emails` text DEFAULT '[]' NOT NULL,
	`opt_outs` text DEFAULT '[]' NOT NULL,
	`external_source` text,
	`external_id` text,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`is_demo` integer DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `clients_external` ON `clients` (`external_source`,`external_id`);--> statement-breakpoint
CREATE INDEX `clients_name` ON `clients` (`last_name`,`first_name`);--> statement-breakpoint
CREATE INDEX `clients_updated` ON `clients` (`updated_at`);--> statement-breakpoint
CREATE INDEX `clients_demo` ON `clients` (`is_demo`) WHERE "clients"."is_demo" = 1;--> statement-breakpoint
CREATE TABLE `custom_fields` (
	`id` text PRIMARY KEY NOT NULL,
	`case_type_id` text NOT NULL,
	`key` text NOT NULL,
	`label` text NOT NULL,
	`type` text NOT NULL,
	`options` text DEFAULT '[]' NOT NULL,
	`position` integer NOT NULL,
	FOREIGN KEY (`case_type_id`) REFERENCES `case_types`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `custom_fields_type_key` ON `custom_fields` (`case_type_id`,`key`);--> statement-breakpoint
CREATE TABLE `import_mappings` (
	`kind` text NOT NULL,
	`shape` text NOT NULL,
	`mapping` text NOT NULL,
	`updated_at` text NOT NULL,
	PRIMARY KEY(`kind`, `shape`)
);
--> statement-breakpoint
CREATE TABLE `record_changes` (
	`seq` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`entity` text NOT NULL,
	`entity_id` text NOT NULL,
	`version` integer NOT NULL,
	`kind` text NOT NULL,
	`changes` text NOT NULL,
	`origin` text NOT NULL,
	`at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `record_changes_entity` ON `record_changes` (`entity`,`entity_id`,`version`);--> statement-breakpoint
CREATE TABLE `events` (
	`id` text PRIMARY KEY NOT NULL,
	`type` text NOT NULL,
	`occurred_at` text NOT NULL,
	`received_at` text NOT NULL,
	`campaign_id` text,
	`case_id` text,
	`client_id` text,
	`case_type` text,
	`data` text NOT NULL,
	`idempotency_key` text,
	`api_key_id` text,
	`is_demo` integer DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `events_idempotency` ON `events` (`api_key_id`,`idempotency_key`);--> statement-breakpoint
CREATE INDEX `events_received` ON `events` (`received_at`);--> statement-breakpoint
CREATE INDEX `events_type_received` ON `events` (`type`,`received_at`);--> statement-breakpoint
CREATE INDEX `events_campaign` ON `events` (`campaign_id`,`received_at`);--> statement-breakpoint
CREATE INDEX `events_case` ON `events` (`case_id`);--> statement-breakpoint
CREATE INDEX `events_demo` ON `events` (`is_demo`) WHERE "events"."is_demo" = 1;--> statement-breakpoint
CREATE TABLE `ingest_api_keys` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`prefix` text NOT NULL,
	`hash` text NOT NULL,
	`rate_limit_per_minute` integer DEFAULT 6000 NOT NULL,
	`created_at` text NOT NULL,
	`last_used_at` text,
	`revoked_at` text,
	`is_demo` integer DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `ingest_api_keys_hash_unique` ON `ingest_api_keys` (`hash`);