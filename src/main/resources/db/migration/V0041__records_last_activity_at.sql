-- Each record module keeps when something last happened on its records (deals had it from V0021).
-- Written by the owning module when the activities module reports a logged activity.
alter table contacts add column last_activity_at timestamptz;
alter table companies add column last_activity_at timestamptz;
alter table leads add column last_activity_at timestamptz;
