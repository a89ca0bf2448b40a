-- Issue 9: a directive is registered once, and can be withdrawn.
--
-- The natural key of a directive is its số/ký hiệu, its issuer and its date. Two copies of
-- one directive are recognised through directive_key(): NFC, case and diacritics folded
-- (đ → d, "Uỷ" = "Ủy"), spaces collapsed and dropped around "/" and "-" ("12 / CT-UBND" =
-- "12/CT-UBND"). It is plain SQL, so both engines compute the same key whatever their
-- locale, and it needs no stored column (no backfill, nothing for a restore to recompute).
create function directive_key(num text, issuer text) returns text
language sql immutable parallel safe as $$
  select case
    when nullif(btrim(num), '') is null or nullif(btrim(issuer), '') is null then null
    else regexp_replace(regexp_replace(btrim(translate(normalize(num, NFC), 'àÀáÁạẠảẢãÃâÂầẦấẤậẬẩẨẫẪăĂằẰắẮặẶẳẲẵẴèÈéÉẹẸẻẺẽẼêÊềỀếẾệỆểỂễỄìÌíÍịỊỉỈĩĨòÒóÓọỌỏỎõÕôÔồỒốỐộỘổỔỗỖơƠờỜớỚợỢởỞỡỠùÙúÚụỤủỦũŨưƯừỪứỨựỰửỬữỮỳỲýÝỵỴỷỶỹỸđĐABCDEFGHIJKLMNOPQRSTUVWXYZ', 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaeeeeeeeeeeeeeeeeeeeeeeiiiiiiiiiioooooooooooooooooooooooooooooooooouuuuuuuuuuuuuuuuuuuuuuyyyyyyyyyyddabcdefghijklmnopqrstuvwxyz')), '\s*([/-])\s*', '\1', 'g'), '\s+', ' ', 'g')
      || '|' || regexp_replace(btrim(translate(normalize(issuer, NFC), 'àÀáÁạẠảẢãÃâÂầẦấẤậẬẩẨẫẪăĂằẰắẮặẶẳẲẵẴèÈéÉẹẸẻẺẽẼêÊềỀếẾệỆểỂễỄìÌíÍịỊỉỈĩĨòÒóÓọỌỏỎõÕôÔồỒốỐộỘổỔỗỖơƠờỜớỚợỢởỞỡỠùÙúÚụỤủỦũŨưƯừỪứỨựỰửỬữỮỳỲýÝỵỴỷỶỹỸđĐABCDEFGHIJKLMNOPQRSTUVWXYZ', 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaeeeeeeeeeeeeeeeeeeeeeeiiiiiiiiiioooooooooooooooooooooooooooooooooouuuuuuuuuuuuuuuuuuuuuuyyyyyyyyyyddabcdefghijklmnopqrstuvwxyz')), '\s+', ' ', 'g')
  end
$$;

-- The duplicate warning at registration looks documents up by key and date.
create index documents_directive_idx on documents (directive_key(doc_number, issuer), issued_on);

-- Withdrawal (thu hồi): when, by whom and why; a withdrawn document is kept, with its tasks.
alter table documents
  add column withdrawn_at timestamptz,
  add column withdrawn_by uuid references users(id),
  add column withdrawn_reason text,
  add constraint documents_withdrawn_reason check (withdrawn_at is null or withdrawn_reason is not null);

-- A directive's proposal is confirmed once: a second confirmed, not withdrawn copy of the
-- same directive is refused by this index, also when two clerks confirm two copies at once.
create unique index documents_confirmed_once on documents (directive_key(doc_number, issuer), issued_on)
  where confirmed_at is not null and withdrawn_at is null and issued_on is not null and directive_key(doc_number, issuer) is not null;

-- A task closed because its directive was withdrawn: kept for the record, no longer counted
-- (lists, dashboards, evaluation and reminders leave it out).
alter table tasks
  add column cancelled_at timestamptz,
  add column cancel_reason text,
  add constraint tasks_cancel_reason check (cancelled_at is null or cancel_reason is not null);
