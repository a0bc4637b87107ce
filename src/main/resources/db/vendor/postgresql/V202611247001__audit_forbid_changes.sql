-- Nobody edits the audit log: UPDATE, DELETE and TRUNCATE of aud_entry fail in the database itself.
CREATE FUNCTION aud_forbid_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'aud_entry is append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER aud_entry_append_only BEFORE UPDATE OR DELETE ON aud_entry
    FOR EACH ROW EXECUTE FUNCTION aud_forbid_change();
CREATE TRIGGER aud_entry_no_truncate BEFORE TRUNCATE ON aud_entry
    FOR EACH STATEMENT EXECUTE FUNCTION aud_forbid_change();
