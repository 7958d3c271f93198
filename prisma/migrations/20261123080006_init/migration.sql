-- CreateEnum
CREATE TYPE "UnitKind" AS ENUM ('CITY', 'COORDINATOR', 'INSPECTORATE', 'OPD', 'KECAMATAN', 'KELURAHAN', 'PUSKESMAS', 'HOSPITAL', 'OTHER');

-- CreateEnum
CREATE TYPE "RegionKind" AS ENUM ('KECAMATAN', 'KELURAHAN');

-- CreateEnum
CREATE TYPE "ComplaintStatus" AS ENUM ('SUBMITTED', 'ON_HOLD', 'VERIFIED', 'REJECTED', 'DUPLICATE', 'ASSIGNED', 'IN_PROGRESS', 'AWAITING_CITIZEN', 'RESOLVED', 'REOPENED', 'APPEALED', 'CLOSED', 'WITHDRAWN');

-- CreateEnum
CREATE TYPE "Visibility" AS ENUM ('PUBLIC', 'RAHASIA', 'ANONIM');

-- CreateEnum
CREATE TYPE "Channel" AS ENUM ('WEB', 'OPEN311', 'EMAIL', 'PHONE', 'WALK_IN', 'SP4N_LAPOR', 'SOCIAL_MEDIA');

-- CreateEnum
CREATE TYPE "Priority" AS ENUM ('LOW', 'NORMAL', 'HIGH', 'URGENT');

-- CreateEnum
CREATE TYPE "SlaStage" AS ENUM ('VERIFICATION', 'FIRST_RESPONSE', 'RESOLUTION', 'CITIZEN_REPLY', 'CONFIRMATION', 'APPEAL_REVIEW');

-- CreateEnum
CREATE TYPE "EventType" AS ENUM ('SUBMITTED', 'VERIFIED', 'REJECTED', 'HELD', 'RELEASED', 'MARKED_DUPLICATE', 'ROUTED', 'ASSIGNED', 'ACKNOWLEDGED', 'INFO_REQUESTED', 'CITIZEN_REPLIED', 'RESPONDED', 'RESOLUTION_PROPOSED', 'RESOLUTION_CONFIRMED', 'RESOLUTION_REJECTED', 'REOPENED', 'CLOSED', 'AUTO_CLOSED', 'RATED', 'APPEALED', 'APPEAL_DECIDED', 'WITHDRAWN', 'TRANSFERRED', 'NOTE', 'ESCALATED', 'REMINDER_SENT', 'DEADLINE_SET');

-- CreateEnum
CREATE TYPE "EventVisibility" AS ENUM ('PUBLIC', 'INTERNAL');

-- CreateEnum
CREATE TYPE "ActorKind" AS ENUM ('CITIZEN', 'STAFF', 'SYSTEM');

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('CITIZEN', 'OFFICER', 'UNIT_HEAD', 'COORDINATOR', 'INSPECTORATE', 'LIAISON', 'ADMIN');

-- CreateEnum
CREATE TYPE "DurationUnit" AS ENUM ('WORKING_DAYS', 'WORKING_HOURS', 'WORKING_MINUTES', 'CALENDAR_DAYS');

-- CreateEnum
CREATE TYPE "HolidayKind" AS ENUM ('NATIONAL', 'CUTI_BERSAMA', 'LOCAL');

-- CreateEnum
CREATE TYPE "EmailStatus" AS ENUM ('PENDING', 'SENT', 'FAILED', 'DEV_MAILBOX');

-- CreateEnum
CREATE TYPE "AssessmentMethod" AS ENUM ('ZONA_2013', 'DIMENSI_2022', 'OPINI_2025');

-- CreateEnum
CREATE TYPE "AssessmentScope" AS ENUM ('CITY', 'UNIT', 'PRODUCT');

-- CreateEnum
CREATE TYPE "ComplianceZone" AS ENUM ('MERAH', 'KUNING', 'HIJAU');

-- CreateEnum
CREATE TYPE "AssessmentDimension" AS ENUM ('INPUT', 'PROSES', 'OUTPUT', 'PENGADUAN', 'KEPERCAYAAN_MASYARAKAT');

