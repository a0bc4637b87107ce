package org.linli;

import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.impl.cfg.IdGenerator;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.db.DbEntity;
import org.camunda.bpm.engine.impl.db.PersistenceSession;
import org.camunda.bpm.engine.impl.db.entitymanager.DbEntityManager;
import org.camunda.bpm.engine.impl.db.entitymanager.DbEntityManagerFactory;

/**
 * The engine's entity manager with its id check on insert made cheap. Camunda 7.24 builds the check's error message,
 * the whole new entity written out as text, before every insert, whether the id is valid or not: 7 % of the alarm
 * ingestion's CPU in a profile (docs/performance.md). This check is the engine's, and an invalid id still fails with
 * the engine's own message.
 */
final class EntityIdCheck extends DbEntityManagerFactory {

    EntityIdCheck(IdGenerator idGenerator) {
        super(idGenerator);
    }

    @Override
    public DbEntityManager openSession() {
        return new EntityManager(idGenerator, Context.getCommandContext().getSession(PersistenceSession.class));
    }

    static final class EntityManager extends DbEntityManager {

        EntityManager(IdGenerator idGenerator, PersistenceSession persistence) {
            super(idGenerator, persistence);
        }

        @Override
        protected void validateId(DbEntity entity) {
            String id = entity.getId();
            if (id == null || Authorization.ANY.equals(id)) {
                super.validateId(entity);
            }
        }
    }
}
