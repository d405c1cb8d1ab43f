-- Local full-text search over stock (issue 3): SQLite FTS5, one row per lot, kept in step with
-- lots and products by triggers so a search is instant on the replica, offline included.
-- `codes` holds the identifiers with punctuation removed (NDC 11, GTIN, lot number), so
-- "0093-0058", "00093005801" and "17248471" all find their lot by prefix.
CREATE VIRTUAL TABLE `stock_search` USING fts5(
	`product_name`, `generic_name`, `manufacturer`, `lot_number`, `codes`,
	tokenize = 'unicode61 remove_diacritics 2', detail = column, prefix = '3'
);
--> statement-breakpoint
CREATE TRIGGER `stock_search_lot_insert` AFTER INSERT ON `lots` BEGIN
	INSERT INTO `stock_search` (rowid, product_name, generic_name, manufacturer, lot_number, codes)
	SELECT new.rowid, p.name, coalesce(p.generic_name, ''), coalesce(p.manufacturer, ''), new.lot_number,
		trim(coalesce(p.ndc11, '') || ' ' || coalesce(p.gtin, '') || ' ' || lower(replace(replace(replace(replace(new.lot_number, '-', ''), '/', ''), '.', ''), ' ', '')))
	FROM `products` p WHERE p.id = new.product_id;
END;
--> statement-breakpoint
CREATE TRIGGER `stock_search_lot_update` AFTER UPDATE OF `lot_number`, `product_id` ON `lots` BEGIN
	DELETE FROM `stock_search` WHERE rowid = old.rowid;
	INSERT INTO `stock_search` (rowid, product_name, generic_name, manufacturer, lot_number, codes)
	SELECT new.rowid, p.name, coalesce(p.generic_name, ''), coalesce(p.manufacturer, ''), new.lot_number,
		trim(coalesce(p.ndc11, '') || ' ' || coalesce(p.gtin, '') || ' ' || lower(replace(replace(replace(replace(new.lot_number, '-', ''), '/', ''), '.', ''), ' ', '')))
	FROM `products` p WHERE p.id = new.product_id;
END;
--> statement-breakpoint
CREATE TRIGGER `stock_search_lot_delete` AFTER DELETE ON `lots` BEGIN
	DELETE FROM `stock_search` WHERE rowid = old.rowid;
END;
--> statement-breakpoint
CREATE TRIGGER `stock_search_product_update` AFTER UPDATE OF `name`, `generic_name`, `manufacturer`, `ndc11`, `gtin` ON `products` BEGIN
	DELETE FROM `stock_search` WHERE rowid IN (SELECT rowid FROM `lots` WHERE product_id = new.id);
	INSERT INTO `stock_search` (rowid, product_name, generic_name, manufacturer, lot_number, codes)
	SELECT l.rowid, new.name, coalesce(new.generic_name, ''), coalesce(new.manufacturer, ''), l.lot_number,
		trim(coalesce(new.ndc11, '') || ' ' || coalesce(new.gtin, '') || ' ' || lower(replace(replace(replace(replace(l.lot_number, '-', ''), '/', ''), '.', ''), ' ', '')))
	FROM `lots` l WHERE l.product_id = new.id;
END;
