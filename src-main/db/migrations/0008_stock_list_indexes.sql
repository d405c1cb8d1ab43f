CREATE INDEX `lots_company_expiry_idx` ON `lots` (`company_id`,`expiry`);--> statement-breakpoint
CREATE INDEX `lots_product_idx` ON `lots` (`product_id`);--> statement-breakpoint
CREATE INDEX `lots_held_expiry_idx` ON `lots` (`company_id`,`expiry`) WHERE "lots"."status" <> 'available';