CREATE TABLE `webhook_attempts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`delivery_id` text NOT NULL,
	`webhook_id` text NOT NULL,
	`number` integer NOT NULL,
	`trigger` text NOT NULL,
	`started_at` text NOT NULL,
	`finished_at` text,
	`url` text NOT NULL,
	`resolved_ip` text,
	`request_headers` text NOT NULL,
	`response_status` integer,
	`response_headers` text,
	`response_body` text,
	`response_truncated` integer DEFAULT false NOT NULL,
	`error_class` text,
	`error_message` text,
	`duration_ms` integer,
	`next_attempt_at` integer
);
--> statement-breakpoint
CREATE INDEX `attempts_delivery` ON `webhook_attempts` (`delivery_id`,`number`);--> statement-breakpoint
CREATE INDEX `attempts_webhook_started` ON `webhook_attempts` (`webhook_id`,`started_at`,`finished_at`,`response_status`,`error_class`,`duration_ms`,`next_attempt_at`);--> statement-breakpoint
CREATE INDEX `attempts_unfinished` ON `webhook_attempts` (`delivery_id`) WHERE "webhook_attempts"."finished_at" IS NULL;--> statement-breakpoint
CREATE INDEX `attempts_webhook_succeeded` ON `webhook_attempts` (`webhook_id`,`started_at`) WHERE "webhook_attempts"."error_class" IS NULL AND "webhook_attempts"."response_status" BETWEEN 200 AND 299;--> statement-breakpoint
CREATE TABLE `webhook_deliveries` (
	`id` text PRIMARY KEY NOT NULL,
	`webhook_id` text NOT NULL,
	`event_id` text NOT NULL,
	`event_type` text NOT NULL,
	`case_id` text,
	`is_test` integer DEFAULT false NOT NULL,
	`body` text,
	`state` text NOT NULL,
	`next_trigger` text DEFAULT 'scheduled' NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`first_attempt_at` text,
	`next_attempt_at` integer,
	`last_attempt_at` text,
	`last_status` integer,
	`last_error_class` text,
	`last_error` text,
	`last_duration_ms` integer,
	`created_at` text NOT NULL,
	`completed_at` text,
	CONSTRAINT "deliveries_state" CHECK("webhook_deliveries"."state" in ('pending', 'in_flight', 'succeeded', 'failed', 'cancelled'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `deliveries_webhook_event` ON `webhook_deliveries` (`webhook_id`,`event_id`) WHERE "webhook_deliveries"."is_test" = 0;--> statement-breakpoint
CREATE INDEX `deliveries_due` ON `webhook_deliveries` (`webhook_id`,`next_attempt_at`) WHERE "webhook_deliveries"."state" = 'pending';--> statement-breakpoint
CREATE INDEX `deliveries_in_flight` ON `webhook_deliveries` (`state`) WHERE "webhook_deliveries"."state" = 'in_flight';--> statement-breakpoint
CREATE INDEX `deliveries_webhook` ON `webhook_deliveries` (`webhook_id`,`id`,`state`,`event_type`,`last_status`,`attempts`,`created_at`);--> statement-breakpoint
CREATE INDEX `deliveries_log` ON `webhook_deliveries` (`id`,`state`,`event_type`,`last_status`,`attempts`,`created_at`);--> statement-breakpoint
CREATE INDEX `deliveries_event` ON `webhook_deliveries` (`event_id`);--> statement-breakpoint
CREATE INDEX `deliveries_case` ON `webhook_deliveries` (`case_id`);--> statement-breakpoint
CREATE INDEX `deliveries_created` ON `webhook_deliveries` (`created_at`,`id`);--> statement-breakpoint
CREATE TABLE `webhook_settings` (
	`id` integer PRIMARY KEY NOT NULL,
	`allowlist` text NOT NULL,
	`extra_ca` text NOT NULL,
	`retention_days` integer DEFAULT 30 NOT NULL,
	`grace_hours` integer DEFAULT 24 NOT NULL,
	`updated_at` text,
	CONSTRAINT "webhook_settings_singleton" CHECK("webhook_settings"."id" = 1)
);
--> statement-breakpoint
CREATE TABLE `webhooks` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`url` text NOT NULL,
	`events` text NOT NULL,
	`campaign_id` text,
	`case_types` text NOT NULL,
	`active` integer NOT NULL,
	`app_key_ref` text,
	`deactivated_reason` text,
	`deactivated_at` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text
);
--> statement-breakpoint
CREATE INDEX `webhooks_live` ON `webhooks` (`deleted_at`,`created_at`);