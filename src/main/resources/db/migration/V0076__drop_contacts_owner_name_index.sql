-- V0075's index served reading a sales rep's contact pages one owner range at a time. That was withdrawn: with
-- rare search words every range is walked to its end (docs/benchmarks.md, "Fifth round"), and the index cost the
-- import about a fifth of its speed. Versions only grow (ADR 0005), so it is dropped here.
drop index if exists contacts_owner_sort_name_idx;
