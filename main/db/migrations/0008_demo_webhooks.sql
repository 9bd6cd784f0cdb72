ALTER TABLE `webhooks` ADD `receives_demo` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `webhooks` ADD `is_demo` integer DEFAULT false NOT NULL;