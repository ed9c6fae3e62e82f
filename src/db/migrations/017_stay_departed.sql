-- 017: the people who stayed at a centre on a past day (the attendance roll
-- of a session, later the counters and reports) are those still there and
-- those who left on or after that day; the second half read the whole stay
-- table. Ended stays by centre and departure day.
CREATE INDEX stay_departed ON stay(centre_id, departed, admitted) WHERE departed IS NOT NULL;
