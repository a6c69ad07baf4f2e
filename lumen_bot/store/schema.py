"""Schema migrations of the content database and of the separate key store."""

from __future__ import annotations

CONTENT_MIGRATIONS: list[list[str]] = [
    [
        """CREATE TABLE people (
            id INTEGER PRIMARY KEY,
            platform TEXT NOT NULL,
            external_id TEXT NOT NULL,
            created_at TEXT NOT NULL,
            UNIQUE (platform, external_id))""",
        """CREATE TABLE sessions (
            id INTEGER PRIMARY KEY,
            person_id INTEGER NOT NULL REFERENCES people(id),
            number INTEGER NOT NULL,
            state TEXT NOT NULL CHECK (state IN ('active', 'closing', 'closed')),
            opened_at TEXT NOT NULL,
            last_activity_at TEXT NOT NULL,
            closed_at TEXT,
            closed_by TEXT,
            UNIQUE (person_id, number))""",
        "CREATE UNIQUE INDEX one_active_session ON sessions (person_id) WHERE state = 'active'",
        """CREATE TABLE turns (
            id INTEGER PRIMARY KEY,
            person_id INTEGER NOT NULL REFERENCES people(id),
            session_id INTEGER NOT NULL REFERENCES sessions(id),
            role TEXT NOT NULL CHECK (role IN ('user', 'mentor')),
            body BLOB NOT NULL,  -- sealed JSON: kind, screening level and text
            key_version INTEGER NOT NULL,
            at TEXT NOT NULL,
            source_key TEXT UNIQUE,
            prompt_version TEXT,
            reply_to INTEGER REFERENCES turns(id),
            answered_at TEXT)""",
        "CREATE INDEX turns_by_session ON turns (session_id, id)",
        """CREATE TABLE notebooks (
            session_id INTEGER PRIMARY KEY REFERENCES sessions(id),
            person_id INTEGER NOT NULL REFERENCES people(id),
            body BLOB NOT NULL,
            key_version INTEGER NOT NULL,
            created_at TEXT NOT NULL,
            prompt_version TEXT NOT NULL,
            model TEXT NOT NULL)""",
        """CREATE TABLE arcs (
            id INTEGER PRIMARY KEY,
            person_id INTEGER NOT NULL REFERENCES people(id),
            version INTEGER NOT NULL,
            session_id INTEGER NOT NULL REFERENCES sessions(id),
            body BLOB NOT NULL,
            key_version INTEGER NOT NULL,
            created_at TEXT NOT NULL,
            prompt_version TEXT NOT NULL,
            model TEXT NOT NULL,
            UNIQUE (person_id, version))""",
        """CREATE TABLE closing_jobs (
            session_id INTEGER PRIMARY KEY REFERENCES sessions(id),
            person_id INTEGER NOT NULL REFERENCES people(id),
            stage TEXT NOT NULL CHECK (stage IN ('notebook', 'arc', 'deliver', 'done')),
            attempts INTEGER NOT NULL DEFAULT 0,
            next_attempt_at TEXT NOT NULL,
            last_error TEXT,
            notify INTEGER NOT NULL DEFAULT 1)""",
    ],
]

KEY_MIGRATIONS: list[list[str]] = [
    [
        """CREATE TABLE data_keys (
            person_id INTEGER NOT NULL,
            version INTEGER NOT NULL,
            kek_version INTEGER NOT NULL,
            wrapped BLOB NOT NULL,
            created_at TEXT NOT NULL,
            PRIMARY KEY (person_id, version))""",
    ],
]

# v2: safety review. Flag bodies (evidence, the reported message, context, the person's
# note) are sealed under the flagged person's key; only what ordering and routing need
# stays in clear. The audit log is append-only, enforced by triggers.
CONTENT_MIGRATIONS.append(
    [
        """CREATE TABLE flags (
            id INTEGER PRIMARY KEY,
            person_id INTEGER NOT NULL REFERENCES people(id),
            session_id INTEGER REFERENCES sessions(id),
            source TEXT NOT NULL CHECK (source IN ('crisis', 'report', 'output')),
            severity INTEGER NOT NULL,
            status TEXT NOT NULL DEFAULT 'open'
                CHECK (status IN ('draft', 'open', 'resolved', 'dismissed')),
            body BLOB NOT NULL,
            key_version INTEGER NOT NULL,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL)""",
        "CREATE INDEX flags_queue ON flags (status, severity DESC, id DESC)",
        """CREATE TABLE audit_log (
            id INTEGER PRIMARY KEY,
            at TEXT NOT NULL,
            actor TEXT NOT NULL,
            action TEXT NOT NULL,
            target TEXT NOT NULL,
            detail TEXT)""",
        """CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
            BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END""",
        """CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
            BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END""",
        """CREATE TABLE blocks (
            person_id INTEGER PRIMARY KEY REFERENCES people(id),
            until TEXT NOT NULL,
            notified INTEGER NOT NULL DEFAULT 0)""",
        """CREATE TABLE profiles (
            person_id INTEGER PRIMARY KEY REFERENCES people(id),
            body BLOB NOT NULL,
            key_version INTEGER NOT NULL)""",
    ]
)

