-- AlterTable
ALTER TABLE "Activity" ADD COLUMN     "addressForGoingOnly" BOOLEAN NOT NULL DEFAULT false;


-- Free-text search (decision 044): a tsvector column on each activity text, written by a trigger
-- from the text and the activity's place (venue, municipality, group), with a GIN index. Every
-- text is indexed with the 'simple' configuration (Ukrainian and Arabic have none in PostgreSQL);
-- Dutch and English texts also with their stemming configuration. Not in schema.prisma: Prisma
-- never reads or writes it.
ALTER TABLE "ActivityContent" ADD COLUMN "searchDocument" tsvector;

-- Accents folded as app/domain/search/terms.ts folds the words searched for (no extension needed).
CREATE FUNCTION "search_fold"(value text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT translate(lower(coalesce(value, '')), 'áàâäãåéèêëíìîïóòôöõúùûüýÿçñ', 'aaaaaaeeeeiiiiooooouuuuyycn')
$$;

CREATE FUNCTION "activity_search_document"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  place text;
  stemmed regconfig := CASE NEW."locale" WHEN 'nl' THEN 'dutch'::regconfig WHEN 'en' THEN 'english'::regconfig ELSE NULL END;
BEGIN
  SELECT concat_ws(' ', CASE WHEN a."addressForGoingOnly" THEN NULL ELSE a."venue" END, m."name", g."name") INTO place
  FROM "Activity" a LEFT JOIN "Municipality" m ON m."code" = a."municipalityCode" LEFT JOIN "Group" g ON g."id" = a."groupId"
  WHERE a."id" = NEW."activityId";
  NEW."searchDocument" :=
    setweight(to_tsvector('simple', search_fold(NEW."title")), 'A') ||
    setweight(to_tsvector('simple', search_fold(NEW."summary")), 'B') ||
    setweight(to_tsvector('simple', search_fold(coalesce(place, ''))), 'C') ||
    setweight(to_tsvector('simple', search_fold(NEW."description")), 'D');
  IF stemmed IS NOT NULL THEN
    NEW."searchDocument" := NEW."searchDocument" ||
      setweight(to_tsvector(stemmed, search_fold(NEW."title")), 'A') ||
      setweight(to_tsvector(stemmed, search_fold(NEW."summary")), 'B') ||
      setweight(to_tsvector(stemmed, search_fold(NEW."description")), 'D');
  END IF;
  RETURN NEW;
END $$;

CREATE TRIGGER "ActivitySearch_document" BEFORE INSERT OR UPDATE OF "title", "summary", "description" ON "ActivityContent"
FOR EACH ROW EXECUTE FUNCTION "activity_search_document"();

CREATE INDEX "ActivityContent_searchDocument_idx" ON "ActivityContent" USING GIN ("searchDocument");

-- A change of place writes the activity's texts again (their trigger reads the place); a sign-up,
-- which updates the seat count, does not.
CREATE FUNCTION "activity_search_place"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_TABLE_NAME = 'Group' THEN
    UPDATE "ActivityContent" SET "title" = "title" WHERE "activityId" IN (SELECT "id" FROM "Activity" WHERE "groupId" = NEW."id");
  ELSE
    UPDATE "ActivityContent" SET "title" = "title" WHERE "activityId" = NEW."id";
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER "ActivitySearch_place_update" AFTER UPDATE OF "venue", "addressForGoingOnly", "municipalityCode", "groupId" ON "Activity"
FOR EACH ROW WHEN (OLD."venue" IS DISTINCT FROM NEW."venue" OR OLD."addressForGoingOnly" IS DISTINCT FROM NEW."addressForGoingOnly" OR OLD."municipalityCode" IS DISTINCT FROM NEW."municipalityCode" OR OLD."groupId" IS DISTINCT FROM NEW."groupId")
EXECUTE FUNCTION "activity_search_place"();

CREATE TRIGGER "ActivitySearch_group_rename" AFTER UPDATE OF "name" ON "Group"
FOR EACH ROW WHEN (OLD."name" IS DISTINCT FROM NEW."name")
EXECUTE FUNCTION "activity_search_place"();

UPDATE "ActivityContent" SET "title" = "title";
