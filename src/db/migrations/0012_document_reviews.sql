-- Issue 10: what the reader proposed for a directive and what the clerk confirmed, kept so
-- that the corrections can be exported as gold JSON (the corpus format of
-- test/fixtures/extraction) and the corpus grows with use. One row per document; a second
-- confirmation of the same document replaces it.
create table document_reviews (
  document_id uuid primary key references documents(id) on delete cascade,
  province_id text not null default 'HP' references provinces(id),
  proposed jsonb not null,          -- gold-format assignments the extractor proposed
  reviewed jsonb not null,          -- gold-format assignments the clerk confirmed
  added int not null default 0,     -- confirmed assignments the reader had not proposed
  removed int not null default 0,   -- proposed assignments the clerk left out
  lead_changed int not null default 0,
  deadline_changed int not null default 0,
  reviewed_by uuid references users(id),
  reviewed_at timestamptz not null
);
create index document_reviews_reviewed_at on document_reviews (reviewed_at);
