CREATE TABLE `local_session` (
	`id` integer PRIMARY KEY NOT NULL,
	`server_url` text NOT NULL,
	`user_id` text NOT NULL,
	`email` text NOT NULL,
	`name` text NOT NULL,
	`role` text NOT NULL,
	`company_id` text NOT NULL,
	`company_name` text NOT NULL,
	`signed_in_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `locations` (
	`id` text PRIMARY KEY NOT NULL,
	`company_id` text NOT NULL,
	`version` integer DEFAULT 0 NOT NULL,
	`deleted` integer DEFAULT false NOT NULL,
	`warehouse` text NOT NULL,
	`zone` text,
	`bin` text
);
--> statement-breakpoint
CREATE INDEX `locations_company_version_idx` ON `locations` (`company_id`,`version`);--> statement-breakpoint
CREATE TABLE `lots` (
	`id` text PRIMARY KEY NOT NULL,
	`company_id` text NOT NULL,
	`version` integer DEFAULT 0 NOT NULL,
	`deleted` integer DEFAULT false NOT NULL,
	`product_id` text NOT NULL,
	`lot_number` text NOT NULL,
	`expiry` text NOT NULL,
	`manufactured_on` text,
	`status` text DEFAULT 'available' NOT NULL
);
--> statement-breakpoint
CREATE INDEX `lots_company_version_idx` ON `lots` (`company_id`,`version`);--> statement-breakpoint
CREATE TABLE `outbox` (
	`seq` integer PRIMARY KEY NOT NULL,
	`mutation_id` text NOT NULL,
	`company_id` text NOT NULL,
	`name` text NOT NULL,
	`args` text NOT NULL,
	`schema_version` integer NOT NULL,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `outbox_mutation_id_unique` ON `outbox` (`mutation_id`);--> statement-breakpoint
CREATE TABLE `products` (
	`id` text PRIMARY KEY NOT NULL,
	`company_id` text NOT NULL,
	`version` integer DEFAULT 0 NOT NULL,
	`deleted` integer DEFAULT false NOT NULL,
	`ndc11` text,
	`gtin` text,
	`name` text NOT NULL,
	`generic_name` text,
	`manufacturer` text,
	`strength` text,
	`dosage_form` text,
	`category` text,
	`schedule` text,
	`cold_chain` integer DEFAULT false NOT NULL,
	`unit` text DEFAULT 'each' NOT NULL
);
--> statement-breakpoint
CREATE INDEX `products_company_version_idx` ON `products` (`company_id`,`version`);--> statement-breakpoint
CREATE TABLE `rebase_backup` (
	`table_name` text NOT NULL,
	`id` text NOT NULL,
	`row` text NOT NULL,
	PRIMARY KEY(`table_name`, `id`)
);
--> statement-breakpoint
CREATE TABLE `stock_movements` (
	`id` text PRIMARY KEY NOT NULL,
	`company_id` text NOT NULL,
	`version` integer DEFAULT 0 NOT NULL,
	`deleted` integer DEFAULT false NOT NULL,
	`lot_id` text NOT NULL,
	`location_id` text NOT NULL,
	`kind` text NOT NULL,
	`quantity` integer NOT NULL,
	`reason` text,
	`external_ref` text,
	`serial` text,
	`discrepancy` integer DEFAULT false NOT NULL,
	`created_by` text,
	`occurred_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
);
--> statement-breakpoint
CREATE INDEX `stock_movements_company_version_idx` ON `stock_movements` (`company_id`,`version`);--> statement-breakpoint
CREATE INDEX `stock_movements_lot_location_idx` ON `stock_movements` (`lot_id`,`location_id`);--> statement-breakpoint
CREATE TABLE `sync_rejections` (
	`mutation_id` text PRIMARY KEY NOT NULL,
	`company_id` text NOT NULL,
	`name` text NOT NULL,
	`args` text NOT NULL,
	`code` text NOT NULL,
	`message` text NOT NULL,
	`rejected_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `sync_state` (
	`company_id` text PRIMARY KEY NOT NULL,
	`client_id` text NOT NULL,
	`cursor` integer DEFAULT 0 NOT NULL,
	`last_seq` integer DEFAULT 0 NOT NULL,
	`last_sync_at` text,
	`last_error` text
);
