-- Suppressed addresses kept as keyed hashes (HMAC-SHA256 under a key derived from CONVENE_LINKS_SECRET),
-- not as addresses: the table tells whether an address is suppressed, never which addresses are. Each
-- recipient carries the same key of its address, so that the claim of due emails compares keys. Rows of
-- before this migration get their keys from recipient.AddressKeys at the first start, which also blanks
-- the addresses; a later migration drops the email column once every deployment has run that.
alter table recipient add column address_key text;
create index recipient_address_key on recipient (address_key);

alter table suppressed_address drop constraint suppressed_address_pkey;
alter table suppressed_address alter column email drop not null;
alter table suppressed_address add column address_key text;
create unique index suppressed_address_key on suppressed_address (address_key);
