-- Login throttling that a stranger cannot turn against an account's owner (issue 9).
-- The old table counted failures per user name, so five requests from anywhere locked any
-- account. Failures are now counted per (account typed, client address) and per client
-- address (account = ''); the rule is src/core/auth/throttle.ts.
drop table login_throttle;

create table login_failures (
  account text not null,          -- user name as typed, lower case; '' = every name from the address
  address text not null,          -- the client's address (request.ip, see TRUST_PROXY)
  failures int not null,
  first_failed_at timestamptz not null,
  last_failed_at timestamptz not null,
  blocked_until timestamptz,
  primary key (account, address)
);
-- The admin screen lists the keys blocked now; old counters are pruned by age.
create index login_failures_blocked_idx on login_failures (blocked_until) where blocked_until is not null;
create index login_failures_last_idx on login_failures (last_failed_at);
