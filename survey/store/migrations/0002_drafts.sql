-- Drafts: a survey being edited and not yet published, one per survey. A
-- draft of a new survey has no row in surveys until it is published.
CREATE TABLE drafts (
    survey_id  TEXT PRIMARY KEY,
    definition TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
