-- The notes of counted deliveries messages are deleted once no copy of the message can come again
-- (delivery.DeliveryNotesExpiry); this index finds them without reading the whole table.
create index delivery_applied_applied_at on delivery_applied (applied_at);
