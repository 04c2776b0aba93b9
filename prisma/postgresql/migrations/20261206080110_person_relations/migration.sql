-- Registrations, reminder preferences and events now point at Person: rows left behind by a
-- person removed before these keys existed are cleared first, so the keys can hold.
DELETE FROM "Registration" WHERE "personId" NOT IN (SELECT "id" FROM "Person");
DELETE FROM "ReminderPreference" WHERE "personId" NOT IN (SELECT "id" FROM "Person");
UPDATE "Event" SET "createdBy" = NULL WHERE "createdBy" IS NOT NULL AND "createdBy" NOT IN (SELECT "id" FROM "Person");

-- AddForeignKey
ALTER TABLE "Event" ADD CONSTRAINT "Event_createdBy_fkey" FOREIGN KEY ("createdBy") REFERENCES "Person"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Registration" ADD CONSTRAINT "Registration_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReminderPreference" ADD CONSTRAINT "ReminderPreference_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE CASCADE ON UPDATE CASCADE;

