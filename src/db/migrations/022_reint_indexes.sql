-- 022: indexes for the reintegration lists and figures: the cases of a
-- centre, latest return first (paged by return day and id), and the visits
-- done in a period (the survey's mean scores).
CREATE INDEX reint_case_by_centre ON reint_case(centre_id, return_date, id);
CREATE INDEX reint_visit_done ON reint_visit(done_date) WHERE status = 'done';
