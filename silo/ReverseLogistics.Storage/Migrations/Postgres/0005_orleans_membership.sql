-- Orleans cluster membership (Microsoft.Orleans.Clustering.AdoNet 10.4.2) on this database, so
-- that silos in cluster mode find each other and agree on who is alive. The provider creates no
-- schema and ships no SQL: it reads its statements from OrleansQuery at start-up, by key, fails
-- if one of the nine keys it was compiled with is missing, and only ever runs those texts. So
-- this migration owns the tables and the texts, written to the provider's contract: the
-- parameters it binds (@DeploymentId, @Address, ...) and the result columns it reads by name
-- (Address, Port, ..., Version; PostgreSQL folds them to lower case and Npgsql matches them
-- case-insensitively). The table names are ours; we keep the names Orleans' documentation uses.
--
-- Membership is cluster-wide, not tenant data: keys lead with DeploymentId (the ClusterId).
-- The version row is the membership table's optimistic lock: every insert or update of a
-- silo's row must name the version it read and bumps it, in one statement, or changes nothing
-- and answers 0. Each text is a single statement (two for the reset), so no functions needed.
-- Status values are Orleans' SiloStatus: 1 Created, 2 Joining, 3 Active, 4 ShuttingDown,
-- 5 Stopping, 6 Dead. Times are UTC.

-- Read by every Orleans AdoNet provider ("SELECT QueryKey, QueryText FROM OrleansQuery");
-- persistence or reminders, if ever used, would add their keys here.
CREATE TABLE OrleansQuery (
    QueryKey  text NOT NULL,
    QueryText text NOT NULL,
    CONSTRAINT pk_orleans_query PRIMARY KEY (QueryKey)
);

-- One row per cluster: Version is the membership table's version (its etag).
CREATE TABLE OrleansMembershipVersionTable (
    DeploymentId text NOT NULL,
    Timestamp    timestamptz NOT NULL DEFAULT now(),
    Version      integer NOT NULL DEFAULT 0,
    CONSTRAINT pk_orleans_membership_version_table PRIMARY KEY (DeploymentId),
    CONSTRAINT ck_orleans_membership_version_table_version CHECK (Version >= 0)
);

-- One row per silo incarnation (address, silo port and generation). SuspectTimes is Orleans'
-- own text ("silo,time|silo,time"); ProxyPort is the gateway port, 0 when the silo has none.
CREATE TABLE OrleansMembershipTable (
    DeploymentId text NOT NULL,
    Address      text NOT NULL,
    Port         integer NOT NULL,
    Generation   integer NOT NULL,
    SiloName     text NOT NULL,
    HostName     text NOT NULL,
    Status       integer NOT NULL,
    ProxyPort    integer NOT NULL,
    SuspectTimes text NULL,
    StartTime    timestamptz NOT NULL,
    IAmAliveTime timestamptz NOT NULL,
    CONSTRAINT pk_orleans_membership_table PRIMARY KEY (DeploymentId, Address, Port, Generation),
    CONSTRAINT fk_orleans_membership_table_version FOREIGN KEY (DeploymentId)
        REFERENCES OrleansMembershipVersionTable (DeploymentId)
);

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES

-- A silo creates its cluster's version row at start-up; one row, one column: 1 if created.
('InsertMembershipVersionKey', $q$
WITH created AS (
    INSERT INTO OrleansMembershipVersionTable (DeploymentId)
    VALUES (@DeploymentId)
    ON CONFLICT (DeploymentId) DO NOTHING
    RETURNING 1
)
SELECT count(*) FROM created
$q$),

