-- 012: the lookup finds spelling variants and one mistyped letter.
-- The search index also holds each person's sound keys (core/names.c) as
-- tokens "0k<key>", one per name word and one per two neighbouring words
-- written together (Abdou Rahmane = Abdourahmane), and a token "0w<words>"
-- of the family and given names sorted, so that the whole name typed in
-- any order is one term, and "0h<centre>" while the person stays at that
-- centre (written again when a stay opens or closes), so that the people
-- staying at the user's centre come first; the data layer writes them with
-- the rest of the row. name_typo is the vocabulary of name words
-- of five letters or more: each word and each form of it with one letter
-- deleted ("probe"), with the word. A typed word's own deletions meet the
-- probes of every word one letter away (symmetric delete); those words
-- then find the people through the search index. It
-- grows with distinct spellings, not with people, and is never pruned (a
-- word nobody holds any more finds nobody). Rows saved before this
-- migration are given their keys once when the database is opened.

-- The rows of the people staying at a centre now, again, in an index of
-- their own (a few thousand rows, not millions): the lookup lists them
-- first in each tier without reading through everyone who matches.
CREATE VIRTUAL TABLE person_here USING fts5(
	text,
	tokenize = 'unicode61 remove_diacritics 2',
	prefix = '1 2 3 4 5 6 7 8',
	detail = none
);

CREATE TABLE name_typo (
	probe TEXT NOT NULL,
	word  TEXT NOT NULL,
	PRIMARY KEY (probe, word)
) WITHOUT ROWID;

-- The rows saved before get their keys when the program next opens the
-- database: the form of the keys changed (KEYS_FORM in person_keys.c), so
-- they are derived again, in one transaction.
