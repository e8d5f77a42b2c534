-- Who runs an import (issue 12; V7 is the role passphrase of the workflow branch): a run still 'running' whose process is gone was killed or crashed;
-- it is then shown and stored as 'interrupted', and importing the same sources again completes it.
-- NULL for runs stored before version 8.
ALTER TABLE import_run ADD COLUMN owner_pid INTEGER;
ALTER TABLE import_run ADD COLUMN owner_host TEXT;
ALTER TABLE import_run ADD COLUMN owner_started TEXT;   -- the process's start time, so a reused pid is not taken for it
