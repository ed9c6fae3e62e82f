/* The sustainability survey as lines of a text page: a visit's scores and
 * why (each question's answer, score and weight), a version's questions
 * with their weights and answer scores. */
#include <stdio.h>
#include <string.h>

#include "core/date.h"
#include "core/i18n.h"
#include "core/reint_vocab.h"
#include "core/vocab.h"
#include "db/reint_survey.h"
#include "screens/reint_survey_text.h"
#include "ui/draw.h"
#include "ui/textpage.h"

void reint_number_text(double v, char *out, size_t size)
{
	snprintf(out, size, "%.4g", v);
}

void reint_score_text(const struct reint_scores *s, int d, char *out, size_t size)
{
	if (s->known[d])
		snprintf(out, size, "%.2f", s->score[d]);
	else
		snprintf(out, size, "%s", _("unknown"));
}

static const char *dim_label(int d)
{
	if (d == REINT_COMPOSITE)
		return _("Composite");
	const char *l = vocab_label(VOCAB_REINT_DIMENSION, reint_dim_code(d));
	return l ? _(l) : "";
}

void reint_scores_text(struct textpage *p, const char *heading, const struct reint_scores *s, bool explain, int cols)
{
	char line[TEXTPAGE_BYTES], score[32], w[3][24];
	textpage_add(p, A_BOLD, heading);
	for (int d = 0; d < 3; d++)
		reint_number_text(s->weight[d], w[d], sizeof w[d]);
	for (int d = 0; d < REINT_SCORES; d++) {
		char label[64];
		reint_score_text(s, d, score, sizeof score);
		ui_pad(dim_label(d), 14, label, sizeof label);
		snprintf(line, sizeof line, "  %s %7s", label, score);
		textpage_add(p, d == REINT_COMPOSITE ? A_BOLD : 0, line);
	}
	snprintf(line, sizeof line, _("(weights: economic %s, social %s, psychosocial %s)"), w[0], w[1], w[2]);
	textpage_add_wrapped(p, 0, 4, cols, line, NULL);
	if (!explain)
		return;
	for (int d = 0; d < 3; d++) {
		textpage_add(p, 0, "");
		snprintf(line, sizeof line, _("%s: mean of the answers' scores weighted by the questions' weights"),
		         dim_label(d));
		textpage_add_wrapped(p, A_UNDERLINE, 2, cols - 2, line, NULL);
		for (int i = 0; i < s->n; i++) {
			const struct reint_score_line *l = &s->line[i];
			if (l->dim != d)
				continue;
			char tail[64], num[24];
			reint_number_text(l->weight, num, sizeof num);
			if (l->answered) {
				char sc[24];
				reint_number_text(l->score, sc, sizeof sc);
				snprintf(tail, sizeof tail, _("score %-4s weight %s"), sc, num);
			} else {
				snprintf(tail, sizeof tail, _("weight %s"), num);
			}
			textpage_add_wrapped(p, 0, 4, cols - 24, l->question, tail);
			snprintf(line, sizeof line, "→ %s", l->answered ? l->answer : _("not answered: not counted"));
			textpage_add_wrapped(p, 0, 8, cols - 2, line, NULL);
		}
	}
}

void reint_version_text(struct textpage *p, const struct reint_survey *s, int cols)
{
	char line[TEXTPAGE_BYTES], from[16], w[3][24];
	struct pdate day;
	if (date_from_iso(s->v.valid_from, &day) == DATE_OK)
		date_format(&day, from, sizeof from);
	else
		snprintf(from, sizeof from, "%s", s->v.valid_from);
	snprintf(line, sizeof line, _("Version %d, in force from %s"), s->v.version, from);
	textpage_add(p, A_BOLD, line);
	if (s->v.description[0])
		textpage_add_wrapped(p, 0, 2, cols - 2, s->v.description, NULL);
	if (s->v.visits)
		snprintf(line, sizeof line, _("Visits answered with it: %d. It is never changed: make a new version instead."),
		         s->v.visits);
	else
		snprintf(line, sizeof line, "%s", _("No visit used it yet."));
	textpage_add_wrapped(p, 0, 2, cols - 2, line, NULL);
	for (int d = 0; d < 3; d++)
		reint_number_text(s->v.weight[d], w[d], sizeof w[d]);
	snprintf(line, sizeof line, _("Composite: weights economic %s, social %s, psychosocial %s"), w[0], w[1], w[2]);
	textpage_add_wrapped(p, 0, 2, cols - 2, line, NULL);
	for (int d = 0; d < 3; d++) {
		textpage_add(p, 0, "");
		snprintf(line, sizeof line, _("%s (weight %s)"), dim_label(d), w[d]);
		textpage_add(p, A_UNDERLINE, line);
		for (int i = 0; i < s->n; i++) {
			const struct reint_survey_question *q = &s->q[i];
			if (q->dim != d)
				continue;
			char tail[48], num[24];
			reint_number_text(q->weight, num, sizeof num);
			snprintf(tail, sizeof tail, _("weight %s"), num);
			textpage_add_wrapped(p, 0, 2, cols - 16, q->text, tail);
			for (int k = 0; k < q->n_options; k++) {
				reint_number_text(q->option[k].score, num, sizeof num);
				snprintf(tail, sizeof tail, _("score %s"), num);
				textpage_add_wrapped(p, 0, 6, cols - 16, q->option[k].text, tail);
			}
		}
	}
}
