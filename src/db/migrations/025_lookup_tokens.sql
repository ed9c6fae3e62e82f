-- 025: a lookup of two words reads a few short lists at millions of people.
-- Each row of the search index also holds, for its name words as the
-- index splits them (N'Diaye: ndiaye, n, diaye), "0t<a>0<b>" for every two
-- words without a pair token "0p", "0r<key>0<word>" for every sound key
-- with every word ("sounds like the first, begins like the second" is one
-- prefix query) and "0s<key>0<key>" for every two keys without a "0q"
-- token; "0x" when some were left out (person_keys.c). name_word is the
-- vocabulary of those words: the words that begin with a typed word are
-- looked up there rather than crossed in the index. It grows with
-- distinct spellings, not with people, and is never pruned.
--
-- The index is emptied here and written again, with the vocabulary, when
-- the program next opens the database (the form of the keys changed:
-- KEYS_FORM in person_keys.c), in one transaction.

CREATE TABLE name_word (
	word TEXT PRIMARY KEY
) WITHOUT ROWID;

DROP TABLE person_search;

CREATE VIRTUAL TABLE person_search USING fts5(
	text,
	tokenize = 'unicode61 remove_diacritics 2',
	prefix = '1 2 3 4 5 6 7 8',
	detail = none
);
