-- The index a running reindex builds (CaseReindexer). Every application node's indexer reads it before it writes a
-- batch and writes the batch there too: the outbox is shared, so a change another node drains must not miss the
-- new index. One row while a reindex runs, none otherwise.
CREATE TABLE trk_reindex_target (
    id         SMALLINT     PRIMARY KEY CHECK (id = 1),
    index_name VARCHAR(255) NOT NULL
);
