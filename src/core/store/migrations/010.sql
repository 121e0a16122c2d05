-- Version 10: kept for the indexes of the list of open actions (issue 12's
-- figures); nothing yet.
SELECT 1;
