-- 014: a referral's outcome is recorded after the consultation, with its
-- date: the day the person went to the place they were referred to (or was
-- known not to have gone). NULL until known, and only for a referral
-- attended or not attended (the data layer checks it, with the dates).
ALTER TABLE consultation ADD COLUMN referral_outcome_date TEXT;
