CREATE TABLE `qa_ledger` (
	`company_id` text NOT NULL,
	`seq` integer NOT NULL,
	`canonical` text NOT NULL,
	`leaf_hash` blob NOT NULL,
	PRIMARY KEY(`company_id`, `seq`)
);
--> statement-breakpoint
CREATE TABLE `qa_pending_ops` (
	`op_id` text PRIMARY KEY NOT NULL,
	`company_id` text NOT NULL,
	`user_id` text NOT NULL,
	`local_seq` integer NOT NULL,
	`op` text NOT NULL,
	`status` text DEFAULT 'pending' NOT NULL,
	`error` text,
	`summary` text NOT NULL,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `qa_pending_ops_company_seq_idx` ON `qa_pending_ops` (`company_id`,`local_seq`);--> statement-breakpoint
CREATE TABLE `qa_tree_head` (
	`company_id` text PRIMARY KEY NOT NULL,
	`tree_head` text NOT NULL,
	`server_public_key` text NOT NULL,
	`server_key_id` text NOT NULL,
	`verified_at` text NOT NULL
);
