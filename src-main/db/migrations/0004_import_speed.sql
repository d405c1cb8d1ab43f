CREATE TABLE `import_batches` (
	`import_id` text NOT NULL,
	`first_row` integer NOT NULL,
	`lines` text NOT NULL,
	PRIMARY KEY(`import_id`, `first_row`)
);
--> statement-breakpoint
-- Imports committed before this migration keep their undo: each becomes one batch of its lines.
INSERT INTO `import_batches` (import_id, first_row, lines)
	SELECT import_id, min(row), json_group_array(json_array(row, movement_id))
	FROM (SELECT import_id, row, movement_id FROM `import_lines` ORDER BY import_id, row)
	GROUP BY import_id;
--> statement-breakpoint
DROP TABLE `import_lines`;
--> statement-breakpoint
-- A lot's search row is written by a trigger on every insert, and an FTS5 insert made from a
-- trigger costs about five times one made by a top-level statement (measured: 100,000 lots took
-- 1.7 s with the trigger, 0.4 s without). While `stock_search_deferred` holds a row, the insert
-- trigger stands aside and the bulk writer holding it (an import, see deferred-search-index.ts)
-- indexes its batch's lots in one statement before it commits. The row lives only inside that
-- writer's transaction, so every other writer and every reader sees the index complete.
CREATE TABLE `stock_search_deferred` (`by` text PRIMARY KEY NOT NULL);
--> statement-breakpoint
DROP TRIGGER `stock_search_lot_insert`;
--> statement-breakpoint
CREATE TRIGGER `stock_search_lot_insert` AFTER INSERT ON `lots` WHEN NOT EXISTS (SELECT 1 FROM `stock_search_deferred`) BEGIN
	INSERT INTO `stock_search` (rowid, product_name, generic_name, manufacturer, lot_number, codes)
	SELECT new.rowid, p.name, coalesce(p.generic_name, ''), coalesce(p.manufacturer, ''), new.lot_number,
		trim(coalesce(p.ndc11, '') || ' ' || coalesce(p.gtin, '') || ' ' || lower(replace(replace(replace(replace(new.lot_number, '-', ''), '/', ''), '.', ''), ' ', '')))
	FROM `products` p WHERE p.id = new.product_id;
END;
