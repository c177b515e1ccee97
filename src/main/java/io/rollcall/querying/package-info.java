/** Pieces shared by the per-resource SCIM filter translators: typed, parameterised comparisons. */
package io.rollcall.querying;