# v3: the rhythm of sessions. One reminder row per person: what the scheduler needs in
# clear (when, until when, how many went unanswered, whether Telegram refuses), and the
# unfinished thread a reminder may mention, sealed. Preferences (time zone, time of day,
# cadence) live in the sealed profile.
CONTENT_MIGRATIONS.append(
    [
        """CREATE TABLE reminders (
            person_id INTEGER PRIMARY KEY REFERENCES people(id),
            state TEXT NOT NULL DEFAULT 'none'
                CHECK (state IN ('none', 'scheduled', 'sending')),
            due_at TEXT,
            window_end TEXT,
            ignored INTEGER NOT NULL DEFAULT 0,
            unreachable_at TEXT,
            body BLOB,
            key_version INTEGER)""",
        "CREATE INDEX reminders_due ON reminders (due_at) WHERE state = 'scheduled'",
        "CREATE INDEX sessions_idle ON sessions (last_activity_at) WHERE state = 'active'",
    ]
)

# v4: forgetting, retention and insights. `forgetting` is the durable marker of a
# /forget under way (a kill between destroying the key and deleting the rows is
# finished at the next start); `blocked_refs` carries an admin's block past /forget as
# a keyed hash of the platform id, never the id itself. The person's retention and
# insights choices are clear columns of `people`: preferences, not content, so the
# retention sweep and the insights report read them without decrypting anyone.
CONTENT_MIGRATIONS.append(
    [
        """CREATE TABLE forgetting (
            person_id INTEGER PRIMARY KEY REFERENCES people(id),
            started_at TEXT NOT NULL)""",
        """CREATE TABLE blocked_refs (
            ref TEXT PRIMARY KEY,
            until TEXT NOT NULL)""",
        "ALTER TABLE people ADD COLUMN retention_days INTEGER",
        "ALTER TABLE people ADD COLUMN insights INTEGER NOT NULL DEFAULT 1",
    ]
)

# v5: Arc corrections ("that's not right" under a section of /memory). A correction is
# durable from the moment the person's answer is stored until a new Arc version holds
# it, like a closing job. In clear: state, times, attempts and which Arc version was
# read; the section heading and the person's words are sealed in `body`. At most one
# open correction per person (asked or being applied).
CONTENT_MIGRATIONS.append(
    [
        """CREATE TABLE arc_corrections (
            id INTEGER PRIMARY KEY,
            person_id INTEGER NOT NULL REFERENCES people(id),
            state TEXT NOT NULL
                CHECK (state IN ('asked', 'received', 'done', 'crisis', 'refused')),
            arc_version INTEGER NOT NULL,
            asked_at TEXT NOT NULL,
            received_at TEXT,
            source_key TEXT UNIQUE,
            attempts INTEGER NOT NULL DEFAULT 0,
            next_attempt_at TEXT,
            last_error TEXT,
            new_arc_version INTEGER,
            body BLOB NOT NULL,
            key_version INTEGER NOT NULL)""",
        """CREATE UNIQUE INDEX one_open_correction ON arc_corrections (person_id)
            WHERE state IN ('asked', 'received')""",
        "CREATE INDEX corrections_pending ON arc_corrections (state) WHERE state = 'received'",
    ]
)

# How many parts of a mentor's reply, cut into several messages, reached the person while
# parts were still to go. A reply that stopped half-way (a delivery failure, a crash) is
# delivered later from its first part not yet sent, so no part is read twice.
CONTENT_MIGRATIONS.append(
    ["ALTER TABLE turns ADD COLUMN parts_delivered INTEGER NOT NULL DEFAULT 0"]
)
