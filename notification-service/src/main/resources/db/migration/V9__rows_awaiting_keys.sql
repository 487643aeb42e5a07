-- Only the rows still without a key (recipient.AddressKeys, at each start): once every row has one these
-- indexes are empty, and the check at start reads nothing instead of scanning every recipient.
create index recipient_awaiting_key on recipient (registration_id) where address_key is null;
create index suppressed_address_awaiting_key on suppressed_address (email) where address_key is null;
