-- Id-card numbers are shown with the first four and last four characters only (issue 13, docs/privacy.md);
-- rows masked before kept six. The mask is derived from the stored mask: the number itself is never stored.
UPDATE bd_resident
   SET id_card_masked = SUBSTRING(id_card_masked FROM 1 FOR 4) || '**********' || SUBSTRING(id_card_masked FROM 15 FOR 4)
 WHERE SUBSTRING(id_card_masked FROM 5 FOR 2) <> '**';
