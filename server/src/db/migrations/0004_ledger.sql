CREATE TABLE "ledger_entries" (
	"company_id" uuid NOT NULL,
	"seq" bigint NOT NULL,
	"entry" jsonb NOT NULL,
	"canonical" text NOT NULL,
	"leaf_hash" "bytea" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ledger_entries_company_id_seq_pk" PRIMARY KEY("company_id","seq")
);
--> statement-breakpoint
CREATE TABLE "ledger_tree_heads" (
	"company_id" uuid NOT NULL,
	"tree_size" bigint NOT NULL,
	"root_hash" "bytea" NOT NULL,
	"signed_at" timestamp with time zone NOT NULL,
	"signature" "bytea" NOT NULL,
	"key_id" text NOT NULL,
	CONSTRAINT "ledger_tree_heads_company_id_tree_size_pk" PRIMARY KEY("company_id","tree_size")
);
--> statement-breakpoint
ALTER TABLE "ledger_entries" ADD CONSTRAINT "ledger_entries_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_tree_heads" ADD CONSTRAINT "ledger_tree_heads_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "ledger_tree_heads_signed_at_idx" ON "ledger_tree_heads" USING btree ("company_id","signed_at");