-- A joining silo adds its row, if the version is still the one it read and the row is new.
('InsertMembershipKey', $q$
WITH bumped AS (
    UPDATE OrleansMembershipVersionTable
    SET Version = Version + 1, Timestamp = now()
    WHERE DeploymentId = @DeploymentId AND Version = @Version
      AND NOT EXISTS (
          SELECT 1 FROM OrleansMembershipTable
          WHERE DeploymentId = @DeploymentId AND Address = @Address AND Port = @Port AND Generation = @Generation)
    RETURNING DeploymentId
), inserted AS (
    INSERT INTO OrleansMembershipTable
        (DeploymentId, Address, Port, Generation, SiloName, HostName, Status, ProxyPort, StartTime, IAmAliveTime)
    SELECT DeploymentId, @Address, @Port, @Generation, @SiloName, @HostName, @Status, @ProxyPort, @StartTime, @IAmAliveTime
    FROM bumped
    RETURNING 1
)
SELECT count(*) FROM inserted
$q$),

-- Status changes and suspicion votes, if the version is still the one the silo read.
('UpdateMembershipKey', $q$
WITH bumped AS (
    UPDATE OrleansMembershipVersionTable
    SET Version = Version + 1, Timestamp = now()
    WHERE DeploymentId = @DeploymentId AND Version = @Version
      AND EXISTS (
          SELECT 1 FROM OrleansMembershipTable
          WHERE DeploymentId = @DeploymentId AND Address = @Address AND Port = @Port AND Generation = @Generation)
    RETURNING DeploymentId
), updated AS (
    UPDATE OrleansMembershipTable AS m
    SET Status = @Status, SuspectTimes = @SuspectTimes, IAmAliveTime = @IAmAliveTime
    FROM bumped
    WHERE m.DeploymentId = bumped.DeploymentId AND m.Address = @Address AND m.Port = @Port AND m.Generation = @Generation
    RETURNING 1
)
SELECT count(*) FROM updated
$q$),

-- The heartbeat: outside the versioned protocol, it never bumps the version.
('UpdateIAmAlivetimeKey', $q$
UPDATE OrleansMembershipTable
SET IAmAliveTime = @IAmAliveTime
WHERE DeploymentId = @DeploymentId AND Address = @Address AND Port = @Port AND Generation = @Generation
$q$),

-- One silo's row with the version; the outer join still answers the version when it has none.
('MembershipReadRowKey', $q$
SELECT m.Address, m.Port, m.Generation, m.SiloName, m.HostName, m.Status, m.ProxyPort,
       m.SuspectTimes, m.StartTime, m.IAmAliveTime, v.Version
FROM OrleansMembershipVersionTable AS v
LEFT JOIN OrleansMembershipTable AS m
       ON m.DeploymentId = v.DeploymentId AND m.Address = @Address AND m.Port = @Port AND m.Generation = @Generation
WHERE v.DeploymentId = @DeploymentId
$q$),

-- Every row of the cluster, each with the version; one row of nulls and the version when empty.
('MembershipReadAllKey', $q$
SELECT m.Address, m.Port, m.Generation, m.SiloName, m.HostName, m.Status, m.ProxyPort,
       m.SuspectTimes, m.StartTime, m.IAmAliveTime, v.Version
FROM OrleansMembershipVersionTable AS v
LEFT JOIN OrleansMembershipTable AS m ON m.DeploymentId = v.DeploymentId
WHERE v.DeploymentId = @DeploymentId
$q$),

-- Gateways (the silos' client ports) of the active silos; @Status is always 3, Active.
('GatewaysQueryKey', $q$
SELECT Address, ProxyPort, Generation
FROM OrleansMembershipTable
WHERE DeploymentId = @DeploymentId AND Status = @Status AND ProxyPort > 0
$q$),

-- Forgets a whole cluster (tooling and tests, never a running silo).
('DeleteMembershipTableEntriesKey', $q$
DELETE FROM OrleansMembershipTable WHERE DeploymentId = @DeploymentId;
DELETE FROM OrleansMembershipVersionTable WHERE DeploymentId = @DeploymentId
$q$),

-- Housekeeping (DefunctSiloCleanupPeriod): rows not Active whose last heartbeat is older than
-- @IAmAliveTime (now minus DefunctSiloExpiration). Deleting a row does not bump the version.
('CleanupDefunctSiloEntriesKey', $q$
DELETE FROM OrleansMembershipTable
WHERE DeploymentId = @DeploymentId AND IAmAliveTime < @IAmAliveTime AND Status <> 3
$q$);
