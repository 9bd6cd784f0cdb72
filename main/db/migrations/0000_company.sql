CREATE TABLE `company` (
	`id` integer PRIMARY KEY NOT NULL,
	`name` text DEFAULT '' NOT NULL,
	`timezone` text NOT NULL,
	CONSTRAINT "company_singleton" CHECK("company"."id" = 1)
);
