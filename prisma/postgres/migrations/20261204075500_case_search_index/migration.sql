-- Trigram indexes, so that a search for a text inside titles and references (ILIKE '%…%')
-- reads an index instead of every case. pg_trgm ships with PostgreSQL and is a trusted
-- extension: the database owner may create it. Prisma's diff does not manage extensions.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- CreateIndex
CREATE INDEX "Case_title_trgm_idx" ON "Case" USING GIN ("title" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "Case_reference_trgm_idx" ON "Case" USING GIN ("reference" gin_trgm_ops);