-- CreateTable
CREATE TABLE "region" (
    "code" TEXT NOT NULL,
    "kind" "RegionKind" NOT NULL,
    "name" TEXT NOT NULL,
    "parent_code" TEXT,

    CONSTRAINT "region_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "service_unit" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "code" TEXT NOT NULL,
    "kind" "UnitKind" NOT NULL,
    "name" TEXT NOT NULL,
    "short_name" TEXT NOT NULL,
    "parent_id" UUID,
    "region_code" TEXT,
    "contact_emails" TEXT[],
    "calendar_id" UUID,
    "is_active" BOOLEAN NOT NULL DEFAULT true,
    "is_demo" BOOLEAN NOT NULL DEFAULT false,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "service_unit_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "service_product" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "code" TEXT NOT NULL,
    "unit_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "name_en" TEXT NOT NULL,
    "description" TEXT,
    "is_active" BOOLEAN NOT NULL DEFAULT true,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "service_product_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "maladministration_form" (
    "code" TEXT NOT NULL,
    "name_id" TEXT NOT NULL,
    "name_en" TEXT NOT NULL,
    "description_id" TEXT NOT NULL,
    "description_en" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "sort_order" INTEGER NOT NULL,

    CONSTRAINT "maladministration_form_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "service_standard_component" (
    "number" INTEGER NOT NULL,
    "code" TEXT NOT NULL,
    "name_id" TEXT NOT NULL,
    "name_en" TEXT NOT NULL,
    "group" TEXT NOT NULL,
    "source" TEXT NOT NULL,

    CONSTRAINT "service_standard_component_pkey" PRIMARY KEY ("number")
);

