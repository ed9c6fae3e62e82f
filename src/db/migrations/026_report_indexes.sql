-- 026: indexes for the report tables (db/report.h): each line reads the
-- events of its period, not the whole table, through an index that holds
-- what it selects (day first, then centre and person).
-- Consultations and medical cases by day; the referrals apart.
CREATE INDEX consultation_by_date ON consultation(date, centre_id, person_id);
CREATE INDEX consultation_referred ON consultation(date, centre_id, person_id) WHERE referral_to <> '';
CREATE INDEX medical_case_by_opened ON medical_case(opened, centre_id, person_id);
-- Stays overlapping a period: those admitted in it, those admitted before
-- that ended in it or after, those still open.
CREATE INDEX stay_by_admitted ON stay(admitted, centre_id, person_id);
CREATE INDEX stay_by_departed ON stay(departed, admitted, centre_id, person_id, departure_reason)
	WHERE departed IS NOT NULL;
CREATE INDEX stay_open_by_admitted ON stay(admitted, centre_id, person_id) WHERE departed IS NULL;
-- People registered in a period, by their arrival day.
CREATE INDEX person_by_arrival ON person(arrival_date, centre_id);
-- Protection cases open for part of a period, as the stays: opened in it;
-- opened before and closed in it or after; still open.
CREATE INDEX prot_case_by_closed ON prot_case(closed_date, opened, centre_id, person_id)
	WHERE closed_date IS NOT NULL;
CREATE INDEX prot_case_open_by_opened ON prot_case(opened, centre_id, person_id) WHERE closed_date IS NULL;
