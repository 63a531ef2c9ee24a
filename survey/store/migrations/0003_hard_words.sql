-- Hard words: a participant's mark that a word of a question was hard to
-- understand ("I don't understand"). Kept with the response, like answers;
-- a mark is only ever added, so merging laptops takes the union of marks.
-- word is the word in lower case, or '(all)' for the whole question.
CREATE TABLE hard_words (
    response_id TEXT NOT NULL REFERENCES responses (id) ON DELETE CASCADE,
    question_id TEXT NOT NULL,
    language    TEXT NOT NULL,
    word        TEXT NOT NULL,
    marked_at   TEXT NOT NULL,
    PRIMARY KEY (response_id, question_id, language, word)
) WITHOUT ROWID;
