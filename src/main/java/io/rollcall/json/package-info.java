/**
 * Reading and writing SCIM JSON: request bodies (media type, size limit, strict UTF-8) and the
 * stored documents, through one JSON-B instance. Uses only {@code protocol}.
 */
package io.rollcall.json;
