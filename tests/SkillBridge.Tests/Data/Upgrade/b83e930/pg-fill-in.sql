-- Run by make-fixtures.sh (pg mode, PG_FILL_IN=pg-fill-in.sql) after the activity and before pg_dump.
-- It writes the rows that two activity steps could not write through the site on PostgreSQL at b83e930 (both
-- fail with InvalidCastException reading a list-valued column; see README.md), with the same values the SQLite
-- run wrote through the site. Each statement does nothing if its rows are already there.
-- List-valued columns are written the way b83e930 itself writes them on PostgreSQL (a text[] parameter stored in a
-- text column, i.e. array-literal text such as {"short video",captions}), like every other such row in this
-- database, not as the JSON arrays SQLite holds.
BEGIN;

-- 1. Helen Carter asks Tom Okafor, an author of share-your-screen, for a 30-minute follow-up session, proposing
--    two times (14 days from today at 10:00 and 15 days from today at 14:30, Europe/London, her time zone).
--    What MentoringService.RequestAsync writes: the request, its proposed times and a notification for the author.
WITH target AS (
    SELECT m."Id" AS module_id, l."Id" AS learner_id, a."Id" AS author_id
    FROM "Modules" m, "AspNetUsers" l, "AspNetUsers" a
    WHERE m."Slug" = 'share-your-screen' AND l."UserName" = 'helen.carter' AND a."UserName" = 'tom.okafor'
      AND NOT EXISTS (SELECT 1 FROM "MentoringRequests" r
                      WHERE r."ModuleId" = m."Id" AND r."LearnerId" = l."Id" AND r."AuthorId" = a."Id")
), request AS (
    INSERT INTO "MentoringRequests" ("ModuleId", "LearnerId", "AuthorId", "Message", "DurationMinutes", "State",
        "StartsAt", "EndsAt", "CalendarUid", "Sequence", "Round", "DeclineNote", "CancelNote", "CancelledBy",
        "CreatedAt", "UpdatedAt", "Version")
    SELECT module_id, learner_id, author_id,
        'Thanks for the module. Could you show me how to share a single slide deck in a Teams meeting with a client, and what to do when the window list is empty?',
        30, 'Requested', NULL, NULL, replace(gen_random_uuid()::text, '-', '') || '@skillbridge', 0, 1, NULL, NULL, NULL,
        now(), now(), 0
    FROM target
    RETURNING "Id"
), times AS (
    INSERT INTO "ProposedTimes" ("RequestId", "StartsAt", "ProposedBy", "Round")
    SELECT r."Id", t.starts, 'Learner', 1
    FROM request r
    CROSS JOIN (VALUES
        (1, (((now() AT TIME ZONE 'UTC')::date + 14) + time '10:00') AT TIME ZONE 'Europe/London'),
        (2, (((now() AT TIME ZONE 'UTC')::date + 15) + time '14:30') AT TIME ZONE 'Europe/London')) AS t(n, starts)
    ORDER BY t.n
)
INSERT INTO "Notifications" ("UserId", "Text", "Link", "CreatedAt", "ReadAt")
SELECT (SELECT author_id FROM target),
    'Helen Carter asked you for a follow-up session on “Share one window in a video call”.',
    '/mentoring/' || r."Id", now(), NULL
FROM request r;

-- 2. Priya Shah saves her new draft in the editor: summary, category, six minutes, three tags, a second author
--    (Aisha Rahman) and a two-step body. What DraftEditor.SaveAsync writes: the draft row, version + 1.
UPDATE "ModuleDrafts" d SET
    "Title" = 'Add captions to a short video',
    "Summary" = 'Most people watch short videos with the sound off; captions make sure they still get the message.',
    "CategoryId" = (SELECT c."Id" FROM "Categories" c WHERE c."Key" = 'social-media'),
    "Tags" = ARRAY['short video', 'captions', 'accessibility']::text,
    "Level" = 'Beginner',
    "Minutes" = 6,
    "Cover" = NULL,
    "Body" = E'Captions help everyone who watches with the sound off.\n\n## Turn on automatic captions\nMost apps offer them when you upload.\n\n## Check the words\nRead them once: names and product words are often wrong.',
    "Authors" = ARRAY['priya.shah', 'aisha.rahman']::text,
    "Version" = d."Version" + 1,
    "UpdatedAt" = now(),
    "UpdatedBy" = 'priya.shah'
FROM "Modules" m
WHERE m."Id" = d."ModuleId" AND m."Slug" = 'add-captions-to-a-short-video' AND d."Version" = 1;

COMMIT;
