ALTER TABLE "users" DROP CONSTRAINT "users_email_unique";--> statement-breakpoint
ALTER TABLE "companies" ADD COLUMN "address" text;--> statement-breakpoint
ALTER TABLE "companies" ADD COLUMN "licence_number" text;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "email_index" text;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "phone" text;--> statement-breakpoint
ALTER TABLE "invitations" ADD COLUMN "email_index" text;--> statement-breakpoint
CREATE INDEX "invitations_email_index_idx" ON "invitations" USING btree ("email_index");--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_email_index_unique" UNIQUE("email_index");