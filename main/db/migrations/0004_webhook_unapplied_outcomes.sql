CREATE TABLE `webhook_unapplied_outcomes` (
	`attempt_id` integer PRIMARY KEY NOT NULL
);
