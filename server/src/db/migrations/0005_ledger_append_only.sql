-- Custom migration (drizzle-kit cannot express triggers). Issue 5, Ledger: the ledger tables
-- reject UPDATE, DELETE and TRUNCATE in the database itself, so neither a bug in the server nor
-- hand-written SQL can rewrite a company's history. Rows are only ever INSERTed. Removing these
-- triggers needs a migration (DDL), which is reviewed and visible in git history.
CREATE FUNCTION "ledger_refuse_change"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'ledger/append-only: % on % is not allowed; the ledger is append-only', TG_OP, TG_TABLE_NAME
    USING ERRCODE = 'restrict_violation';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER "ledger_entries_append_only" BEFORE UPDATE OR DELETE ON "ledger_entries"
  FOR EACH ROW EXECUTE FUNCTION "ledger_refuse_change"();
--> statement-breakpoint
CREATE TRIGGER "ledger_entries_no_truncate" BEFORE TRUNCATE ON "ledger_entries"
  FOR EACH STATEMENT EXECUTE FUNCTION "ledger_refuse_change"();
--> statement-breakpoint
CREATE TRIGGER "ledger_tree_heads_append_only" BEFORE UPDATE OR DELETE ON "ledger_tree_heads"
  FOR EACH ROW EXECUTE FUNCTION "ledger_refuse_change"();
--> statement-breakpoint
CREATE TRIGGER "ledger_tree_heads_no_truncate" BEFORE TRUNCATE ON "ledger_tree_heads"
  FOR EACH STATEMENT EXECUTE FUNCTION "ledger_refuse_change"();
