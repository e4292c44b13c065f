package org.tachi.sessions.embedded;

/** No MongoDB is configured and the demo database was not asked for: the service does not start. */
class NoDatabaseConfiguredException extends RuntimeException {

    static final String DESCRIPTION = "No database: set MONGODB_URI to Tachi's MongoDB"
            + " (mongodb://host:27017/<Tachi's MONGO_DATABASE_NAME>), or start with --demo (TACHI_DEMO=true)"
            + " for an in-memory database with public demo data.";

    NoDatabaseConfiguredException() {
        super(DESCRIPTION);
    }
}
