-- Trigram similarity for names and typos (directory search) and GiST over scalars (exclusion
-- constraints against double booking). Both are trusted extensions on PostgreSQL 13+, and
-- PGlite loads them from the list in src/server/db/client.ts.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS btree_gist;
