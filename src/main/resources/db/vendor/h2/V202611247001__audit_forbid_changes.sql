-- Nobody edits the audit log: UPDATE and DELETE of aud_entry fail in the database itself (H2 runs a Java trigger).
CREATE TRIGGER aud_entry_append_only BEFORE UPDATE, DELETE ON aud_entry
    FOR EACH ROW CALL 'org.linli.audit.AppendOnlyTrigger';
