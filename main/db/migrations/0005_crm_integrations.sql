CREATE TABLE `crm_catalog_failures` (
	`crm` text PRIMARY KEY NOT NULL,
	`at` text NOT NULL,
	`part` text NOT NULL,
	`kind` text NOT NULL,
	`message` text NOT NULL,
	`crm_answer` text,
	`fix` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `crm_catalogs` (
	`crm` text PRIMARY KEY NOT NULL,
	`catalog` text NOT NULL,
	`loaded_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `crm_connections` (
	`crm` text PRIMARY KEY NOT NULL,
	`settings` text NOT NULL,
	`secret_refs` text NOT NULL,
	`is_demo` integer DEFAULT false NOT NULL,
	`connected_as` text,
	`connected_at` text,
	`toggles` text NOT NULL,
	`normalised_notice` text,
	`error_kind` text,
	`error_message` text,
	`error_since` text,
	`last_test_at` text,
	`last_test_checks` text,
	`updated_at` text NOT NULL,
	CONSTRAINT "crm_connections_crm" CHECK(crm in ('lawruler', 'smartadvocate'))
);
--> statement-breakpoint
CREATE TABLE `crm_field_sheets` (
	`crm` text NOT NULL,
	`case_type_id` text NOT NULL,
	`case_type_name` text NOT NULL,
	`fields` text NOT NULL,
	`statuses` text NOT NULL,
	`imported_at` text NOT NULL,
	PRIMARY KEY(`crm`, `case_type_id`)
);
--> statement-breakpoint
CREATE TABLE `crm_inbound_events` (
	`id` text PRIMARY KEY NOT NULL,
	`crm` text NOT NULL,
	`received_at` text NOT NULL,
	`record_id` text NOT NULL,
	`payload` text NOT NULL,
	`processed_at` text
);
--> statement-breakpoint
CREATE INDEX `crm_inbound_events_pending` ON `crm_inbound_events` (`crm`,`processed_at`,`received_at`);--> statement-breakpoint
CREATE TABLE `crm_inbound_secrets` (
	`crm` text PRIMARY KEY NOT NULL,
	`header_name` text NOT NULL,
	`hash` text NOT NULL,
	`created_at` text NOT NULL
);
