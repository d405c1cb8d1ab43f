CREATE TABLE `import_lines` (
	`import_id` text NOT NULL,
	`row` integer NOT NULL,
	`movement_id` text NOT NULL,
	`lot_id` text NOT NULL,
	`location_id` text NOT NULL,
	`quantity` integer NOT NULL,
	PRIMARY KEY(`import_id`, `row`)
);
--> statement-breakpoint
CREATE TABLE `import_mappings` (
	`company_id` text NOT NULL,
	`header_key` text NOT NULL,
	`mapping` text NOT NULL,
	`updated_at` text NOT NULL,
	PRIMARY KEY(`company_id`, `header_key`)
);
--> statement-breakpoint
CREATE TABLE `imports` (
	`id` text PRIMARY KEY NOT NULL,
	`company_id` text NOT NULL,
	`file_name` text NOT NULL,
	`file_sha256` text NOT NULL,
	`file_bytes` integer NOT NULL,
	`format` text NOT NULL,
	`sheet` text,
	`header_row` integer NOT NULL,
	`mapping` text NOT NULL,
	`mapping_path` text NOT NULL,
	`mode` text NOT NULL,
	`rows_total` integer NOT NULL,
	`rows_valid` integer NOT NULL,
	`rows_invalid` integer NOT NULL,
	`rows_imported` integer DEFAULT 0 NOT NULL,
	`rows_skipped` integer DEFAULT 0 NOT NULL,
	`status` text NOT NULL,
	`created_by` text NOT NULL,
	`created_at` text NOT NULL,
	`finished_at` text,
	`undone_at` text,
	`undone_by` text
);
--> statement-breakpoint
CREATE INDEX `imports_company_created_idx` ON `imports` (`company_id`,`created_at`);