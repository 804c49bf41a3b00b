/**
 * Versioned schema migrations, applied in order inside one transaction each. Never edit a
 * migration that has shipped; add the next one.
 */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const migrations: Migration[] = [
  {
    version: 1,
    name: "initial schema",
    sql: `
      CREATE TABLE tenants (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        description TEXT,
        phone TEXT,
        billing_email TEXT NOT NULL,
        country TEXT,
        street TEXT,
        zip_code TEXT,
        website TEXT,
        timezone TEXT,
        logo_url TEXT,
        plan_limit INTEGER NOT NULL CHECK (plan_limit >= 0),
        read_only INTEGER NOT NULL DEFAULT 0,
        api_key_hash TEXT NOT NULL UNIQUE,
        api_key_masked TEXT NOT NULL,
        version INTEGER NOT NULL DEFAULT 1,
        created_at TEXT NOT NULL,
        modified_at TEXT NOT NULL
      );

      CREATE TABLE environments (
        id TEXT PRIMARY KEY,
        tenant_id TEXT NOT NULL REFERENCES tenants(id),
        name TEXT NOT NULL,
        max_concurrent_calls INTEGER NOT NULL CHECK (max_concurrent_calls >= 0),
        hidden INTEGER NOT NULL DEFAULT 0,
        deletion_protection INTEGER NOT NULL DEFAULT 0,
        api_key_hash TEXT NOT NULL UNIQUE,
        api_key_masked TEXT NOT NULL,
        version INTEGER NOT NULL DEFAULT 1,
        created_at TEXT NOT NULL,
        modified_at TEXT NOT NULL,
        UNIQUE (tenant_id, name)
      );

      CREATE TABLE users (
        id TEXT PRIMARY KEY,
        tenant_id TEXT NOT NULL REFERENCES tenants(id),
        name TEXT NOT NULL,
        email TEXT NOT NULL,
        email_lower TEXT NOT NULL,
        role TEXT NOT NULL CHECK (role IN ('admin', 'member', 'operator', 'viewer')),
        operator_schedule TEXT,
        password_hash TEXT,
        version INTEGER NOT NULL DEFAULT 1,
        created_at TEXT NOT NULL,
        modified_at TEXT NOT NULL,
        UNIQUE (tenant_id, email_lower)
      );

      CREATE TABLE invitations (
        id TEXT PRIMARY KEY,
        tenant_id TEXT NOT NULL REFERENCES tenants(id),
        email TEXT NOT NULL,
        email_lower TEXT NOT NULL,
        role TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('pending', 'accepted', 'revoked')),
        secret_hash TEXT NOT NULL UNIQUE,
        invited_by TEXT NOT NULL,
        expires_at TEXT NOT NULL,
        version INTEGER NOT NULL DEFAULT 1,
        created_at TEXT NOT NULL
      );
      CREATE INDEX invitations_by_email ON invitations (tenant_id, email_lower);

      CREATE TABLE api_tokens (
        id TEXT PRIMARY KEY,
        tenant_id TEXT NOT NULL REFERENCES tenants(id),
        owner_user_id TEXT REFERENCES users(id),
        owner TEXT NOT NULL,
        name TEXT NOT NULL,
        scope TEXT NOT NULL CHECK (scope IN ('read', 'write')),
        token_hash TEXT NOT NULL UNIQUE,
        token_masked TEXT NOT NULL,
        expires_at TEXT,
        last_used_at TEXT,
        revoked_at TEXT,
        created_at TEXT NOT NULL
      );

      CREATE TABLE audit_events (
        id TEXT PRIMARY KEY,
        tenant_id TEXT NOT NULL,
        occurred_at TEXT NOT NULL,
        actor TEXT NOT NULL,
        source TEXT NOT NULL,
        action TEXT NOT NULL,
        resource_type TEXT NOT NULL,
        resource_id TEXT,
        before TEXT,
        after TEXT,
        request_id TEXT
      );
      CREATE INDEX audit_by_resource ON audit_events (tenant_id, resource_type, resource_id);

      CREATE TABLE idempotency_keys (
        scope TEXT NOT NULL,
        key TEXT NOT NULL,
        request_hash TEXT NOT NULL,
        status INTEGER NOT NULL,
        headers TEXT NOT NULL,
        body TEXT,
        -- 1 when the answer held a secret: the body is stored without it.
        secret_withheld INTEGER NOT NULL DEFAULT 0,
        created_at TEXT NOT NULL,
        PRIMARY KEY (scope, key)
      );
    `,
  },
  {
    version: 2,
    name: "sessions",
    sql: `
      -- Sessions from signing in with email and password. Like API tokens, only the token's
      -- SHA-256 is kept. Deleting the user deletes their sessions.
      CREATE TABLE sessions (
        id TEXT PRIMARY KEY,
        tenant_id TEXT NOT NULL REFERENCES tenants(id),
        user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        token_hash TEXT NOT NULL UNIQUE,
        expires_at TEXT NOT NULL,
        created_at TEXT NOT NULL
      );
      CREATE INDEX sessions_by_user ON sessions (user_id);
      CREATE INDEX users_by_email ON users (email_lower);
    `,
  },
];
