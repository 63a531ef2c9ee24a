-- The first schema: surveys and their versions, responses and their answers.
CREATE TABLE surveys (
    id          TEXT PRIMARY KEY,
    created_at  TEXT NOT NULL,
    archived_at TEXT
);

-- Each distinct definition of a survey is a version; responses point at one.
CREATE TABLE survey_versions (
    survey_id    TEXT NOT NULL REFERENCES surveys (id),
    version      INTEGER NOT NULL CHECK (version > 0),
    definition   TEXT NOT NULL,
    sha256       TEXT NOT NULL,
    published_at TEXT NOT NULL,
    PRIMARY KEY (survey_id, version)
);

CREATE TABLE responses (
    id          TEXT PRIMARY KEY,
    survey_id   TEXT NOT NULL,
    version     INTEGER NOT NULL,
    device_id   TEXT NOT NULL,
    event       TEXT NOT NULL DEFAULT '',
    language    TEXT NOT NULL,
    answered_by TEXT NOT NULL DEFAULT '',
    started_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    finished_at TEXT,
    status      TEXT NOT NULL CHECK (status IN ('complete', 'incomplete')),
    FOREIGN KEY (survey_id, version) REFERENCES survey_versions (survey_id, version)
);
CREATE INDEX responses_by_survey ON responses (survey_id, started_at);

CREATE TABLE answers (
    response_id TEXT NOT NULL REFERENCES responses (id) ON DELETE CASCADE,
    question_id TEXT NOT NULL,
    value       TEXT NOT NULL,
    answered_at TEXT NOT NULL,
    PRIMARY KEY (response_id, question_id)
) WITHOUT ROWID;

CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
