CREATE TABLE `qa_ledger_problems` (
	`company_id` text PRIMARY KEY NOT NULL,
	`error` text NOT NULL,
	`detected_at` text NOT NULL
);
