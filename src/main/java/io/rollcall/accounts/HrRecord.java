package io.rollcall.accounts;

/**
 * A person as the HR data describes them: the uploaded row and what the directory's hierarchy
 * derives from it.
 *
 * @param directReports how many current accounts name this person as their manager
 * @param level 0 at the top of the hierarchy; null when the chain of managers never reaches a top
 * @param departed whether a full HR sync found the person missing
 */
public record HrRecord(AccountRow row, int directReports, Integer level, boolean departed) {}
