/**
 * HTTP plumbing the surfaces share: JSON and HTML error bodies, {@code Cache-Control: no-store} on
 * the APIs, public URLs behind a proxy, query-parameter parsing. Uses nothing else of Rollcall.
 */
package io.rollcall.web;
