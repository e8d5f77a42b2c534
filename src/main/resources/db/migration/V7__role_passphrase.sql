-- The expert role's passphrase (docs/roles.md): a salted PBKDF2 hash, set once when the workbench is
-- created or at the first expert sign-in. It guards against mistakes (a coder clicking "expert"),
-- not against attackers: whoever has the file can read everything in it.
-- (V7, not V6: the twitter-data branch brings V6__twitter_fields.sql.)
CREATE TABLE role_passphrase (
    role        TEXT    PRIMARY KEY CHECK (role IN ('expert')),
    algorithm   TEXT    NOT NULL,              -- e.g. PBKDF2WithHmacSHA256
    iterations  INTEGER NOT NULL,
    salt        TEXT    NOT NULL,              -- base64
    hash        TEXT    NOT NULL,              -- base64
    set_at      TEXT    NOT NULL
);
