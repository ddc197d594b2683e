-- A trigram index of the cases' titles and references (src/cases/search-index.ts): a search for
-- a text inside them otherwise compares it with every case. FTS5 with "Case" as external
-- content stores only the index; the triggers keep it in step with every write, in the writing
-- transaction. Prisma does not manage virtual tables or triggers (prisma/migration-diff.mjs
-- leaves these tables alone); a migration that rebuilds "Case" drops the triggers and must
-- create them again and run the 'rebuild' below.
CREATE VIRTUAL TABLE "CaseSearch" USING fts5("title", "reference", content = 'Case', tokenize = 'trigram');

INSERT INTO "CaseSearch"("CaseSearch") VALUES ('rebuild');

CREATE TRIGGER "Case_search_insert" AFTER INSERT ON "Case" BEGIN
  INSERT INTO "CaseSearch"(rowid, "title", "reference") VALUES (new.rowid, new."title", new."reference");
END;

CREATE TRIGGER "Case_search_delete" AFTER DELETE ON "Case" BEGIN
  INSERT INTO "CaseSearch"("CaseSearch", rowid, "title", "reference") VALUES ('delete', old.rowid, old."title", old."reference");
END;

CREATE TRIGGER "Case_search_update" AFTER UPDATE OF "title", "reference" ON "Case" BEGIN
  INSERT INTO "CaseSearch"("CaseSearch", rowid, "title", "reference") VALUES ('delete', old.rowid, old."title", old."reference");
  INSERT INTO "CaseSearch"(rowid, "title", "reference") VALUES (new.rowid, new."title", new."reference");
END;
