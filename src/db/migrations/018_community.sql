-- 018: community members: people of the local community registered by the
-- short registration (vocational training takes them on purpose), with no
-- stay in a centre. kind says what a person is now: a community member
-- who later arrives at a centre becomes a migrant and keeps the record, the
-- number and the history. community_since keeps the day they were first
-- registered as a community member (NULL for the others), so figures can
-- still count them as such after the switch. arrival_date holds the
-- registration day and arrival_mode 'other' while they are community
-- members (the columns are NOT NULL); screens say "registered as a
-- community member" instead of an arrival, and figures of arrivals leave
-- out kind = 'community'.
ALTER TABLE person ADD COLUMN kind TEXT NOT NULL DEFAULT 'migrant'
	CHECK (kind IN ('migrant', 'community'));
ALTER TABLE person ADD COLUMN locality TEXT NOT NULL DEFAULT ''
	CHECK (length(locality) <= 80);
ALTER TABLE person ADD COLUMN community_since TEXT;
CREATE INDEX person_community ON person(community_since) WHERE community_since IS NOT NULL;
