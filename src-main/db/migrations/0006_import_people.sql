ALTER TABLE `imports` ADD `created_by_name` text;--> statement-breakpoint
ALTER TABLE `imports` ADD `undone_by_name` text;