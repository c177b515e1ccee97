/** Test databases: in-memory H2 and a real PostgreSQL started from Maven artifacts. */
package io.rollcall.testdb;
