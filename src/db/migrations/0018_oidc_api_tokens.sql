-- Issue 13: sign-in through the province's OpenID provider, and API tokens for other systems.

-- The provider's subject a user is linked to (issuer + sub: a subject is only unique within
-- its issuer). Linked on first sign-in by e-mail, or set by the administrator.
alter table users add column oidc_issuer text;
alter table users add column oidc_subject text;
create unique index users_oidc_subject_idx on users (oidc_issuer, oidc_subject) where oidc_subject is not null;
create index users_email_idx on users (lower(email)) where email is not null;

-- A sign-in started at the provider: state, nonce and PKCE verifier, kept server-side so that
-- several processes can finish a flow another one started. Used once, then deleted; rows older
-- than ten minutes are refused and swept. Unlogged: transient by nature, so no backup holds it.
create unlogged table oidc_logins (
  state text primary key,
  nonce text not null,
  code_verifier text not null,
  created_at timestamptz not null
);
create index oidc_logins_created_idx on oidc_logins (created_at);

-- A token another system sends as `Authorization: Bearer`. Only the sha-256 of the secret is
-- stored. It acts as its own service account (user_id: role, unit, no usable password), so
-- every audit row of its requests names the token; `scopes` narrows what the role allows to
-- modules and read/write ('tasks:read', 'indicators:write').
create table api_tokens (
  id uuid primary key default gen_random_uuid(),
  name text not null,
  token_hash text not null unique,
  prefix text not null,                 -- the first characters, shown to tell tokens apart
  user_id uuid not null references users(id),
  scopes text[] not null,
  expires_at timestamptz not null,
  revoked_at timestamptz,
  last_used_at timestamptz,
  created_by uuid references users(id),
  created_at timestamptz not null
);
create unique index api_tokens_name_idx on api_tokens (lower(name));
