CREATE TABLE "qa_documents" (
	"company_id" uuid NOT NULL,
	"document_id" uuid NOT NULL,
	"type" text NOT NULL,
	"title" text NOT NULL,
	"status" text NOT NULL,
	"current_version" integer NOT NULL,
	"state" jsonb NOT NULL,
	"updated_seq" bigint NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "qa_documents_company_id_document_id_pk" PRIMARY KEY("company_id","document_id")
);
--> statement-breakpoint
CREATE TABLE "qa_ops" (
	"company_id" uuid NOT NULL,
	"op_id" uuid NOT NULL,
	"status" text NOT NULL,
	"seq" bigint,
	"error" jsonb,
	"user_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "qa_ops_company_id_op_id_pk" PRIMARY KEY("company_id","op_id"),
	CONSTRAINT "qa_ops_outcome_check" CHECK (("status" = 'applied' and "seq" is not null and "error" is null) or ("status" = 'rejected' and "seq" is null and "error" is not null))
);
--> statement-breakpoint
CREATE TABLE "qa_policies" (
	"company_id" uuid PRIMARY KEY NOT NULL,
	"policy" jsonb NOT NULL,
	"seq" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "signing_keys" (
	"company_id" uuid NOT NULL,
	"key_id" text NOT NULL,
	"user_id" uuid NOT NULL,
	"printed_name" text NOT NULL,
	"public_key" text NOT NULL,
	"registered_seq" bigint NOT NULL,
	"registered_at" timestamp with time zone NOT NULL,
	"retired_seq" bigint,
	"revoked_seq" bigint,
	"revoked_reason" text,
	CONSTRAINT "signing_keys_company_id_key_id_pk" PRIMARY KEY("company_id","key_id")
);
--> statement-breakpoint
ALTER TABLE "qa_documents" ADD CONSTRAINT "qa_documents_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "qa_ops" ADD CONSTRAINT "qa_ops_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "qa_ops" ADD CONSTRAINT "qa_ops_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "qa_policies" ADD CONSTRAINT "qa_policies_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "signing_keys" ADD CONSTRAINT "signing_keys_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "signing_keys" ADD CONSTRAINT "signing_keys_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "qa_documents_status_idx" ON "qa_documents" USING btree ("company_id","type","status");--> statement-breakpoint
CREATE INDEX "signing_keys_user_idx" ON "signing_keys" USING btree ("company_id","user_id");