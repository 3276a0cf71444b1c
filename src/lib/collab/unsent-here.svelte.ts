/**
 * The changes the board open in this tab has not sent yet, for the header: logging out deletes the
 * board copies kept in this browser, so it must not happen while they hold unsent changes.
 */
export const unsentHere = $state({ count: 0 });