-- CreateTable
CREATE TABLE "complaint" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "tracking_code" TEXT NOT NULL,
    "pin_hash" TEXT NOT NULL,
    "idempotency_key" TEXT,
    "unit_id" UUID,
    "product_id" UUID,
    "maladministration_code" TEXT,
    "category" TEXT,
    "title" TEXT,
    "description" TEXT NOT NULL,
    "incident_date" DATE,
    "kecamatan_code" TEXT,
    "kelurahan_code" TEXT,
    "address" TEXT,
    "latitude" DECIMAL(9,6),
    "longitude" DECIMAL(9,6),
    "channel" "Channel" NOT NULL DEFAULT 'WEB',
    "visibility" "Visibility" NOT NULL DEFAULT 'PUBLIC',
    "status" "ComplaintStatus" NOT NULL DEFAULT 'SUBMITTED',
    "priority" "Priority" NOT NULL DEFAULT 'NORMAL',
    "locale" TEXT NOT NULL DEFAULT 'id',
    "complainant_id" UUID,
    "assigned_officer_id" UUID,
    "duplicate_of_id" UUID,
    "sla_policy_id" UUID,
    "escalation_level" INTEGER NOT NULL DEFAULT 0,
    "verification_due_at" TIMESTAMPTZ(3),
    "first_response_due_at" TIMESTAMPTZ(3),
    "resolution_due_at" TIMESTAMPTZ(3),
    "citizen_reply_due_at" TIMESTAMPTZ(3),
    "confirmation_due_at" TIMESTAMPTZ(3),
    "next_due_at" TIMESTAMPTZ(3),
    "next_due_stage" "SlaStage",
    "submitted_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "verified_at" TIMESTAMPTZ(3),
    "first_responded_at" TIMESTAMPTZ(3),
    "resolved_at" TIMESTAMPTZ(3),
    "closed_at" TIMESTAMPTZ(3),
    "rating" INTEGER,
    "rating_comment" TEXT,
    "is_demo" BOOLEAN NOT NULL DEFAULT false,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "complaint_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "complainant" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "name" TEXT,
    "email" TEXT,
    "phone" TEXT,
    "nik" TEXT,
    "address" TEXT,
    "user_id" UUID,
    "consent_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "complainant_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "identity_access" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "complaint_id" UUID NOT NULL,
    "complainant_id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "purpose" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "identity_access_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "complaint_event" (
    "id" BIGSERIAL NOT NULL,
    "complaint_id" UUID NOT NULL,
    "type" "EventType" NOT NULL,
    "visibility" "EventVisibility" NOT NULL DEFAULT 'INTERNAL',
    "actor_kind" "ActorKind" NOT NULL,
    "actor_user_id" UUID,
    "actor_unit_id" UUID,
    "from_status" "ComplaintStatus",
    "to_status" "ComplaintStatus",
    "message" TEXT,
    "payload" JSONB NOT NULL DEFAULT '{}',
    "occurred_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "complaint_event_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "attachment_blob" (
    "sha256" TEXT NOT NULL,
    "size_bytes" INTEGER NOT NULL,
    "mime_type" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "attachment_blob_pkey" PRIMARY KEY ("sha256")
);

-- CreateTable
CREATE TABLE "attachment" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "complaint_id" UUID NOT NULL,
    "event_id" BIGINT,
    "sha256" TEXT NOT NULL,
    "original_name" TEXT NOT NULL,
    "uploaded_by" "ActorKind" NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "attachment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "escalation" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "complaint_id" UUID NOT NULL,
    "stage" "SlaStage" NOT NULL,
    "level" INTEGER NOT NULL,
    "breached_due_at" TIMESTAMPTZ(3) NOT NULL,
    "target_unit_id" UUID,
    "target_role" "Role" NOT NULL,
    "due_at" TIMESTAMPTZ(3),
    "escalated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "settled_at" TIMESTAMPTZ(3),

    CONSTRAINT "escalation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "app_user" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "password_hash" TEXT,
    "locale" TEXT NOT NULL DEFAULT 'id',
    "is_active" BOOLEAN NOT NULL DEFAULT true,
    "must_change_password" BOOLEAN NOT NULL DEFAULT false,
    "failed_login_count" INTEGER NOT NULL DEFAULT 0,
    "locked_until" TIMESTAMPTZ(3),
    "last_login_at" TIMESTAMPTZ(3),
    "is_demo" BOOLEAN NOT NULL DEFAULT false,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "app_user_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "membership" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "user_id" UUID NOT NULL,
    "unit_id" UUID NOT NULL,
    "role" "Role" NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "membership_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "session" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "user_id" UUID NOT NULL,
    "token_hash" TEXT NOT NULL,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "session_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "password_reset_token" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "user_id" UUID NOT NULL,
    "token_hash" TEXT NOT NULL,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "used_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "password_reset_token_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "audit_log" (
    "id" BIGSERIAL NOT NULL,
    "actor_user_id" UUID,
    "action" TEXT NOT NULL,
    "entity" TEXT NOT NULL,
    "entity_id" TEXT,
    "data" JSONB NOT NULL DEFAULT '{}',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "audit_log_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "sla_policy" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "unit_id" UUID,
    "product_id" UUID,
    "category" TEXT,
    "priority" "Priority",
    "pause_statuses" "ComplaintStatus"[],
    "reminder_percent" INTEGER NOT NULL DEFAULT 75,
    "is_active" BOOLEAN NOT NULL DEFAULT true,
    "source" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "sla_policy_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "sla_target" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "policy_id" UUID NOT NULL,
    "stage" "SlaStage" NOT NULL,
    "amount" INTEGER NOT NULL,
    "unit" "DurationUnit" NOT NULL,
    "source" TEXT NOT NULL,

    CONSTRAINT "sla_target_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "work_calendar" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "timezone" TEXT NOT NULL DEFAULT 'Asia/Jakarta',
    "weekly_hours" JSONB NOT NULL,
    "observes_cuti_bersama" BOOLEAN NOT NULL DEFAULT true,
    "is_default" BOOLEAN NOT NULL DEFAULT false,
    "source" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "work_calendar_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "holiday" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "date" DATE NOT NULL,
    "kind" "HolidayKind" NOT NULL,
    "name" TEXT NOT NULL,
    "name_en" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "source_url" TEXT,
    "confirmed" BOOLEAN NOT NULL DEFAULT true,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "holiday_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "outbox_message" (
    "id" BIGSERIAL NOT NULL,
    "queue" TEXT NOT NULL,
    "job_name" TEXT NOT NULL,
    "job_id" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "available_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "dispatched_at" TIMESTAMPTZ(3),
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "last_error" TEXT,

    CONSTRAINT "outbox_message_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "email_message" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "dedupe_key" TEXT NOT NULL,
    "complaint_id" UUID,
    "template" TEXT NOT NULL,
    "locale" TEXT NOT NULL,
    "to_address" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "body_text" TEXT NOT NULL,
    "body_html" TEXT,
    "status" "EmailStatus" NOT NULL DEFAULT 'PENDING',
    "provider_message_id" TEXT,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "last_error" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sent_at" TIMESTAMPTZ(3),

    CONSTRAINT "email_message_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "worker_heartbeat" (
    "worker_id" TEXT NOT NULL,
    "hostname" TEXT NOT NULL,
    "pid" INTEGER NOT NULL,
    "queues" TEXT[],
    "started_at" TIMESTAMPTZ(3) NOT NULL,
    "beat_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "worker_heartbeat_pkey" PRIMARY KEY ("worker_id")
);

-- CreateTable
CREATE TABLE "compliance_assessment" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "year" INTEGER NOT NULL,
    "method" "AssessmentMethod" NOT NULL,
    "scope" "AssessmentScope" NOT NULL,
    "subject_key" TEXT NOT NULL,
    "unit_id" UUID,
    "product_id" UUID,
    "total_score" DECIMAL(5,2),
    "zone" "ComplianceZone",
    "grade" TEXT,
    "opinion_label" TEXT,
    "without_maladministration" BOOLEAN,
    "product_count" INTEGER,
    "source" TEXT NOT NULL,
    "source_url" TEXT,
    "confirmed" BOOLEAN NOT NULL DEFAULT true,
    "notes" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "compliance_assessment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "dimension_score" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "assessment_id" UUID NOT NULL,
    "dimension" "AssessmentDimension" NOT NULL,
    "score" DECIMAL(5,2) NOT NULL,
    "weight" DECIMAL(5,2),

    CONSTRAINT "dimension_score_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "component_finding" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "assessment_id" UUID NOT NULL,
    "product_id" UUID,
    "component_number" INTEGER NOT NULL,
    "compliant" BOOLEAN,
    "score" DECIMAL(5,2),
    "note" TEXT,

    CONSTRAINT "component_finding_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "region_parent_code_idx" ON "region"("parent_code");

-- CreateIndex
CREATE UNIQUE INDEX "service_unit_code_key" ON "service_unit"("code");

-- CreateIndex
CREATE INDEX "service_unit_parent_id_idx" ON "service_unit"("parent_id");

-- CreateIndex
CREATE UNIQUE INDEX "service_product_code_key" ON "service_product"("code");

-- CreateIndex
CREATE INDEX "service_product_unit_id_idx" ON "service_product"("unit_id");

-- CreateIndex
CREATE UNIQUE INDEX "service_standard_component_code_key" ON "service_standard_component"("code");

-- CreateIndex
CREATE UNIQUE INDEX "complaint_tracking_code_key" ON "complaint"("tracking_code");

-- CreateIndex
CREATE UNIQUE INDEX "complaint_idempotency_key_key" ON "complaint"("idempotency_key");

-- CreateIndex
CREATE UNIQUE INDEX "complaint_complainant_id_key" ON "complaint"("complainant_id");

-- CreateIndex
CREATE INDEX "complaint_unit_id_status_next_due_at_idx" ON "complaint"("unit_id", "status", "next_due_at");

-- CreateIndex
CREATE INDEX "complaint_next_due_at_idx" ON "complaint"("next_due_at");

-- CreateIndex
CREATE INDEX "complaint_unit_id_submitted_at_idx" ON "complaint"("unit_id", "submitted_at");

-- CreateIndex
CREATE INDEX "complaint_status_submitted_at_idx" ON "complaint"("status", "submitted_at");

-- CreateIndex
CREATE INDEX "complaint_product_id_submitted_at_idx" ON "complaint"("product_id", "submitted_at");

-- CreateIndex
CREATE INDEX "complaint_assigned_officer_id_status_idx" ON "complaint"("assigned_officer_id", "status");

-- CreateIndex
CREATE INDEX "complainant_user_id_idx" ON "complainant"("user_id");

-- CreateIndex
CREATE INDEX "identity_access_complaint_id_created_at_idx" ON "identity_access"("complaint_id", "created_at");

-- CreateIndex
CREATE INDEX "identity_access_user_id_created_at_idx" ON "identity_access"("user_id", "created_at");

-- CreateIndex
CREATE INDEX "complaint_event_complaint_id_occurred_at_idx" ON "complaint_event"("complaint_id", "occurred_at");

-- CreateIndex
CREATE INDEX "complaint_event_type_occurred_at_idx" ON "complaint_event"("type", "occurred_at");

-- CreateIndex
CREATE INDEX "attachment_complaint_id_idx" ON "attachment"("complaint_id");

-- CreateIndex
CREATE INDEX "attachment_sha256_idx" ON "attachment"("sha256");

-- CreateIndex
CREATE INDEX "escalation_target_role_settled_at_idx" ON "escalation"("target_role", "settled_at");

-- CreateIndex
CREATE INDEX "escalation_due_at_idx" ON "escalation"("due_at");

-- CreateIndex
CREATE UNIQUE INDEX "escalation_complaint_id_stage_level_breached_due_at_key" ON "escalation"("complaint_id", "stage", "level", "breached_due_at");

-- CreateIndex
CREATE UNIQUE INDEX "app_user_email_key" ON "app_user"("email");

-- CreateIndex
CREATE INDEX "membership_unit_id_role_idx" ON "membership"("unit_id", "role");

-- CreateIndex
CREATE UNIQUE INDEX "membership_user_id_unit_id_role_key" ON "membership"("user_id", "unit_id", "role");

-- CreateIndex
CREATE UNIQUE INDEX "session_token_hash_key" ON "session"("token_hash");

-- CreateIndex
CREATE INDEX "session_user_id_idx" ON "session"("user_id");

-- CreateIndex
CREATE INDEX "session_expires_at_idx" ON "session"("expires_at");

-- CreateIndex
CREATE UNIQUE INDEX "password_reset_token_token_hash_key" ON "password_reset_token"("token_hash");

-- CreateIndex
CREATE INDEX "password_reset_token_user_id_idx" ON "password_reset_token"("user_id");

-- CreateIndex
CREATE INDEX "audit_log_entity_entity_id_idx" ON "audit_log"("entity", "entity_id");

-- CreateIndex
CREATE INDEX "audit_log_actor_user_id_created_at_idx" ON "audit_log"("actor_user_id", "created_at");

-- CreateIndex
CREATE UNIQUE INDEX "sla_policy_code_key" ON "sla_policy"("code");

-- CreateIndex
CREATE INDEX "sla_policy_unit_id_product_id_idx" ON "sla_policy"("unit_id", "product_id");

-- CreateIndex
CREATE UNIQUE INDEX "sla_target_policy_id_stage_key" ON "sla_target"("policy_id", "stage");

-- CreateIndex
CREATE UNIQUE INDEX "work_calendar_code_key" ON "work_calendar"("code");

-- CreateIndex
CREATE UNIQUE INDEX "holiday_date_kind_key" ON "holiday"("date", "kind");

-- CreateIndex
CREATE INDEX "outbox_message_dispatched_at_available_at_idx" ON "outbox_message"("dispatched_at", "available_at");

-- CreateIndex
CREATE UNIQUE INDEX "email_message_dedupe_key_key" ON "email_message"("dedupe_key");

-- CreateIndex
CREATE INDEX "email_message_status_created_at_idx" ON "email_message"("status", "created_at");

-- CreateIndex
CREATE INDEX "email_message_complaint_id_idx" ON "email_message"("complaint_id");

-- CreateIndex
CREATE INDEX "compliance_assessment_unit_id_year_idx" ON "compliance_assessment"("unit_id", "year");

-- CreateIndex
CREATE UNIQUE INDEX "compliance_assessment_year_method_subject_key_key" ON "compliance_assessment"("year", "method", "subject_key");

-- CreateIndex
CREATE UNIQUE INDEX "dimension_score_assessment_id_dimension_key" ON "dimension_score"("assessment_id", "dimension");

-- CreateIndex
CREATE INDEX "component_finding_assessment_id_idx" ON "component_finding"("assessment_id");

-- CreateIndex
CREATE INDEX "component_finding_product_id_idx" ON "component_finding"("product_id");

-- AddForeignKey
ALTER TABLE "region" ADD CONSTRAINT "region_parent_code_fkey" FOREIGN KEY ("parent_code") REFERENCES "region"("code") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "service_unit" ADD CONSTRAINT "service_unit_parent_id_fkey" FOREIGN KEY ("parent_id") REFERENCES "service_unit"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "service_unit" ADD CONSTRAINT "service_unit_region_code_fkey" FOREIGN KEY ("region_code") REFERENCES "region"("code") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "service_unit" ADD CONSTRAINT "service_unit_calendar_id_fkey" FOREIGN KEY ("calendar_id") REFERENCES "work_calendar"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "service_product" ADD CONSTRAINT "service_product_unit_id_fkey" FOREIGN KEY ("unit_id") REFERENCES "service_unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "complaint" ADD CONSTRAINT "complaint_unit_id_fkey" FOREIGN KEY ("unit_id") REFERENCES "service_unit"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "complaint" ADD CONSTRAINT "complaint_product_id_fkey" FOREIGN KEY ("product_id") REFERENCES "service_product"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "complaint" ADD CONSTRAINT "complaint_maladministration_code_fkey" FOREIGN KEY ("maladministration_code") REFERENCES "maladministration_form"("code") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "complaint" ADD CONSTRAINT "complaint_kecamatan_code_fkey" FOREIGN KEY ("kecamatan_code") REFERENCES "region"("code") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "complaint" ADD CONSTRAINT "complaint_kelurahan_code_fkey" FOREIGN KEY ("kelurahan_code") REFERENCES "region"("code") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "complaint" ADD CONSTRAINT "complaint_complainant_id_fkey" FOREIGN KEY ("complainant_id") REFERENCES "complainant"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "complaint" ADD CONSTRAINT "complaint_assigned_officer_id_fkey" FOREIGN KEY ("assigned_officer_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "complaint" ADD CONSTRAINT "complaint_duplicate_of_id_fkey" FOREIGN KEY ("duplicate_of_id") REFERENCES "complaint"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "complaint" ADD CONSTRAINT "complaint_sla_policy_id_fkey" FOREIGN KEY ("sla_policy_id") REFERENCES "sla_policy"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "complainant" ADD CONSTRAINT "complainant_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "identity_access" ADD CONSTRAINT "identity_access_complaint_id_fkey" FOREIGN KEY ("complaint_id") REFERENCES "complaint"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "identity_access" ADD CONSTRAINT "identity_access_complainant_id_fkey" FOREIGN KEY ("complainant_id") REFERENCES "complainant"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "identity_access" ADD CONSTRAINT "identity_access_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "complaint_event" ADD CONSTRAINT "complaint_event_complaint_id_fkey" FOREIGN KEY ("complaint_id") REFERENCES "complaint"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "complaint_event" ADD CONSTRAINT "complaint_event_actor_user_id_fkey" FOREIGN KEY ("actor_user_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "attachment" ADD CONSTRAINT "attachment_complaint_id_fkey" FOREIGN KEY ("complaint_id") REFERENCES "complaint"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "attachment" ADD CONSTRAINT "attachment_event_id_fkey" FOREIGN KEY ("event_id") REFERENCES "complaint_event"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "attachment" ADD CONSTRAINT "attachment_sha256_fkey" FOREIGN KEY ("sha256") REFERENCES "attachment_blob"("sha256") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "escalation" ADD CONSTRAINT "escalation_complaint_id_fkey" FOREIGN KEY ("complaint_id") REFERENCES "complaint"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "escalation" ADD CONSTRAINT "escalation_target_unit_id_fkey" FOREIGN KEY ("target_unit_id") REFERENCES "service_unit"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "membership" ADD CONSTRAINT "membership_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "membership" ADD CONSTRAINT "membership_unit_id_fkey" FOREIGN KEY ("unit_id") REFERENCES "service_unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "session" ADD CONSTRAINT "session_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "password_reset_token" ADD CONSTRAINT "password_reset_token_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_actor_user_id_fkey" FOREIGN KEY ("actor_user_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "sla_policy" ADD CONSTRAINT "sla_policy_unit_id_fkey" FOREIGN KEY ("unit_id") REFERENCES "service_unit"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "sla_policy" ADD CONSTRAINT "sla_policy_product_id_fkey" FOREIGN KEY ("product_id") REFERENCES "service_product"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "sla_target" ADD CONSTRAINT "sla_target_policy_id_fkey" FOREIGN KEY ("policy_id") REFERENCES "sla_policy"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "email_message" ADD CONSTRAINT "email_message_complaint_id_fkey" FOREIGN KEY ("complaint_id") REFERENCES "complaint"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "compliance_assessment" ADD CONSTRAINT "compliance_assessment_unit_id_fkey" FOREIGN KEY ("unit_id") REFERENCES "service_unit"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "compliance_assessment" ADD CONSTRAINT "compliance_assessment_product_id_fkey" FOREIGN KEY ("product_id") REFERENCES "service_product"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "dimension_score" ADD CONSTRAINT "dimension_score_assessment_id_fkey" FOREIGN KEY ("assessment_id") REFERENCES "compliance_assessment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "component_finding" ADD CONSTRAINT "component_finding_assessment_id_fkey" FOREIGN KEY ("assessment_id") REFERENCES "compliance_assessment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "component_finding" ADD CONSTRAINT "component_finding_product_id_fkey" FOREIGN KEY ("product_id") REFERENCES "service_product"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "component_finding" ADD CONSTRAINT "component_finding_component_number_fkey" FOREIGN KEY ("component_number") REFERENCES "service_standard_component"("number") ON DELETE RESTRICT ON UPDATE CASCADE;

